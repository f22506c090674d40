package dev.opendesk.core.image;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Deterministic desktop-like test frames in B,G,R,X: flat background and panels, windows with
 * title bars and lines of high-contrast "text" (procedural glyphs), and one photo-like noisy
 * region. Public so that the benchmarks (through core's test jar) encode the same pictures.
 */
public final class SyntheticDesktop {
    private final int width;
    private final int height;
    private final int[] rgb;

    private SyntheticDesktop(int width, int height) {
        this.width = width;
        this.height = height;
        this.rgb = new int[width * height];
    }

    /** A desktop of the given size; UI elements scale with {@code height / 1080}. */
    public static SyntheticDesktop of(int width, int height) {
        SyntheticDesktop desktop = new SyntheticDesktop(width, height);
        desktop.paint();
        return desktop;
    }

    /** The frame in a heap or direct buffer, with {@code padding} extra bytes per row. */
    public RawFrame frame(boolean direct, int padding) {
        int stride = width * 4 + padding;
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(stride * height) : ByteBuffer.allocate(stride * height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = rgb[y * width + x];
                int o = y * stride + x * 4;
                buffer.put(o, (byte) p);
                buffer.put(o + 1, (byte) (p >> 8));
                buffer.put(o + 2, (byte) (p >> 16));
                buffer.put(o + 3, (byte) 0xff);
            }
            for (int i = width * 4; i < stride; i++) {
                buffer.put(y * stride + i, (byte) 0xab);
            }
        }
        return new RawFrame(width, height, stride, buffer);
    }

    /** The pixel at x, y as 0xRRGGBB. */
    public int rgb(int x, int y) {
        return rgb[y * width + x];
    }

    private void paint() {
        Random random = new Random(42);
        int s = Math.max(1, height / 1080);
        fill(0, 0, width, height, 0x2d3e50);
        fill(0, 0, width, 28 * s, 0x1e1e1e);
        text(random, 8 * s, 9 * s, 40, s, 0xe0e0e0, 0x1e1e1e);
        text(random, width - 200 * s, 9 * s, 12, s, 0xe0e0e0, 0x1e1e1e);
        window(random, width / 20, height / 10, width / 2, height * 7 / 10, s, false);
        window(random, width * 45 / 100, height / 5, width / 2, height * 3 / 5, s, true);
        fill(0, height - 40 * s, width, 40 * s, 0x252526);
        for (int i = 0; i < 12; i++) {
            fill(10 * s + i * 44 * s, height - 34 * s, 28 * s, 28 * s, 0x3c78d8 + i * 0x0a0502);
        }
    }

    private void window(Random random, int x, int y, int w, int h, int s, boolean photo) {
        fill(x - s, y - s, w + 2 * s, h + 2 * s, 0x888888);
        fill(x, y, w, h, 0xffffff);
        fill(x, y, w, 32 * s, 0xececec);
        text(random, x + 12 * s, y + 10 * s, 30, s, 0x222222, 0xececec);
        for (int b = 0; b < 3; b++) {
            fill(x + w - (b + 1) * 30 * s, y + 8 * s, 16 * s, 16 * s, 0xff5f56 - b * 0x202000);
        }
        fill(x, y + 32 * s, 220 * s, h - 32 * s, 0xf3f3f3);
        for (int line = 0; line < (h - 60 * s) / (24 * s); line++) {
            text(random, x + 14 * s, y + 46 * s + line * 24 * s, 12 + random.nextInt(10), s, 0x333333, 0xf3f3f3);
        }
        int textX = x + 240 * s;
        int textRight = photo ? x + w / 2 : x + w - 20 * s;
        for (int line = 0; line < (h - 60 * s) / (20 * s); line++) {
            int chars = Math.max(1, (textRight - textX) / (8 * s) - random.nextInt(20));
            text(random, textX, y + 48 * s + line * 20 * s, chars, s, 0x111111, 0xffffff);
        }
        if (photo) {
            int px = x + w / 2 + 10 * s;
            int py = y + 50 * s;
            int pw = w / 2 - 30 * s;
            int ph = h / 2;
            for (int yy = 0; yy < ph; yy++) {
                for (int xx = 0; xx < pw; xx++) {
                    int r = clamp(60 + 150 * xx / pw + random.nextInt(40) - 20);
                    int g = clamp(120 + 80 * yy / ph + random.nextInt(40) - 20);
                    int b = clamp(200 - 120 * (xx + yy) / (pw + ph) + random.nextInt(40) - 20);
                    set(px + xx, py + yy, r << 16 | g << 8 | b);
                }
            }
        }
    }

    /** A run of procedural glyphs, 8×12 cells (× scale), dark strokes with grey edges. */
    private void text(Random random, int x, int y, int chars, int s, int ink, int paper) {
        int edge = mix(ink, paper);
        for (int c = 0; c < chars; c++) {
            if (random.nextInt(7) == 0) {
                continue; // a space
            }
            long glyph = random.nextLong();
            for (int gy = 0; gy < 10; gy++) {
                for (int gx = 0; gx < 6; gx++) {
                    int bit = (int) (glyph >>> ((gy * 6 + gx) % 64)) & 3;
                    if (bit == 0) {
                        continue;
                    }
                    int color = bit == 3 ? edge : ink;
                    fill(x + (c * 8 + gx) * s, y + gy * s, s, s, color);
                }
            }
        }
    }

    private void fill(int x, int y, int w, int h, int color) {
        for (int yy = Math.max(0, y); yy < Math.min(height, y + h); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(width, x + w); xx++) {
                rgb[yy * width + xx] = color & 0xffffff;
            }
        }
    }

    private void set(int x, int y, int color) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            rgb[y * width + x] = color;
        }
    }

    private static int mix(int a, int b) {
        int r = (((a >> 16) & 0xff) + ((b >> 16) & 0xff)) / 2;
        int g = (((a >> 8) & 0xff) + ((b >> 8) & 0xff)) / 2;
        int bl = ((a & 0xff) + (b & 0xff)) / 2;
        return r << 16 | g << 8 | bl;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
