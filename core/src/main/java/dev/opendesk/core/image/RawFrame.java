package dev.opendesk.core.image;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;

/**
 * Pixels as a backend captured them: 32 bits per pixel in memory order B, G, R, X (X11 ZPixmap
 * on little-endian machines, Windows DIBs, macOS BGRA), rows {@code stride} bytes apart. The
 * buffer may be direct (e.g. shared memory) and is only read, from index 0, during encoding.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param stride bytes from one row to the next (≥ 4 × width)
 * @param pixels the pixel bytes
 */
public record RawFrame(int width, int height, int stride, ByteBuffer pixels) {
    public RawFrame {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (stride < width * 4) {
            throw new IllegalArgumentException("stride " + stride + " is less than 4 × width " + width);
        }
        requireNonNull(pixels, "pixels is null");
        if (pixels.capacity() < (long) stride * (height - 1) + width * 4L) {
            throw new IllegalArgumentException("pixel buffer too small for " + width + "x" + height + " at stride " + stride);
        }
    }

    /** The blue, green and red bytes of one pixel as 0xRRGGBB. */
    public int rgb(int x, int y) {
        int offset = y * stride + x * 4;
        return (pixels.get(offset + 2) & 0xff) << 16 | (pixels.get(offset + 1) & 0xff) << 8 | (pixels.get(offset) & 0xff);
    }
}
