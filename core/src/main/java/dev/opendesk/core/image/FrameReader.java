package dev.opendesk.core.image;

import java.nio.ByteBuffer;

/**
 * Copies rows of a {@link RawFrame} out of its buffer with absolute bulk gets, into one reused
 * array; the caller's buffer position and limit are never touched.
 */
final class FrameReader {
    private final ByteBuffer pixels;
    private final int stride;
    private final byte[] row;

    FrameReader(RawFrame frame) {
        this.pixels = frame.pixels().duplicate();
        this.pixels.clear();
        this.stride = frame.stride();
        this.row = new byte[frame.width() * 4];
    }

    /** Row {@code y} as B,G,R,X bytes; the array is reused by the next call. */
    byte[] row(int y) {
        pixels.get((int) ((long) y * stride), row, 0, row.length);
        return row;
    }
}
