package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A single key press or release (wire {@code KeyEvent}). A press is down then up; a chord is all
 * downs then the ups in reverse; modifier keys are sent as their own events.
 *
 * @param action down or up
 * @param keysym lower-case normalised key name ({@code a}, {@code enter}, {@code f5}, {@code ctrl}, ...), not blank
 * @param character the character produced, or null (wire {@code char}, nil); renamed because
 *     {@code char} is a Java keyword
 * @param scancode hardware scan code, or null (wire nil)
 * @param modifiers modifiers held (default empty)
 * @param isRepeat whether this is an auto-repeat (default false)
 * @param timestamp Unix seconds
 */
public record KeyEvent(
        KeyAction action,
        String keysym,
        @Nullable String character,
        @Nullable Integer scancode,
        List<Modifier> modifiers,
        boolean isRepeat,
        double timestamp) implements InputEvent {
    public KeyEvent {
        requireNonNull(action, "action is null");
        Checks.nonBlank(keysym, "keysym");
        modifiers = Checks.list(modifiers, "modifiers");
        Checks.finite(timestamp, "timestamp");
    }

    /** Press {@code keysym} (taken as given, not normalised), stamped now. */
    public static KeyEvent down(String keysym) {
        return new KeyEvent(KeyAction.DOWN, keysym, null, null, List.of(), false, Checks.now());
    }

    /** Release {@code keysym} (taken as given, not normalised), stamped now. */
    public static KeyEvent up(String keysym) {
        return new KeyEvent(KeyAction.UP, keysym, null, null, List.of(), false, Checks.now());
    }
}
