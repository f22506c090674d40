package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A desktop notification (wire {@code Notification}).
 *
 * @param id backend id, not blank
 * @param title title
 * @param body body text (default "")
 * @param app the sending application, or null (wire nil)
 * @param timestamp Unix seconds
 */
public record Notification(String id, String title, String body, @Nullable String app, double timestamp) {
    public Notification {
        Checks.nonBlank(id, "id");
        requireNonNull(title, "title is null");
        requireNonNull(body, "body is null");
        Checks.finite(timestamp, "timestamp");
    }
}
