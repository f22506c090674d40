package dev.opendesk.core.tool;

import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.model.Rect;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A screenshot reduced to grey levels, kept by the session for change detection. */
final class GreyFrame {
    /** A pixel counts as changed when its grey level moved by more than this. */
    static final int THRESHOLD = 10;
    /** Below this changed fraction nothing visible happened. */
    static final double NO_CHANGE = 0.001;

    final int width;
    final int height;
    /** The region asked for, or null for the whole screen. */
    final @Nullable Rect requested;
    private final byte[] grey;

    private GreyFrame(int width, int height, @Nullable Rect requested, byte[] grey) {
        this.width = width;
        this.height = height;
        this.requested = requested;
        this.grey = grey;
    }

    /** The grey levels of a raw frame (B, G, R, X): ITU-R 601 luma, as PIL's "L" mode. */
    static GreyFrame of(RawFrame frame, @Nullable Rect requested) {
        int w = frame.width();
        int h = frame.height();
        byte[] grey = new byte[w * h];
        byte[] row = new byte[w * 4];
        ByteBuffer pixels = frame.pixels().duplicate();
        pixels.clear();
        for (int y = 0; y < h; y++) {
            pixels.get((int) ((long) y * frame.stride()), row, 0, row.length);
            int base = y * w;
            for (int x = 0, s = 0; x < w; x++, s += 4) {
                int b = row[s] & 0xff;
                int g = row[s + 1] & 0xff;
                int r = row[s + 2] & 0xff;
                grey[base + x] = (byte) ((r * 299 + g * 587 + b * 114 + 500) / 1000);
            }
        }
        return new GreyFrame(w, h, requested, grey);
    }

    /** Whether both frames show the same thing (the whole screen, or the same region). */
    boolean sameAreaAs(GreyFrame other) {
        return Objects.equals(requested, other.requested);
    }

    /**
     * The change-detection sentence of spec/surface.md §1.1, the box given in the pixels of an
     * image of {@code outWidth × outHeight} showing this frame.
     */
    String compareTo(GreyFrame previous, int outWidth, int outHeight) {
        if (previous.width != width || previous.height != height) {
            return "Screen resolution changed from (" + previous.width + ", " + previous.height + ") to ("
                    + width + ", " + height + ").";
        }
        long changed = 0;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                int d = (grey[base + x] & 0xff) - (previous.grey[base + x] & 0xff);
                if (d > THRESHOLD || d < -THRESHOLD) {
                    changed++;
                    if (x < minX) {
                        minX = x;
                    }
                    if (x > maxX) {
                        maxX = x;
                    }
                    if (y < minY) {
                        minY = y;
                    }
                    maxY = y;
                }
            }
        }
        double fraction = (double) changed / ((long) width * height);
        if (fraction < NO_CHANGE) {
            return "No visible change detected — the action may not have had any effect.";
        }
        double sx = (double) outWidth / width;
        double sy = (double) outHeight / height;
        long x0 = (long) Math.floor(minX * sx);
        long y0 = (long) Math.floor(minY * sy);
        long x1 = (long) Math.ceil((maxX + 1) * sx);
        long y1 = (long) Math.ceil((maxY + 1) * sy);
        return String.format(Locale.ROOT, "%.1f%% of pixels changed in region [x=%d, y=%d, %d×%dpx].",
                fraction * 100, x0, y0, x1 - x0, y1 - y0);
    }
}
