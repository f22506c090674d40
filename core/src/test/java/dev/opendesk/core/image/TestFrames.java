package dev.opendesk.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.function.IntBinaryOperator;

/**
 * Frames for image tests (core's and the codec plugins'): B, G, R, X pixels from a 0xRRGGBB
 * function of x and y, with junk in the X byte and in {@code padding} bytes after every row, so
 * that an encoder or scaler that reads either shows it.
 */
public final class TestFrames {
    private TestFrames() {
    }

    /** A frame of {@code rgb(x, y)}, in a direct or heap buffer, rows {@code 4 × width + padding} bytes apart. */
    public static RawFrame of(int width, int height, int padding, boolean direct, IntBinaryOperator rgb) {
        int stride = width * 4 + padding;
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(stride * height) : ByteBuffer.allocate(stride * height);
        Random junk = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = rgb.applyAsInt(x, y);
                int o = y * stride + x * 4;
                buffer.put(o, (byte) p);
                buffer.put(o + 1, (byte) (p >> 8));
                buffer.put(o + 2, (byte) (p >> 16));
                buffer.put(o + 3, (byte) junk.nextInt()); // X is not alpha: it must not matter
            }
            for (int i = width * 4; i < stride; i++) {
                buffer.put(y * stride + i, (byte) junk.nextInt());
            }
        }
        return new RawFrame(width, height, stride, buffer);
    }

    /** Asserts that a decoded image has the frame's size and, pixel for pixel, its R, G and B. */
    public static void assertSamePixels(BufferedImage image, RawFrame frame) {
        assertThat(image.getWidth()).isEqualTo(frame.width());
        assertThat(image.getHeight()).isEqualTo(frame.height());
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int actual = image.getRGB(x, y) & 0xffffff;
                if (actual != frame.rgb(x, y)) {
                    assertThat(Integer.toHexString(actual)).as("pixel " + x + "," + y)
                            .isEqualTo(Integer.toHexString(frame.rgb(x, y)));
                }
            }
        }
    }

    /** Smooth gradients in all three channels. */
    public static int smooth(int x, int y) {
        int r = (x * 2 + y) & 0xff;
        int g = (128 + y * 2) & 0xff;
        int b = (255 - x - y / 2) & 0xff;
        return r << 16 | g << 8 | b;
    }
}
