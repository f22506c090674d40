package dev.opendesk.core.computer;

import dev.opendesk.core.model.Rect;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of {@code display.capture}.
 *
 * @param displayId the display to capture, or null for the primary one
 * @param region the area to capture in logical pixels, or null for the whole display
 * @param downscale whether the backend may shrink large captures (the reference caps width at 1920 px)
 */
public record CaptureRequest(@Nullable String displayId, @Nullable Rect region, boolean downscale) {
    private static final CaptureRequest PRIMARY = new CaptureRequest(null, null, true);

    /** The whole primary display, downscaled: the server defaults. */
    public static CaptureRequest primary() {
        return PRIMARY;
    }
}
