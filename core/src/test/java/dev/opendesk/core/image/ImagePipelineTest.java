package dev.opendesk.core.image;

import static dev.opendesk.core.image.TestFrames.assertSamePixels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import dev.opendesk.core.model.Point;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

final class ImagePipelineTest {
    private final ImagePipeline pipeline = new ImagePipeline();

    @Test
    void pngRoundTripIsPixelExact() throws IOException {
        RawFrame frame = randomFrame(97, 53, 0, false, 1);
        Pixmap pixmap = pipeline.encode(frame, EncodeSettings.defaults(), 97, 53, "1", 12.5);

        assertThat(pixmap.format()).isEqualTo(PixmapFormat.PNG);
        assertThat(pixmap.width()).isEqualTo(97);
        assertThat(pixmap.height()).isEqualTo(53);
        assertThat(pixmap.displayId()).isEqualTo("1");
        assertThat(pixmap.capturedAt()).isEqualTo(12.5);
        assertSamePixels(decode(pixmap), frame);
    }

    @Test
    void desktopFramesRoundTripExactlyInOneAndInSeveralBands() throws IOException {
        RawFrame frame = SyntheticDesktop.of(1280, 800).frame(false, 0);
        for (int bands = 1; bands <= 3; bands++) {
            byte[] png = PngEncoder.encode(1280, 800, y -> RgbRows.direct(frame, true, y), bands);
            assertSamePixels(ImageIO.read(new ByteArrayInputStream(png)), frame);
        }
        // large enough for the parallel path by default
        RawFrame big = SyntheticDesktop.of(1920, 1080).frame(true, 0);
        assertSamePixels(decode(pipeline.encode(big, EncodeSettings.fullResolution(), 1920, 1080, null, 0)), big);
    }

    @Test
    void pngIsMuchSmallerThanRawForFlatContent() {
        RawFrame flat = new RawFrame(800, 600, 3200, ByteBuffer.allocate(3200 * 600));
        Pixmap pixmap = pipeline.encode(flat, EncodeSettings.defaults(), 800, 600, null, 0);
        assertThat(pixmap.size()).isLessThan(800 * 600 * 3 / 100);
    }

