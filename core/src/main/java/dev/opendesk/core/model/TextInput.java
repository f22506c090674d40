package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

/**
 * High-level text entry, Unicode-safe (wire {@code TextInput}; the reference pastes it through the clipboard).
 *
 * @param text the text to type
 * @param intervalMs delay between characters in milliseconds, not negative (default 20)
 */
public record TextInput(String text, int intervalMs) {
    /** The spec's default {@code interval_ms}. */
    public static final int DEFAULT_INTERVAL_MS = 20;

    public TextInput {
        requireNonNull(text, "text is null");
        Checks.nonNegative(intervalMs, "intervalMs");
    }

    /** {@code text} at the default interval. */
    public static TextInput of(String text) {
        return new TextInput(text, DEFAULT_INTERVAL_MS);
    }
}
