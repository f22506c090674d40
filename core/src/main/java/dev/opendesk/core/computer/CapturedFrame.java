package dev.opendesk.core.computer;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.image.PixmapDecoder;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.model.Pixmap;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A screenshot as pixels, for callers that process the image further (the agent tools scale,
 * compare and annotate it): a local backend hands over the grabbed frame without encoding it,
 * a remote or generic one decodes the {@link Pixmap} it received and keeps it, so that it can be
 * passed on unchanged when no further processing is needed.
 */
public final class CapturedFrame {
    private final RawFrame frame;
    private final int logicalWidth;
    private final int logicalHeight;
    private final @Nullable String displayId;
    private final double capturedAt;
    private final @Nullable Pixmap encoded;

    private CapturedFrame(RawFrame frame, int logicalWidth, int logicalHeight, @Nullable String displayId,
                          double capturedAt, @Nullable Pixmap encoded) {
        this.frame = requireNonNull(frame, "frame is null");
        if (logicalWidth <= 0 || logicalHeight <= 0) {
            throw new IllegalArgumentException("logical size must be positive, got " + logicalWidth + "x" + logicalHeight);
        }
        this.logicalWidth = logicalWidth;
        this.logicalHeight = logicalHeight;
        this.displayId = displayId;
        this.capturedAt = capturedAt;
        this.encoded = encoded;
    }

    /**
     * Pixels straight from a backend's grab.
     *
     * @param frame the pixels, owned by the result (not a shared-memory view that the next grab overwrites)
     * @param logicalWidth the captured area's width in logical pixels
     * @param logicalHeight its height
     * @param displayId the display captured, if known
     * @param capturedAt Unix seconds
     */
    public static CapturedFrame grabbed(RawFrame frame, int logicalWidth, int logicalHeight,
                                        @Nullable String displayId, double capturedAt) {
        return new CapturedFrame(frame, logicalWidth, logicalHeight, displayId, capturedAt, null);
    }

    /** The pixels of an encoded screenshot, which is kept as {@link #encoded()}. */
    public static CapturedFrame decoded(Pixmap pixmap) {
        requireNonNull(pixmap, "pixmap is null");
        return new CapturedFrame(PixmapDecoder.decode(pixmap), pixmap.logicalWidth(), pixmap.logicalHeight(),
                pixmap.displayId(), pixmap.capturedAt(), pixmap);
    }

    /** The pixels (at the backend's resolution, which may be larger than a downscaled capture's). */
    public RawFrame frame() {
        return frame;
    }

    /** Width of the captured area in logical pixels. */
    public int logicalWidth() {
        return logicalWidth;
    }

    /** Height of the captured area in logical pixels. */
    public int logicalHeight() {
        return logicalHeight;
    }

    /** The display captured, if the backend said. */
    public Optional<String> displayId() {
        return Optional.ofNullable(displayId);
    }

    /** When the pixels were grabbed, Unix seconds. */
    public double capturedAt() {
        return capturedAt;
    }

    /** The encoded image these pixels came from, when they came from one. */
    public Optional<Pixmap> encoded() {
        return Optional.ofNullable(encoded);
    }
}
