package dev.opendesk.codec.turbojpeg;

import dev.opendesk.core.image.RawFrame;
import java.nio.ByteBuffer;
import java.util.function.IntBinaryOperator;

/** Test frames in B, G, R, X from a 0xRRGGBB function of x and y. */
final class Frames {
    private Frames() {}

    static RawFrame of(int width, int height, int padding, boolean direct, IntBinaryOperator rgb) {
        int stride = width * 4 + padding;
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(stride * height) : ByteBuffer.allocate(stride * height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = rgb.applyAsInt(x, y);
                int o = y * stride + x * 4;
                buffer.put(o, (byte) p);
                buffer.put(o + 1, (byte) (p >> 8));
                buffer.put(o + 2, (byte) (p >> 16));
                buffer.put(o + 3, (byte) 0x5a);
            }
            // garbage in the padding: it must not show up in the image
            for (int i = width * 4; i < stride; i++) {
                buffer.put(y * stride + i, (byte) (i * 37));
            }
        }
        return new RawFrame(width, height, stride, buffer);
    }

    /** Smooth gradients in all three channels. */
    static int smooth(int x, int y) {
        int r = (x * 2 + y) & 0xff;
        int g = (128 + y * 2) & 0xff;
        int b = (255 - x - y / 2) & 0xff;
        return r << 16 | g << 8 | b;
    }
}
