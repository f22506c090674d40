package dev.opendesk.codec.turbojpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.image.TestFrames;
import dev.opendesk.core.image.EncodeSettings;
import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.image.SyntheticDesktop;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TurboJpegCodecTest {
    private final TurboJpegCodec codec = new TurboJpegCodec();

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        assertThat(jpeg).startsWith(0xff, 0xd8, 0xff); // SOI
        assertThat(jpeg[jpeg.length - 2] & 0xff).isEqualTo(0xff); // EOI
        assertThat(jpeg[jpeg.length - 1] & 0xff).isEqualTo(0xd9);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image).as("decodable").isNotNull();
        return image;
    }

    /** Mean absolute error per channel between the frame and the decoded image. */
    private static double[] meanError(RawFrame frame, BufferedImage image) {
        double[] sum = new double[3];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int a = frame.rgb(x, y);
                int b = image.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    sum[c] += Math.abs((a >> (16 - 8 * c) & 0xff) - (b >> (16 - 8 * c) & 0xff));
                }
            }
        }
        long n = (long) frame.width() * frame.height();
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    /** The largest of the three channels' mean absolute errors. */
    private static double worstChannelError(RawFrame frame, BufferedImage image) {
        double[] errors = meanError(frame, image);
        return Math.max(errors[0], Math.max(errors[1], errors[2]));
    }

    @Test
    void takesOverJpegOnlyOnceLoaded() {
        assertThat(codec.name()).isEqualTo("turbojpeg");
        assertThat(codec.operations()).containsExactly(ImageCodec.Operation.JPEG);
        assertThatThrownBy(() -> codec.encodePng(TestFrames.of(2, 2, 0, false, (x, y) -> 0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void smoothContentComesBackClose() throws IOException {
        RawFrame frame = TestFrames.of(320, 200, 0, false, TestFrames::smooth);
        BufferedImage image = decode(codec.encodeJpeg(frame, 90));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);
        assertThat(worstChannelError(frame, image)).isLessThan(4.0);
    }

    @Test
    void flatColourIsNearlyExactAndChannelsAreNotSwapped() throws IOException {
        RawFrame frame = TestFrames.of(64, 48, 0, false, (x, y) -> 0xc03010);
        BufferedImage image = decode(codec.encodeJpeg(frame, 90));
        for (int y = 0; y < 48; y += 7) {
            for (int x = 0; x < 64; x += 5) {
                int p = image.getRGB(x, y);
                assertThat(p >> 16 & 0xff).as("red at %d,%d", x, y).isBetween(0xc0 - 3, 0xc0 + 3);
                assertThat(p >> 8 & 0xff).as("green at %d,%d", x, y).isBetween(0x30 - 3, 0x30 + 3);
                assertThat(p & 0xff).as("blue at %d,%d", x, y).isBetween(0x10 - 3, 0x10 + 3);
            }
        }
    }

    @Test
    void lowerQualityGivesASmallerFile() {
        RawFrame frame = SyntheticDesktop.of(640, 360).frame(false, 0);
        int small = codec.encodeJpeg(frame, 30).length;
        int large = codec.encodeJpeg(frame, 95).length;
        assertThat(small).isLessThan(large * 2 / 3);
    }

    @Test
    void paddedRowsAndDirectBuffersGiveTheSameImageAsPackedHeapRows() throws IOException {
        RawFrame packed = TestFrames.of(101, 67, 0, false, TestFrames::smooth);
        RawFrame paddedHeap = TestFrames.of(101, 67, 36, false, TestFrames::smooth);
        RawFrame paddedDirect = TestFrames.of(101, 67, 12, true, TestFrames::smooth);
        byte[] reference = codec.encodeJpeg(packed, 85);
        // The same pixels give the same bytes whatever the buffer and stride.
        assertThat(codec.encodeJpeg(paddedHeap, 85)).isEqualTo(reference);
        assertThat(codec.encodeJpeg(paddedDirect, 85)).isEqualTo(reference);
        assertThat(worstChannelError(paddedDirect, decode(codec.encodeJpeg(paddedDirect, 90)))).isLessThan(4.0);
    }

    @Test
    void readOnlyAndSlicedBuffersAreReadFromTheirIndexZero() {
        RawFrame packed = TestFrames.of(40, 30, 0, false, TestFrames::smooth);
        byte[] reference = codec.encodeJpeg(packed, 80);
        ByteBuffer readOnly = packed.pixels().asReadOnlyBuffer();
        assertThat(codec.encodeJpeg(new RawFrame(40, 30, 160, readOnly), 80)).isEqualTo(reference);

        // a heap buffer whose index 0 is not its array's index 0
        byte[] shifted = new byte[packed.pixels().capacity() + 100];
        packed.pixels().get(0, shifted, 100, packed.pixels().capacity());
        ByteBuffer slice = ByteBuffer.wrap(shifted, 100, packed.pixels().capacity()).slice();
        assertThat(codec.encodeJpeg(new RawFrame(40, 30, 160, slice), 80)).isEqualTo(reference);

        ByteBuffer direct = ByteBuffer.allocateDirect(packed.pixels().capacity()).put(0, packed.pixels(), 0, packed.pixels().capacity());
        direct.position(17); // the position is not where the frame starts
        assertThat(codec.encodeJpeg(new RawFrame(40, 30, 160, direct.asReadOnlyBuffer()), 80)).isEqualTo(reference);
    }

    @Test
    void oddSizes() throws IOException {
        BufferedImage one = decode(codec.encodeJpeg(TestFrames.of(1, 1, 0, false, (x, y) -> 0x00ff00), 90));
        assertThat(one.getWidth()).isEqualTo(1);
        assertThat(one.getHeight()).isEqualTo(1);
        assertThat(one.getRGB(0, 0) >> 8 & 0xff).isGreaterThan(0xf0);
        assertThat(one.getRGB(0, 0) >> 16 & 0xff).isLessThan(0x10);

        RawFrame odd = TestFrames.of(17, 9, 4, true, TestFrames::smooth);
        BufferedImage image = decode(codec.encodeJpeg(odd, 95));
        assertThat(image.getWidth()).isEqualTo(17);
        assertThat(image.getHeight()).isEqualTo(9);
        assertThat(worstChannelError(odd, image)).isLessThan(4.0);
    }

    @Test
    void qualityOutsideOneToHundredIsRefused() {
        RawFrame frame = TestFrames.of(8, 8, 0, false, TestFrames::smooth);
        assertThatThrownBy(() -> codec.encodeJpeg(frame, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.encodeJpeg(frame, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalThreadsAtOnceGetTheSameBytes() throws Exception {
        RawFrame frame = SyntheticDesktop.of(400, 300).frame(true, 0);
        byte[] reference = codec.encodeJpeg(frame, 80);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> codec.encodeJpeg(frame, 80)));
            }
            for (Future<byte[]> result : results) {
                assertThat(result.get()).isEqualTo(reference);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePipelineHandsJpegToTheCodec() throws IOException {
        RawFrame frame = SyntheticDesktop.of(800, 450).frame(true, 8);
        ImagePipeline pipeline = new ImagePipeline(codec);
        Pixmap pixmap = pipeline.encode(frame, new EncodeSettings(PixmapFormat.JPEG, 0, 80), 800, 450, "d1", 12.5);
        assertThat(pipeline.codecName()).isEqualTo("turbojpeg");
        assertThat(pixmap.format()).isEqualTo(PixmapFormat.JPEG);
        assertThat(pixmap.width()).isEqualTo(800);
        assertThat(pixmap.height()).isEqualTo(450);
        // the codec's bytes, not ImageIO's
        assertThat(pixmap.data()).isEqualTo(codec.encodeJpeg(frame, 80));
        BufferedImage image = decode(pixmap.data());
        assertThat(image.getWidth()).isEqualTo(800);

        // scaled by the pipeline first (the codec does not scale), then encoded by the codec
        Pixmap scaled = pipeline.encode(frame, new EncodeSettings(PixmapFormat.JPEG, 400, 80), 800, 450, null, 0);
        assertThat(scaled.width()).isEqualTo(400);
        assertThat(scaled.height()).isEqualTo(225);
        assertThat(decode(scaled.data()).getWidth()).isEqualTo(400);
    }

    @Test
    void aLibraryThatDoesNotLoadTakesOverNothingAndThePipelineFallsBack(@TempDir Path dir) throws IOException {
        Path fake = Files.writeString(dir.resolve("libturbojpeg.so.0"), "not a shared library");
        TurboJpegCodec broken = new TurboJpegCodec(() -> Optional.of(fake));
        assertThat(broken.operations()).isEmpty();
        RawFrame frame = TestFrames.of(16, 16, 0, false, TestFrames::smooth);
        assertThatThrownBy(() -> broken.encodeJpeg(frame, 80))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("libturbojpeg is not usable");

        ImagePipeline pipeline = new ImagePipeline(broken);
        Pixmap pixmap = pipeline.encode(frame, new EncodeSettings(PixmapFormat.JPEG, 0, 80), 16, 16, null, 0);
        assertThat(pipeline.codecName()).isEqualTo("java");
        assertThat(decode(pixmap.data()).getWidth()).isEqualTo(16);
    }
}
