package dev.opendesk.core.model;

import java.util.Optional;

/**
 * What a {@link PointerEvent} does (wire {@code PointerEvent.action}); clicks and drags are
 * compositions of these.
 */
public enum PointerAction {
    MOVE("move"),
    DOWN("down"),
    UP("up"),
    SCROLL("scroll");

    private final String wire;

    PointerAction(String wire) {
        this.wire = wire;
    }

    /** The string written on the wire. */
    public String wire() {
        return wire;
    }

    /** The value for a wire string, or empty if it is not one. */
    public static Optional<PointerAction> fromWire(String wire) {
        for (PointerAction value : values()) {
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