    @Test
    void jpegRoundTripIsClose() throws IOException {
        int w = 160;
        int h = 120;
        ByteBuffer buffer = ByteBuffer.allocate(w * h * 4);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 4;
                buffer.put(o, (byte) (x * 255 / w)).put(o + 1, (byte) (y * 255 / h)).put(o + 2, (byte) 128);
            }
        }
        RawFrame frame = new RawFrame(w, h, w * 4, buffer);
        Pixmap pixmap = pipeline.encode(frame, new EncodeSettings(PixmapFormat.JPEG, 1920, 90), w, h, null, 0);

        assertThat(pixmap.format()).isEqualTo(PixmapFormat.JPEG);
        byte[] data = pixmap.data();
        assertThat(data[0]).isEqualTo((byte) 0xff);
        assertThat(data[1]).isEqualTo((byte) 0xd8);
        BufferedImage image = decode(pixmap);
        long error = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                error += channelDistance(image.getRGB(x, y), frame.rgb(x, y));
            }
        }
        assertThat((double) error / (w * h * 3)).isLessThan(3.0);
    }

    @Test
    void downscales4kTo1920WithExactMapping() throws IOException {
        RawFrame frame = SyntheticDesktop.of(3840, 2160).frame(true, 0);
        Pixmap pixmap = pipeline.encode(frame, EncodeSettings.defaults(), 3840, 2160, null, 0);

        assertThat(pixmap.width()).isEqualTo(1920);
        assertThat(pixmap.height()).isEqualTo(1080);
        assertThat(pixmap.logicalWidth()).isEqualTo(3840);
        BufferedImage image = decode(pixmap);
        assertThat(image.getWidth()).isEqualTo(1920);
        assertThat(image.getHeight()).isEqualTo(1080);
        assertThat(pixmap.toLogical(960, 540)).isEqualTo(new Point(1920, 1080));
        assertThat(pixmap.toLogical(1919, 1079)).isEqualTo(new Point(3838, 2158));

        // each output pixel is the rounded mean of its 2×2 source block
        for (int[] p : new int[][] {{0, 0}, {500, 300}, {1500, 700}, {1919, 1079}, {1234, 567}}) {
            int expected = mean(frame, p[0] * 2, p[1] * 2, 2);
            assertThat(image.getRGB(p[0], p[1]) & 0xffffff).isEqualTo(expected);
        }

        assertThat(pipeline.encode(frame, EncodeSettings.fullResolution(), 3840, 2160, null, 0).width()).isEqualTo(3840);
    }

    @Test
    void downscalesHiDpiFramesKeepingAspectAndMapping() throws IOException {
        // 1.5×: a 1920×1080 logical screen captured at 2880×1620
        RawFrame hidpi = SyntheticDesktop.of(2880, 1620).frame(false, 0);
        Pixmap a = pipeline.encode(hidpi, EncodeSettings.defaults(), 1920, 1080, "1", 0);
        assertThat(a.width()).isEqualTo(1920);
        assertThat(a.height()).isEqualTo(1080);
        assertThat(a.toLogical(1000, 500)).isEqualTo(new Point(1000, 500));

        // 1.25×: 2048×1280 logical at 2560×1600, encoded 1920×1200
        RawFrame wide = SyntheticDesktop.of(2560, 1600).frame(false, 0);
        Pixmap b = pipeline.encode(wide, EncodeSettings.defaults(), 2048, 1280, null, 0);
        assertThat(b.width()).isEqualTo(1920);
        assertThat(b.height()).isEqualTo(1200);
        assertThat(decode(b).getHeight()).isEqualTo(1200);
        assertThat(b.toLogical(1920, 1200)).isEqualTo(new Point(2048, 1280));
        assertThat(b.toLogical(15, 15)).isEqualTo(new Point(16, 16));
        assertThat(b.toPixels(new Point(16, 16))).isEqualTo(new Point(15, 15));

        // 2560×1440 (aspect 16:9) → 1920×1080
        RawFrame qhd = randomFrame(2560, 1440, 0, false, 3);
        assertThat(pipeline.encode(qhd, EncodeSettings.defaults(), 2560, 1440, null, 0).height()).isEqualTo(1080);
    }

    @Test
    void areaScalingOfAFlatFrameStaysFlat() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(2500 * 100 * 4);
        for (int i = 0; i < 2500 * 100; i++) {
            buffer.put(i * 4, (byte) 10).put(i * 4 + 1, (byte) 200).put(i * 4 + 2, (byte) 77);
        }
        RawFrame frame = new RawFrame(2500, 100, 10000, buffer);
        for (Resampler.Filter filter : Resampler.Filter.values()) {
            BufferedImage image = decode(new ImagePipeline(filter).encode(frame, EncodeSettings.defaults(), 2500, 100, null, 0));
            assertThat(image.getWidth()).isEqualTo(1920);
            assertThat(image.getHeight()).isEqualTo(77);
            for (int x = 0; x < 1920; x += 37) {
                assertThat(image.getRGB(x, 40) & 0xffffff).isEqualTo(77 << 16 | 200 << 8 | 10);
            }
        }
    }

    @Test
    void boxReciprocalDividesExactly() {
        for (int k = 2; k <= 8; k++) {
            int d = k * k;
            int reciprocal = (int) Math.ceil((double) (1 << 24) / d);
            for (int sum = 0; sum <= 255 * d; sum++) {
                assertThat((int) ((long) (sum + d / 2) * reciprocal >>> 24)).isEqualTo((sum + d / 2) / d);
            }
        }
        RawFrame frame = randomFrame(5760, 30, 0, false, 9); // 3× box path
        RgbRows rows = Resampler.scaled(frame, 1920, 10, Resampler.Filter.AREA, true, 0);
        byte[] row = new byte[1920 * 3];
        rows.next(row);
        int expected = mean(frame, 900, 0, 3); // output pixel 300
        assertThat((row[900] & 0xff) << 16 | (row[901] & 0xff) << 8 | (row[902] & 0xff)).isEqualTo(expected);
    }

    @Test
    void paddedStrideAndDirectBufferWithPositionAreHandled() throws IOException {
        RawFrame padded = randomFrame(33, 17, 12, true, 4);
        ByteBuffer pixels = padded.pixels();
        pixels.position(7).limit(100);
        Pixmap pixmap = pipeline.encode(padded, EncodeSettings.defaults(), 33, 17, null, 0);
        assertThat(pixels.position()).isEqualTo(7);
        assertThat(pixels.limit()).isEqualTo(100);
        pixels.clear();
        assertSamePixels(decode(pixmap), padded);

        RawFrame readOnly = new RawFrame(33, 17, 33 * 4 + 12, pixels.asReadOnlyBuffer().position(5));
        assertSamePixels(decode(pipeline.encode(readOnly, EncodeSettings.defaults(), 33, 17, null, 0)), padded);
    }

    @Test
    void tinyFrames() throws IOException {
        RawFrame one = randomFrame(1, 1, 0, false, 5);
        assertSamePixels(decode(pipeline.encode(one, EncodeSettings.defaults(), 1, 1, null, 0)), one);
        Pixmap jpeg = pipeline.encode(one, new EncodeSettings(PixmapFormat.JPEG, 0, 80), 1, 1, null, 0);
        assertThat(decode(jpeg).getWidth()).isEqualTo(1);

        RawFrame thin = randomFrame(4000, 1, 0, false, 6);
        Pixmap scaled = pipeline.encode(thin, EncodeSettings.defaults(), 4000, 1, null, 0);
        assertThat(scaled.width()).isEqualTo(1920);
        assertThat(scaled.height()).isEqualTo(1);
        assertThat(decode(scaled).getWidth()).isEqualTo(1920);
    }

    @Test
    void invalidInputIsRejected() {
        assertThatThrownBy(() -> new EncodeSettings(PixmapFormat.RAW_RGB, 1920, 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncodeSettings(PixmapFormat.PNG, -1, 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncodeSettings(PixmapFormat.JPEG, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncodeSettings(PixmapFormat.JPEG, 0, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RawFrame(10, 10, 39, ByteBuffer.allocate(400))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RawFrame(10, 10, 40, ByteBuffer.allocate(399))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RawFrame(0, 10, 40, ByteBuffer.allocate(400))).isInstanceOf(IllegalArgumentException.class);
        RawFrame frame = randomFrame(4, 4, 0, false, 7);
        assertThatThrownBy(() -> pipeline.encode(frame, EncodeSettings.defaults(), 0, 4, null, 0)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> pipeline.encode(frame, null, 4, 4, null, 0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void concurrentEncodesGiveIdenticalResults() throws Exception {
        RawFrame frame = SyntheticDesktop.of(1920, 1080).frame(true, 0);
        byte[] expected = pipeline.encode(frame, EncodeSettings.defaults(), 1920, 1080, null, 0).data();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> pipeline.encode(frame, EncodeSettings.defaults(), 1920, 1080, null, 0).data()));
            }
            for (Future<byte[]> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void adlerCombineMatchesOneRun() {
        byte[] data = new byte[300_000];
        new Random(8).nextBytes(data);
        java.util.zip.Adler32 whole = new java.util.zip.Adler32();
        whole.update(data);
        java.util.zip.Adler32 a = new java.util.zip.Adler32();
        a.update(data, 0, 123_457);
        java.util.zip.Adler32 b = new java.util.zip.Adler32();
        b.update(data, 123_457, data.length - 123_457);
        assertThat(PngEncoder.combineAdler(a.getValue(), b.getValue(), data.length - 123_457)).isEqualTo(whole.getValue());
    }

    static RawFrame randomFrame(int width, int height, int padding, boolean direct, long seed) {
        int stride = width * 4 + padding;
        byte[] bytes = new byte[stride * height];
        new Random(seed).nextBytes(bytes);
        ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(bytes.length) : ByteBuffer.allocate(bytes.length);
        buffer.put(bytes).clear();
        return new RawFrame(width, height, stride, buffer);
    }

    static BufferedImage decode(Pixmap pixmap) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(pixmap.data()));
        assertThat(image).as("decodable " + pixmap.format()).isNotNull();
        return image;
    }

    private static int mean(RawFrame frame, int x0, int y0, int k) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int y = y0; y < y0 + k; y++) {
            for (int x = x0; x < x0 + k; x++) {
                int p = frame.rgb(x, y);
                r += p >> 16 & 0xff;
                g += p >> 8 & 0xff;
                b += p & 0xff;
            }
        }
        int d = k * k;
        return (r + d / 2) / d << 16 | (g + d / 2) / d << 8 | (b + d / 2) / d;
    }

    private static int channelDistance(int a, int b) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) + Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }
}
