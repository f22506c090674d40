package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A connected monitor (wire {@code Display}).
 *
 * @param id backend id, not blank (the reference uses {@code "1".."n"})
 * @param bounds position and size in logical pixels
 * @param scaleFactor physical pixels per logical pixel, positive (default 1.0)
 * @param primary whether this is the primary display
 * @param name human name, or null (wire nil)
 */
public record Display(String id, Rect bounds, double scaleFactor, boolean primary, @Nullable String name) {
    public Display {
        Checks.nonBlank(id, "id");
        requireNonNull(bounds, "bounds is null");
        Checks.finite(scaleFactor, "scaleFactor");
        if (scaleFactor <= 0) {
            throw OpendeskException.invalidArgument("scaleFactor must be positive, got " + scaleFactor);
        }
    }
}
