package dev.opendesk.core.image;

import java.util.Arrays;

/**
 * A separable resampler over 8-bit, 3-channel rows, in fixed point (Pillow's scheme: weights
 * precomputed per output column/row, horizontal pass per source row, then a vertical pass over a
 * small ring of horizontally resampled rows). Each source row is read and resampled once, and
 * only as many rows as the vertical filter spans are kept, so memory stays at a few rows.
 *
 * <p>Channel order is kept: whatever order the source's first three bytes have comes out.
 */
final class Resampler {
    /** Resampling filters. */
    enum Filter {
        /** Exact area averaging: each output pixel is the mean of the source area it covers. */
        AREA(0.5),
        /** Triangle (bilinear with anti-aliasing when downscaling). */
        TRIANGLE(1.0),
        /** Lanczos, a = 3 (the reference's filter): sharpest, slowest. */
        LANCZOS3(3.0);

        final double support;

        Filter(double support) {
            this.support = support;
        }
    }

    private static final int PRECISION = 22;
    private static final int HALF = 1 << (PRECISION - 1);

    private Resampler() {}

    /**
     * Fixed-point weights for one axis.
     *
     * @param start first source index per output index
     * @param count number of source samples per output index
     * @param weights {@code kernelSize} weights per output index, summing to {@code 1 << 22}
     * @param kernelSize stride of {@code weights}
     */
    record Weights(int[] start, int[] count, int[] weights, int kernelSize) {
        int maxCount() {
            int max = 0;
            for (int c : count) {
                max = Math.max(max, c);
            }
            return max;
        }
    }

