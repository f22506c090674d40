package dev.opendesk.core.image;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.Rect;

/**
 * The pixel↔logical maths of the pipeline. An encoded image is {@code width × height} pixels of
 * an area that is {@code logicalWidth × logicalHeight} logical pixels, and a position maps as
 * {@code x_logical = x_px × logicalWidth / width} (same for y). Products are taken before the
 * division, so HiDPI factors such as 1.25, 1.5 and 2 map whole pixels to exact values.
 */
public final class Scaling {
    private static final double EPSILON = 1e-9;

    private Scaling() {}

    /**
     * A size in pixels.
     *
     * @param width positive
     * @param height positive
     */
    public record Size(int width, int height) {
        public Size {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
            }
        }
    }

    /**
     * The size a {@code width × height} frame is encoded at: unchanged when it is at most
     * {@code maxWidth} wide (or {@code maxWidth} is 0), else {@code maxWidth} wide with the height
     * scaled by the same factor and rounded (at least 1).
     */
    public static Size encodedSize(int width, int height, int maxWidth) {
        if (maxWidth < 0) {
            throw new IllegalArgumentException("maxWidth must not be negative");
        }
        if (maxWidth == 0 || width <= maxWidth) {
            return new Size(width, height);
        }
        long scaledHeight = Math.round((double) height * maxWidth / width);
        return new Size(maxWidth, (int) Math.max(1, scaledHeight));
    }

    /** Logical coordinate of pixel coordinate {@code px} on an axis of the given extents. */
    public static double toLogical(double px, int pixelExtent, int logicalExtent) {
        return px * logicalExtent / pixelExtent;
    }

    /** Pixel coordinate of logical coordinate {@code logical} on an axis of the given extents. */
    public static double toPixels(double logical, int pixelExtent, int logicalExtent) {
        return logical * pixelExtent / logicalExtent;
    }

    /**
     * The smallest rectangle of whole pixels that covers a logical region, clipped to the image.
     */
    public static PixelRect toPixelRect(Rect logical, int pixelWidth, int pixelHeight, int logicalWidth, int logicalHeight) {
        requireNonNull(logical, "logical is null");
        checkExtents(pixelWidth, pixelHeight, logicalWidth, logicalHeight);
        int x0 = clamp(Math.floor(toPixels(logical.x(), pixelWidth, logicalWidth) + EPSILON), pixelWidth);
        int y0 = clamp(Math.floor(toPixels(logical.y(), pixelHeight, logicalHeight) + EPSILON), pixelHeight);
        int x1 = clamp(Math.ceil(toPixels(logical.x() + logical.width(), pixelWidth, logicalWidth) - EPSILON), pixelWidth);
        int y1 = clamp(Math.ceil(toPixels(logical.y() + logical.height(), pixelHeight, logicalHeight) - EPSILON), pixelHeight);
        return new PixelRect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    /** {@link #toPixelRect(Rect, int, int, int, int)} for the pixels of an encoded image. */
    public static PixelRect toPixelRect(Pixmap pixmap, Rect logical) {
        return toPixelRect(logical, pixmap.width(), pixmap.height(), pixmap.logicalWidth(), pixmap.logicalHeight());
    }

    /** The logical region that a rectangle of pixels covers, exactly. */
    public static Rect toLogicalRect(PixelRect pixels, int pixelWidth, int pixelHeight, int logicalWidth, int logicalHeight) {
        requireNonNull(pixels, "pixels is null");
        checkExtents(pixelWidth, pixelHeight, logicalWidth, logicalHeight);
        double x0 = toLogical(pixels.x(), pixelWidth, logicalWidth);
        double y0 = toLogical(pixels.y(), pixelHeight, logicalHeight);
        double x1 = toLogical((long) pixels.x() + pixels.width(), pixelWidth, logicalWidth);
        double y1 = toLogical((long) pixels.y() + pixels.height(), pixelHeight, logicalHeight);
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /** {@link #toLogicalRect(PixelRect, int, int, int, int)} for the pixels of an encoded image. */
    public static Rect toLogicalRect(Pixmap pixmap, PixelRect pixels) {
        return toLogicalRect(pixels, pixmap.width(), pixmap.height(), pixmap.logicalWidth(), pixmap.logicalHeight());
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, v));
    }

    private static void checkExtents(int pixelWidth, int pixelHeight, int logicalWidth, int logicalHeight) {
        if (pixelWidth <= 0 || pixelHeight <= 0 || logicalWidth <= 0 || logicalHeight <= 0) {
            throw new IllegalArgumentException("extents must be positive");
        }
    }
}
