package dev.opendesk.core.computer;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.OpendeskException;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of {@code ui.tree}. With neither a window nor an app, the focused window is read.
 *
 * @param windowId the window whose tree to read, or null
 * @param app the application whose tree to read, or null
 * @param maxDepth how many levels below the root to include, not negative (default 8)
 */
public record UiTreeRequest(@Nullable String windowId, @Nullable String app, int maxDepth) {
    /** The spec's default {@code max_depth}. */
    public static final int DEFAULT_MAX_DEPTH = 8;

    public UiTreeRequest {
        if (maxDepth < 0) {
            throw OpendeskException.invalidArgument("maxDepth must not be negative, got " + maxDepth);
        }
    }

    /** The focused window's tree at the default depth. */
    public static UiTreeRequest focused() {
        return new UiTreeRequest(null, null, DEFAULT_MAX_DEPTH);
    }

    /** An application's tree at the default depth. */
    public static UiTreeRequest forApp(String app) {
        return new UiTreeRequest(null, requireNonNull(app, "app is null"), DEFAULT_MAX_DEPTH);
    }

    /** A window's tree at the default depth. */
    public static UiTreeRequest forWindow(String windowId) {
        return new UiTreeRequest(requireNonNull(windowId, "windowId is null"), null, DEFAULT_MAX_DEPTH);
    }
}
