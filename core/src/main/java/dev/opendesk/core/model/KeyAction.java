package dev.opendesk.core.model;

import java.util.Optional;

/** Whether a {@link KeyEvent} presses or releases its key (wire {@code KeyEvent.action}). */
public enum KeyAction {
    DOWN("down"),
    UP("up");

    private final String wire;

    KeyAction(String wire) {
        this.wire = wire;
    }

    /** The string written on the wire. */
    public String wire() {
        return wire;
    }

    /** The value for a wire string, or empty if it is not one. */
    public static Optional<KeyAction> fromWire(String wire) {
        for (KeyAction value : values()) {
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
