package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A top-level window (wire {@code Window}).
 *
 * @param id backend window id, not blank
 * @param title window title (may be empty)
 * @param appName display name of the owning application (may be empty)
 * @param pid owning process id, or null (wire nil)
 * @param bounds position and size in logical pixels, or null (wire nil)
 * @param focused whether it has the focus (default false)
 * @param minimized whether it is minimised (default false)
 * @param workspace virtual desktop name, or null (wire nil)
 */
public record Window(
        String id,
        String title,
        String appName,
        @Nullable Long pid,
        @Nullable Rect bounds,
        boolean focused,
        boolean minimized,
        @Nullable String workspace) {
    public Window {
        Checks.nonBlank(id, "id");
        requireNonNull(title, "title is null");
        requireNonNull(appName, "appName is null");
        Checks.nonNegativeOrNull(pid, "pid");
    }

    /** A window with only the required fields; everything else at its default. */
    public static Window of(String id, String title, String appName) {
        return new Window(id, title, appName, null, null, false, false, null);
    }
}