    static Weights weights(int inSize, int outSize, Filter filter) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support * filterScale;
        int kernelSize = (int) Math.ceil(support) * 2 + 2;
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        int[] fixed = new int[outSize * kernelSize];
        double[] k = new double[kernelSize];
        for (int out = 0; out < outSize; out++) {
            double center = (out + 0.5) * scale;
            // pixel i spans [i, i+1) and has its centre at i + 0.5
            int min = filter == Filter.AREA
                    ? Math.max((int) Math.floor(center - support), 0)
                    : Math.max((int) Math.floor(center - support + 0.5), 0);
            int max = filter == Filter.AREA
                    ? Math.min((int) Math.ceil(center + support), inSize)
                    : Math.min((int) Math.floor(center + support + 0.5), inSize);
            int n = Math.min(max - min, kernelSize);
            double total = 0;
            for (int i = 0; i < n; i++) {
                double w;
                if (filter == Filter.AREA) {
                    // overlap of source pixel [x, x+1) with [center - s/2, center + s/2)
                    double half = filterScale / 2;
                    double lo = Math.max(min + i, center - half);
                    double hi = Math.min(min + i + 1, center + half);
                    w = hi - lo > 1e-9 ? hi - lo : 0; // no slivers from rounding
                } else {
                    w = kernel(filter, (min + i - center + 0.5) / filterScale);
                }
                k[i] = w;
                total += w;
            }
            // Trim zero-weight samples at both ends so the inner loops do no useless work.
            int first = 0;
            while (first < n - 1 && k[first] == 0) {
                first++;
            }
            int last = n - 1;
            while (last > first && k[last] == 0) {
                last--;
            }
            start[out] = min + first;
            count[out] = last - first + 1;
            int sum = 0;
            int base = out * kernelSize;
            for (int i = first; i <= last; i++) {
                int w = (int) Math.round(k[i] / total * (1 << PRECISION));
                fixed[base + i - first] = w;
                sum += w;
            }
            // Put the rounding remainder on the largest weight so every kernel sums to exactly 1.
            int biggest = base;
            for (int i = base; i < base + count[out]; i++) {
                if (fixed[i] > fixed[biggest]) {
                    biggest = i;
                }
            }
            fixed[biggest] += (1 << PRECISION) - sum;
        }
        return new Weights(start, count, fixed, kernelSize);
    }

    private static double kernel(Filter filter, double x) {
        double ax = Math.abs(x);
        if (filter == Filter.TRIANGLE) {
            return ax < 1.0 ? 1.0 - ax : 0.0;
        }
        if (ax >= 3.0) {
            return 0.0;
        }
        if (ax < 1e-9) {
            return 1.0;
        }
        double px = Math.PI * x;
        return 3.0 * Math.sin(px) * Math.sin(px / 3.0) / (px * px);
    }

    /**
     * Rows of a {@link RawFrame} resampled to {@code outWidth × outHeight}, produced top to
     * bottom from output row {@code startRow} as 3-byte pixels (R,G,B when {@code rgb}, else
     * B,G,R). Area averaging by a whole factor in both directions (4K → 1920) takes a direct
     * k×k box path.
     */
    static RgbRows scaled(RawFrame frame, int outWidth, int outHeight, Filter filter, boolean rgb, int startRow) {
        int k = frame.width() / outWidth;
        if (filter == Filter.AREA && k >= 2 && k <= 8 && frame.width() == k * outWidth && frame.height() == k * outHeight) {
            return new BoxRows(frame, outWidth, k, rgb, startRow);
        }
        return new ScaledRows(frame, outWidth, outHeight, filter, rgb, startRow);
    }

    private static int clip(int fixed) {
        int v = fixed >> PRECISION;
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }

    private static final class ScaledRows implements RgbRows {
        /** Whether sums may leave 0..255 (filters with negative lobes) and need clipping. */
        private final boolean clamp;
        private final FrameReader reader;
        private final int outWidth;
        private final boolean rgb;
        private final Weights horizontal;
        private final Weights vertical;
        private final byte[][] ring;
        private final int[] acc;
        private int nextSourceRow;
        private int nextOutRow;

        ScaledRows(RawFrame frame, int outWidth, int outHeight, Filter filter, boolean rgb, int startRow) {
            this.clamp = filter != Filter.AREA;
            this.reader = new FrameReader(frame);
            this.outWidth = outWidth;
            this.rgb = rgb;
            this.horizontal = weights(frame.width(), outWidth, filter);
            this.vertical = weights(frame.height(), outHeight, filter);
            this.ring = new byte[vertical.maxCount()][outWidth * 3];
            this.acc = new int[outWidth * 3];
            this.nextOutRow = startRow;
            this.nextSourceRow = startRow < outHeight ? vertical.start()[startRow] : frame.height();
        }

        @Override
        public void next(byte[] dst) {
            int out = nextOutRow++;
            int start = vertical.start()[out];
            int count = vertical.count()[out];
            int end = start + count;
            while (nextSourceRow < end) {
                byte[] row = reader.row(nextSourceRow);
                horizontalPass(row, ring[nextSourceRow % ring.length]);
                nextSourceRow++;
            }
            int[] weights = vertical.weights();
            int base = out * vertical.kernelSize();
            int n = outWidth * 3;
            if (count == 1) {
                System.arraycopy(ring[start % ring.length], 0, dst, 0, n);
                return;
            }
            int[] sums = acc;
            Arrays.fill(sums, HALF);
            for (int i = 0; i < count; i++) {
                byte[] src = ring[(start + i) % ring.length];
                int w = weights[base + i];
                for (int j = 0; j < n; j++) {
                    sums[j] += (src[j] & 0xff) * w;
                }
            }
            if (clamp) {
                for (int j = 0; j < n; j++) {
                    dst[j] = (byte) clip(sums[j]);
                }
            } else {
                // Area weights are non-negative and sum to exactly 1 << PRECISION: every sum is
                // already within 0..255 (+ HALF), and this plain loop vectorises.
                for (int j = 0; j < n; j++) {
                    dst[j] = (byte) (sums[j] >> PRECISION);
                }
            }
        }

        private void horizontalPass(byte[] src, byte[] dst) {
            int[] start = horizontal.start();
            int[] count = horizontal.count();
            int[] weights = horizontal.weights();
            int kernelSize = horizontal.kernelSize();
            int d = 0;
            for (int x = 0; x < outWidth; x++) {
                int s = start[x] * 4;
                int n = count[x];
                int k = x * kernelSize;
                int b = HALF;
                int g = HALF;
                int r = HALF;
                for (int i = 0; i < n; i++, s += 4) {
                    int w = weights[k + i];
                    b += (src[s] & 0xff) * w;
                    g += (src[s + 1] & 0xff) * w;
                    r += (src[s + 2] & 0xff) * w;
                }
                if (clamp) {
                    r = clip(r);
                    g = clip(g);
                    b = clip(b);
                } else {
                    r >>= PRECISION;
                    g >>= PRECISION;
                    b >>= PRECISION;
                }
                dst[d] = (byte) (rgb ? r : b);
                dst[d + 1] = (byte) g;
                dst[d + 2] = (byte) (rgb ? b : r);
                d += 3;
            }
        }
    }

    /** Exact k×k area averaging: sums of k×k source pixels, divided with rounding. */
    private static final class BoxRows implements RgbRows {
        private final FrameReader reader;
        private final int outWidth;
        private final int k;
        private final boolean rgb;
        private final int[] sums;
        private final int reciprocal;
        private int nextOutRow;

        BoxRows(RawFrame frame, int outWidth, int k, boolean rgb, int startRow) {
            this.reader = new FrameReader(frame);
            this.outWidth = outWidth;
            this.k = k;
            this.rgb = rgb;
            this.sums = new int[outWidth * 3];
            // (sum * reciprocal) >> 24 == round(sum / k²) for every sum ≤ 255 k² with k ≤ 8 (checked in the tests)
            this.reciprocal = (int) Math.ceil((double) (1 << 24) / (k * k));
            this.nextOutRow = startRow;
        }

        @Override
        public void next(byte[] dst) {
            int[] acc = sums;
            Arrays.fill(acc, 0);
            int first = nextOutRow++ * k;
            int r = rgb ? 0 : 2; // where red goes in the output pixel
            int b = rgb ? 2 : 0;
            for (int sy = first; sy < first + k; sy++) {
                byte[] src = reader.row(sy);
                if (k == 2) {
                    for (int x = 0, s = 0, d = 0; x < outWidth; x++, s += 8, d += 3) {
                        acc[d + r] += (src[s + 2] & 0xff) + (src[s + 6] & 0xff);
                        acc[d + 1] += (src[s + 1] & 0xff) + (src[s + 5] & 0xff);
                        acc[d + b] += (src[s] & 0xff) + (src[s + 4] & 0xff);
                    }
                } else {
                    for (int x = 0, s = 0, d = 0; x < outWidth; x++, d += 3) {
                        int sr = 0;
                        int sg = 0;
                        int sb = 0;
                        for (int i = 0; i < k; i++, s += 4) {
                            sb += src[s] & 0xff;
                            sg += src[s + 1] & 0xff;
                            sr += src[s + 2] & 0xff;
                        }
                        acc[d + r] += sr;
                        acc[d + 1] += sg;
                        acc[d + b] += sb;
                    }
                }
            }
            int half = k * k / 2;
            for (int j = 0; j < acc.length; j++) {
                dst[j] = (byte) ((long) (acc[j] + half) * reciprocal >>> 24);
            }
        }
    }
}
