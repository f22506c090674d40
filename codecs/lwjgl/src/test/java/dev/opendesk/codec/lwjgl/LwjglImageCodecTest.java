package dev.opendesk.codec.lwjgl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.image.EncodeSettings;
import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.image.TestFrames;
import dev.opendesk.core.image.SyntheticDesktop;
import dev.opendesk.core.model.Pixmap;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

final class LwjglImageCodecTest {
    private static final LwjglImageCodec CODEC = new LwjglImageCodec();

    private static RawFrame frame(int width, int height, int padding, boolean direct, IntBinaryOperator rgb) {
        return TestFrames.of(width, height, padding, direct, rgb);
    }

    private static RawFrame random(int width, int height, int padding, boolean direct, long seed) {
        Random random = new Random(seed);
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = random.nextInt(1 << 24);
        }
        return frame(width, height, padding, direct, (x, y) -> rgb[y * width + x]);
    }

    /** Smooth diagonal gradients: area averaging differs from the exact mean only by rounding. */
    private static RawFrame smooth(int width, int height, int padding, boolean direct) {
        return frame(width, height, padding, direct, (x, y) -> (x * 255 / width) << 16
                | (y * 255 / height) << 8 | ((x + y) * 255 / (width + height)));
    }

    private static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("ImageIO decodes the PNG").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRgbPng(byte[] png, int width, int height) {
        ByteBuffer header = ByteBuffer.wrap(png);
        assertThat(header.getLong(0)).isEqualTo(0x89504e470d0a1a0aL);
        assertThat(header.getInt(12)).isEqualTo(0x49484452); // IHDR
        assertThat(header.getInt(16)).isEqualTo(width);
        assertThat(header.getInt(20)).isEqualTo(height);
        assertThat(png[24]).as("bit depth").isEqualTo((byte) 8);
        assertThat(png[25]).as("colour type RGB").isEqualTo((byte) 2);
    }

    /** The largest per-channel difference between two frames of one size. */
    private static int maxDifference(RawFrame a, RawFrame b) {
        assertThat(a.width()).isEqualTo(b.width());
        assertThat(a.height()).isEqualTo(b.height());
        int max = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                int p = a.rgb(x, y);
                int q = b.rgb(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    max = Math.max(max, Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)));
                }
            }
        }
        return max;
    }

    private static RawFrame fromImage(BufferedImage image) {
        return frame(image.getWidth(), image.getHeight(), 0, false, (x, y) -> image.getRGB(x, y) & 0xffffff);
    }

    @Test
    void loadsItsNativesAndTakesOverTheMeasuredSteps() {
        assertThat(CODEC.name()).isEqualTo("lwjgl");
        assertThat(CODEC.operations()).isEqualTo(LwjglImageCodec.FASTER).isNotEmpty();
        assertThat(CODEC.operations()).doesNotContain(ImageCodec.Operation.JPEG);
    }

    @Test
    void pngOfRandomPixelsDecodesToTheSamePixels() {
        for (boolean direct : new boolean[] {false, true}) {
            RawFrame frame = random(257, 131, 0, direct, 1);
            byte[] png = CODEC.encodePng(frame);
            assertRgbPng(png, 257, 131);
            TestFrames.assertSamePixels(decode(png), frame);
        }
    }

    @Test
    void pngOfOddSizesAndPaddedRowsDecodesToTheSamePixels() {
        int[][] sizes = {{1, 1}, {1, 9}, {9, 1}, {3, 5}, {333, 17}, {1001, 3}};
        int seed = 0;
        for (int[] size : sizes) {
            for (boolean direct : new boolean[] {false, true}) {
                for (int padding : new int[] {0, 4, 13}) {
                    RawFrame frame = random(size[0], size[1], padding, direct, seed++);
                    assertThat(frame.stride()).isEqualTo(size[0] * 4 + padding);
                    byte[] png = CODEC.encodePng(frame);
                    assertRgbPng(png, size[0], size[1]);
                    TestFrames.assertSamePixels(decode(png), frame);
                }
            }
        }
    }

    @Test
    void pngOfADesktopDecodesToTheSamePixelsAndCompressesLikeOurs() {
        SyntheticDesktop desktop = SyntheticDesktop.of(1280, 720);
        for (boolean direct : new boolean[] {false, true}) {
            RawFrame frame = desktop.frame(direct, direct ? 64 : 0);
            byte[] png = CODEC.encodePng(frame);
            TestFrames.assertSamePixels(decode(png), frame);
            byte[] ours = new ImagePipeline().encode(frame, EncodeSettings.fullResolution(), 1280, 720, null, 0).data();
            // UP filter at level 1 both: within a factor of two of each other, far below raw RGB
            assertThat((double) png.length).isBetween(ours.length / 2.0, ours.length * 2.0);
            assertThat(png.length).isLessThan(1280 * 720 * 3 / 10);
        }
    }

    @Test
    void pngOfAReadOnlyHeapBufferDecodesToTheSamePixels() {
        RawFrame frame = random(64, 48, 8, false, 99);
        RawFrame readOnly = new RawFrame(64, 48, frame.stride(), frame.pixels().asReadOnlyBuffer());
        assertThat(readOnly.pixels().hasArray()).isFalse();
        TestFrames.assertSamePixels(decode(CODEC.encodePng(readOnly)), frame);
    }

    @Test
    void encodingLeavesTheFramesBufferAlone() {
        RawFrame frame = random(40, 30, 4, true, 5);
        frame.pixels().position(17).limit(1000);
        ByteBuffer before = ByteBuffer.allocate(frame.pixels().capacity())
                .put(0, frame.pixels().duplicate().clear(), 0, frame.pixels().capacity());
        RawFrame expected = new RawFrame(40, 30, frame.stride(), before);
        TestFrames.assertSamePixels(decode(CODEC.encodePng(frame)), expected);
        assertThat(maxDifference(CODEC.scale(frame, 20, 15), CODEC.scale(expected, 20, 15))).isZero();
        assertThat(frame.pixels().position()).isEqualTo(17);
        assertThat(frame.pixels().limit()).isEqualTo(1000);
        assertThat(frame.pixels().duplicate().clear()).isEqualTo(before);
    }

    @Test
    void scalingGivesATightlyPackedHeapFrameOfTheAskedSize() {
        for (boolean direct : new boolean[] {false, true}) {
            RawFrame frame = smooth(301, 203, 13, direct); // odd stride: rows need not be aligned
            RawFrame scaled = CODEC.scale(frame, 157, 99);
            assertThat(maxDifference(scaled, new ImagePipeline().scale(frame, 157, 99))).isLessThanOrEqualTo(2);
            assertThat(scaled.width()).isEqualTo(157);
            assertThat(scaled.height()).isEqualTo(99);
            assertThat(scaled.stride()).isEqualTo(157 * 4);
            assertThat(scaled.pixels().isDirect()).isFalse();
            assertThat(scaled.pixels().hasArray()).isTrue();
            assertThat(scaled.pixels().capacity()).isEqualTo(157 * 99 * 4);
        }
    }

    @Test
    void scalingAFlatColourGivesExactlyThatColour() {
        RawFrame flat = frame(641, 359, 20, true, (x, y) -> 0x2d3e50);
        for (int[] size : new int[][] {{320, 179}, {477, 268}, {1, 1}, {640, 359}, {641, 1}}) {
            RawFrame scaled = CODEC.scale(flat, size[0], size[1]);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    assertThat(scaled.rgb(x, y)).as("pixel %d,%d of %dx%d", x, y, size[0], size[1]).isEqualTo(0x2d3e50);
                }
            }
        }
    }

    @Test
    void scalingSmoothContentMatchesThePureJavaAreaScale() {
        ImagePipeline java = new ImagePipeline();
        for (boolean direct : new boolean[] {false, true}) {
            RawFrame frame = smooth(1000, 600, direct ? 32 : 0, direct);
            for (int[] size : new int[][] {{500, 300}, {744, 446}, {333, 200}, {999, 599}}) {
                RawFrame ours = java.scale(frame, size[0], size[1]);
                RawFrame theirs = CODEC.scale(frame, size[0], size[1]);
                assertThat(maxDifference(ours, theirs)).as("%dx%d", size[0], size[1]).isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    void scalingAveragesTheAreaEachOutputPixelCovers() {
        // 2:1 of a checkerboard of black and white single pixels is mid-grey everywhere (a point
        // sampler or a sharpening filter would give black, white or ringing)
        RawFrame checker = frame(64, 32, 0, false, (x, y) -> ((x + y) & 1) == 0 ? 0xffffff : 0);
        RawFrame scaled = CODEC.scale(checker, 32, 16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                int p = scaled.rgb(x, y);
                assertThat(p & 0xff).as("pixel %d,%d", x, y).isBetween(127, 128);
                assertThat(p >> 8 & 0xff).isEqualTo(p & 0xff);
                assertThat(p >> 16 & 0xff).isEqualTo(p & 0xff);
            }
        }
    }

    @Test
    void scalingADesktopStaysCloseToThePureJavaScale() {
        RawFrame frame = SyntheticDesktop.of(1920, 1080).frame(true, 0);
        RawFrame ours = new ImagePipeline().scale(frame, 1429, 804);
        RawFrame theirs = CODEC.scale(frame, 1429, 804);
        long total = 0;
        for (int y = 0; y < 804; y++) {
            for (int x = 0; x < 1429; x++) {
                int p = ours.rgb(x, y);
                int q = theirs.rgb(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    total += Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
                }
            }
        }
        assertThat((double) total / (1429 * 804 * 3)).as("mean difference per channel").isLessThan(1.0);
    }

    @Test
    void aHeapFrameOfAtLeastThreeTimesTheOutputIsScaledLikeThePureJavaPathExactly() {
        RawFrame heap = random(400, 300, 8, false, 11);
        RawFrame scaled = CODEC.scale(heap, 200, 150);
        RawFrame java = new ImagePipeline().scale(heap, 200, 150);
        assertThat(scaled.stride()).isEqualTo(200 * 4);
        assertThat(scaled.pixels()).isEqualTo(java.pixels());
        // below the ratio the heap frame is copied and scaled natively: close, not identical
        RawFrame smooth = smooth(400, 300, 8, false);
        assertThat(maxDifference(CODEC.scale(smooth, 300, 225), new ImagePipeline().scale(smooth, 300, 225)))
                .isLessThanOrEqualTo(2);
    }

    @Test
    void rejectsSizesItCannotScaleTo() {
        RawFrame frame = smooth(20, 10, 0, false);
        assertThatThrownBy(() -> CODEC.scale(frame, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CODEC.scale(frame, 21, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CODEC.scale(frame, 10, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isSafeToUseFromSeveralThreadsAtOnce() {
        List<CompletableFuture<Void>> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int seed = i;
            jobs.add(CompletableFuture.runAsync(() -> {
                RawFrame frame = random(200 + seed, 150, seed, seed % 2 == 0, seed);
                for (int round = 0; round < 5; round++) {
                    TestFrames.assertSamePixels(decode(CODEC.encodePng(frame)), frame);
                    RawFrame big = smooth(1200 + seed, 700, 0, seed % 2 == 1);
                    assertThat(maxDifference(CODEC.scale(big, 800, 466), new ImagePipeline().scale(big, 800, 466)))
                            .isLessThanOrEqualTo(2);
                }
            }, java.util.concurrent.Executors.newSingleThreadExecutor()));
        }
        jobs.forEach(CompletableFuture::join);
    }

    @Test
    void aPipelineWithTheCodecEncodesLikeThePureJavaOne() {
        ImagePipeline pipeline = new ImagePipeline(new LwjglImageCodec());
        assertThat(pipeline.codecName()).isEqualTo("lwjgl");
        SyntheticDesktop desktop = SyntheticDesktop.of(3840, 2160);
        RawFrame frame = desktop.frame(true, 0);
        Pixmap pixmap = pipeline.encode(frame, EncodeSettings.defaults(), 3840, 2160, null, 0);
        assertThat(pixmap.width()).isEqualTo(1920);
        assertThat(pixmap.height()).isEqualTo(1080);
        Pixmap java = new ImagePipeline().encode(frame, EncodeSettings.defaults(), 3840, 2160, null, 0);
        RawFrame ours = fromImage(decode(pixmap.data()));
        RawFrame reference = fromImage(decode(java.data()));
        // 3840 → 1920 is an exact 2×2 mean on both paths: at most one unit of rounding apart
        assertThat(maxDifference(ours, reference)).isLessThanOrEqualTo(1);

        RawFrame small = random(300, 200, 8, false, 3);
        Pixmap full = pipeline.encode(small, EncodeSettings.fullResolution(), 300, 200, null, 0);
        TestFrames.assertSamePixels(decode(full.data()), small);
    }
}
