package dev.opendesk.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ResamplerTest {

    @Test
    void areaAveragingMatchesADoublePrecisionReference() {
        RawFrame frame = ImagePipelineTest.randomFrame(40, 30, 8, false, 11);
        int outW = 30;
        int outH = 22;
        RgbRows rows = Resampler.scaled(frame, outW, outH, Resampler.Filter.AREA, true, 0);
        byte[] row = new byte[outW * 3];
        double sx = 40.0 / outW;
        double sy = 30.0 / outH;
        for (int y = 0; y < outH; y++) {
            rows.next(row);
            for (int x = 0; x < outW; x++) {
                double[] sum = new double[3];
                double area = 0;
                for (int yy = 0; yy < 30; yy++) {
                    double oy = overlap(yy, y * sy, (y + 1) * sy);
                    for (int xx = 0; xx < 40 && oy > 0; xx++) {
                        double w = oy * overlap(xx, x * sx, (x + 1) * sx);
                        int p = frame.rgb(xx, yy);
                        sum[0] += w * (p >> 16 & 0xff);
                        sum[1] += w * (p >> 8 & 0xff);
                        sum[2] += w * (p & 0xff);
                        area += w;
                    }
                }
                for (int c = 0; c < 3; c++) {
                    assertThat((double) (row[x * 3 + c] & 0xff)).as("x=%d y=%d c=%d", x, y, c)
                            .isCloseTo(sum[c] / area, org.assertj.core.data.Offset.offset(1.0));
                }
            }
        }
    }

    @Test
    void rowSourcesCanStartAnywhere() {
        RawFrame frame = ImagePipelineTest.randomFrame(300, 200, 0, true, 12);
        for (Resampler.Filter filter : Resampler.Filter.values()) {
            for (int[] out : new int[][] {{150, 100}, {225, 150}, {200, 133}}) {
                byte[][] all = rows(Resampler.scaled(frame, out[0], out[1], filter, true, 0), out[0], out[1], 0);
                for (int start : new int[] {1, out[1] / 2, out[1] - 1}) {
                    byte[][] tail = rows(Resampler.scaled(frame, out[0], out[1], filter, true, start), out[0], out[1], start);
                    for (int y = start; y < out[1]; y++) {
                        assertThat(tail[y]).as("%s %s row %d", filter, out[0], y).isEqualTo(all[y]);
                    }
                }
            }
        }
        byte[][] direct = rows(RgbRows.direct(frame, false, 0), 300, 200, 0);
        assertThat(rows(RgbRows.direct(frame, false, 150), 300, 200, 150)[170]).isEqualTo(direct[170]);
    }

    @Test
    void weightsSumToOne() {
        for (Resampler.Filter filter : Resampler.Filter.values()) {
            for (int[] io : new int[][] {{3840, 1920}, {2560, 1920}, {2880, 1920}, {1621, 1080}, {1920, 1920}, {5, 1}}) {
                Resampler.Weights weights = Resampler.weights(io[0], io[1], filter);
                for (int i = 0; i < io[1]; i++) {
                    int sum = 0;
                    for (int j = 0; j < weights.count()[i]; j++) {
                        sum += weights.weights()[i * weights.kernelSize() + j];
                    }
                    assertThat(sum).isEqualTo(1 << 22);
                    assertThat(weights.start()[i] + weights.count()[i]).isLessThanOrEqualTo(io[0]);
                }
            }
        }
    }

    private static double overlap(int pixel, double lo, double hi) {
        return Math.max(0, Math.min(pixel + 1, hi) - Math.max(pixel, lo));
    }

    private static byte[][] rows(RgbRows source, int width, int height, int start) {
        byte[][] rows = new byte[height][];
        for (int y = start; y < height; y++) {
            rows[y] = new byte[width * 3];
            source.next(rows[y]);
        }
        return rows;
    }
}
