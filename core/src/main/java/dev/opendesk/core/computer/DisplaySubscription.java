package dev.opendesk.core.computer;

import dev.opendesk.core.model.Rect;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of {@code display.subscribe}.
 *
 * @param displayId the display to stream, or null for the primary one
 * @param fps requested frames per second (default 30); hosts pace at {@link #effectiveFps()}
 *     rather than rejecting an out-of-range value, as the reference does
 * @param region the area to stream in logical pixels, or null for the whole display
 */
public record DisplaySubscription(@Nullable String displayId, int fps, @Nullable Rect region) {
    /** The default and the maximum frame rate. */
    public static final int MAX_FPS = 30;

    /** The whole primary display at the default frame rate. */
    public static DisplaySubscription primary() {
        return new DisplaySubscription(null, MAX_FPS, null);
    }

    /** {@code fps} clamped to 1..{@value #MAX_FPS}, the rate a host actually delivers. */
    public int effectiveFps() {
        return Math.max(1, Math.min(MAX_FPS, fps));
    }
}
