package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

/**
 * One item of a {@code display.subscribe} stream (wire {@code DisplayFrame}).
 *
 * @param pixmap the captured image
 * @param frameNumber 0, 1, 2, ... within the stream
 * @param keyframe whether the frame is complete on its own (always true in the reference)
 */
public record DisplayFrame(Pixmap pixmap, long frameNumber, boolean keyframe) {
    public DisplayFrame {
        requireNonNull(pixmap, "pixmap is null");
        Checks.nonNegative(frameNumber, "frameNumber");
    }

    /** A keyframe, the spec's default. */
    public static DisplayFrame of(Pixmap pixmap, long frameNumber) {
        return new DisplayFrame(pixmap, frameNumber, true);
    }
}
