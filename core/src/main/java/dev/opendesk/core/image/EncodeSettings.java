package dev.opendesk.core.image;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.PixmapFormat;

/**
 * How to turn a frame into a Pixmap.
 *
 * @param format PNG or JPEG
 * @param maxWidth frames wider than this are scaled down to it, keeping the aspect ratio; 0 = never
 * @param jpegQuality 1..100, used for JPEG
 */
public record EncodeSettings(PixmapFormat format, int maxWidth, int jpegQuality) {
    /** The reference's default: PNG, at most 1920 px wide. */
    public static final int DEFAULT_MAX_WIDTH = 1920;

    public EncodeSettings {
        requireNonNull(format, "format is null");
        if (format != PixmapFormat.PNG && format != PixmapFormat.JPEG) {
            throw new IllegalArgumentException("can only encode png or jpeg, not " + format.wire());
        }
        if (maxWidth < 0) {
            throw new IllegalArgumentException("maxWidth must not be negative");
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("jpegQuality must be 1..100");
        }
    }

    /** PNG, at most 1920 px wide (the reference's {@code display.capture}). */
    public static EncodeSettings defaults() {
        return new EncodeSettings(PixmapFormat.PNG, DEFAULT_MAX_WIDTH, 80);
    }

    /** PNG at full resolution ({@code downscale=false}). */
    public static EncodeSettings fullResolution() {
        return new EncodeSettings(PixmapFormat.PNG, 0, 80);
    }
}
