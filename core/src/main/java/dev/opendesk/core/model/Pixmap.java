package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An encoded screen image (wire {@code Pixmap}). {@code width}/{@code height} are the pixel size
 * of {@code data}; {@code logicalWidth}/{@code logicalHeight} the size in logical pixels of the
 * captured area (the screen, or the region when one was captured), so pixel positions map back
 * with {@link #toLogical(double, double)}.
 *
 * <p>The bytes are copied on the way in and on the way out; equality compares them by content.
 *
 * @param data the encoded image
 * @param format the encoding of {@code data}
 * @param width pixel width of {@code data}, positive
 * @param height pixel height of {@code data}, positive
 * @param logicalWidth width of the captured area in logical pixels, positive
 * @param logicalHeight height of the captured area in logical pixels, positive
 * @param displayId the display captured, or null (wire nil) when not stated
 * @param capturedAt capture time in Unix seconds
 */
public record Pixmap(
        byte[] data,
        PixmapFormat format,
        int width,
        int height,
        int logicalWidth,
        int logicalHeight,
        @Nullable String displayId,
        double capturedAt) {

    public Pixmap {
        data = requireNonNull(data, "data is null").clone();
        requireNonNull(format, "format is null");
        Checks.positive(width, "width");
        Checks.positive(height, "height");
        Checks.positive(logicalWidth, "logicalWidth");
        Checks.positive(logicalHeight, "logicalHeight");
        Checks.finite(capturedAt, "capturedAt");
    }

    /** A copy of the encoded bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Number of encoded bytes, without copying them. */
    public int size() {
        return data.length;
    }

    /**
     * Maps a pixel position in this image to logical pixels, relative to the captured area's
     * top-left corner: {@code x_logical = x_px * logical_width / width} (same for y).
     */
    public Point toLogical(double xPx, double yPx) {
        return new Point(xPx * logicalWidth / width, yPx * logicalHeight / height);
    }

    /** The inverse of {@link #toLogical(double, double)}: logical pixels to image pixels. */
    public Point toPixels(Point logical) {
        return new Point(logical.x() * width / logicalWidth, logical.y() * height / logicalHeight);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Pixmap other
                && Arrays.equals(data, other.data)
                && format == other.format
                && width == other.width
                && height == other.height
                && logicalWidth == other.logicalWidth
                && logicalHeight == other.logicalHeight
                && Objects.equals(displayId, other.displayId)
                && Double.compare(capturedAt, other.capturedAt) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data)
                + Objects.hash(format, width, height, logicalWidth, logicalHeight, displayId, capturedAt);
    }

    @Override
    public String toString() {
        return "Pixmap[data=<" + data.length + " bytes>, format=" + format + ", width=" + width
                + ", height=" + height + ", logicalWidth=" + logicalWidth + ", logicalHeight=" + logicalHeight
                + ", displayId=" + displayId + ", capturedAt=" + capturedAt + "]";
    }
}
