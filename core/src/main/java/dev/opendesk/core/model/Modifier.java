package dev.opendesk.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A modifier key (wire {@code PointerEvent.modifiers} / {@code KeyEvent.modifiers}); its wire
 * value is also the keysym sent when the modifier key itself is pressed.
 */
public enum Modifier {
    SHIFT("shift"),
    CTRL("ctrl"),
    ALT("alt"),
    /** Cmd on macOS, Win on Windows, Super on Linux. */
    META("meta"),
    FN("fn"),
    CAPS_LOCK("caps_lock");

    private final String wire;

    Modifier(String wire) {
        this.wire = wire;
    }

    /** The string written on the wire. */
    public String wire() {
        return wire;
    }

    /** The value for a wire string, or empty if it is not one. */
    public static Optional<Modifier> fromWire(String wire) {
        for (Modifier value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The modifier a user-facing key name stands for, case-insensitively: {@code ctrl}/{@code control},
     * {@code alt}/{@code option}, {@code shift}, {@code meta}/{@code cmd}/{@code command}/{@code super}/{@code win},
     * {@code fn}, {@code caps_lock}/{@code capslock}; empty for any other key.
     */
    public static Optional<Modifier> fromKeyName(String keyName) {
        return switch (keyName.strip().toLowerCase(Locale.ROOT)) {
            case "ctrl", "control" -> Optional.of(CTRL);
            case "alt", "option" -> Optional.of(ALT);
            case "shift" -> Optional.of(SHIFT);
            case "meta", "cmd", "command", "super", "win" -> Optional.of(META);
            case "fn" -> Optional.of(FN);
            case "caps_lock", "capslock" -> Optional.of(CAPS_LOCK);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return wire;
    }
}
