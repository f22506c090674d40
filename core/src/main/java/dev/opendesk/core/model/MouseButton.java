package dev.opendesk.core.model;

import java.util.Optional;

/**
 * A pointer button (wire {@code PointerEvent.button}); a host treats a nil button on down/up as
 * {@link #LEFT}.
 */
public enum MouseButton {
    LEFT("left"),
    RIGHT("right"),
    MIDDLE("middle"),
    /** The first extra ("back") button. */
    X1("x1"),
    /** The second extra ("forward") button. */
    X2("x2");

    private final String wire;

    MouseButton(String wire) {
        this.wire = wire;
    }

    /** The string written on the wire. */
    public String wire() {
        return wire;
    }

    /** The value for a wire string, or empty if it is not one. */
    public static Optional<MouseButton> fromWire(String wire) {
        for (MouseButton value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire;
    }
}
