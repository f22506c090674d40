package dev.opendesk.core.image;

import static dev.opendesk.core.image.TestFrames.assertSamePixels;
import static dev.opendesk.core.image.ImagePipelineTest.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class StreamEncoderTest {
    private static final int BAND = StreamEncoder.BAND_ROWS;

    @Test
    void everyFrameIsACompletePngOfTheCurrentPixels() throws IOException {
        RawFrame frame = SyntheticDesktop.of(1920, 1080).frame(true, 8);
        StreamEncoder encoder = new ImagePipeline().newStream();
        Random random = new Random(7);
        for (int i = 0; i < 6; i++) {
            encoder.update(frame);
            Pixmap pixmap = encoder.encode(EncodeSettings.defaults(), 1920, 1080, "1", i);
            assertThat(pixmap.format()).isEqualTo(PixmapFormat.PNG);
            assertThat(pixmap.displayId()).isEqualTo("1");
            assertThat(pixmap.capturedAt()).isEqualTo(i);
            assertSamePixels(decode(pixmap), frame);
            // scribble a few rectangles for the next frame, like windows redrawing
            for (int r = 0; r < 3; r++) {
                fill(frame, random.nextInt(1800), random.nextInt(1000), 1 + random.nextInt(120), 1 + random.nextInt(80),
                        random.nextInt(0x1000000));
            }
        }
    }

    @Test
    void anUnchangedFrameReusesEverything() throws IOException {
        RawFrame frame = SyntheticDesktop.of(640, 400).frame(false, 0);
        StreamEncoder encoder = new ImagePipeline().newStream();
        encoder.update(frame);
        byte[] first = encoder.encode(EncodeSettings.defaults(), 640, 400, null, 1).data();
        int bands = (400 + BAND - 1) / BAND;
        assertThat(encoder.bandCounts()).containsExactly(0, bands);

        encoder.update(SyntheticDesktop.of(640, 400).frame(true, 12)); // same pixels, another buffer and stride
        Pixmap again = encoder.encode(EncodeSettings.defaults(), 640, 400, null, 2);

        assertThat(encoder.bandCounts()).containsExactly(bands, bands);
        assertThat(again.data()).isEqualTo(first);
        assertThat(again.capturedAt()).isEqualTo(2);
    }

    @Test
    void aChangedRowReencodesItsBandAndTheBandBelowWhoseFilterReadsIt() throws IOException {
        RawFrame frame = SyntheticDesktop.of(500, 10 * BAND).frame(false, 4);
        StreamEncoder encoder = new ImagePipeline().newStream();
        encoder.update(frame);
        encoder.encode(EncodeSettings.defaults(), 500, 10 * BAND, null, 0);

        fill(frame, 0, 3 * BAND - 1, 500, 1, 0x123456); // the last row of band 2: band 3's first row is filtered against it
        encoder.update(frame);
        Pixmap lastRow = encoder.encode(EncodeSettings.defaults(), 500, 10 * BAND, null, 0);
        assertThat(encoder.bandCounts()).containsExactly(8, 12);
        assertSamePixels(decode(lastRow), frame);

        fill(frame, 10, 5 * BAND + 3, 7, 4, 0xfedcba); // inside band 5 only
        encoder.update(frame);
        Pixmap inside = encoder.encode(EncodeSettings.defaults(), 500, 10 * BAND, null, 0);
        assertThat(encoder.bandCounts()).containsExactly(17, 13);
        assertSamePixels(decode(inside), frame);
    }

    @Test
    void downscaledStreamsMatchTheOneShotPipeline() throws IOException {
        RawFrame frame = SyntheticDesktop.of(3840, 2160).frame(true, 0);
        ImagePipeline pipeline = new ImagePipeline();
        StreamEncoder encoder = pipeline.newStream();
        encoder.update(frame);
        encoder.encode(EncodeSettings.defaults(), 3840, 2160, null, 0);
        fill(frame, 1001, 999, 333, 77, 0xff00ff);
        fill(frame, 0, 2159, 3840, 1, 0x00ff00);
        encoder.update(frame);

        Pixmap streamed = encoder.encode(EncodeSettings.defaults(), 3840, 2160, null, 0);
        Pixmap whole = pipeline.encode(frame, EncodeSettings.defaults(), 3840, 2160, null, 0);

        assertThat(streamed.width()).isEqualTo(1920);
        assertThat(streamed.height()).isEqualTo(1080);
        int[] counts = encoder.bandCounts();
        assertThat(counts[0]).as("bands reused").isGreaterThan(counts[1] / 2);
        BufferedImage expected = decode(whole);
        BufferedImage actual = decode(streamed);
        for (int y = 0; y < 1080; y++) {
            for (int x = 0; x < 1920; x++) {
                if (actual.getRGB(x, y) != expected.getRGB(x, y)) {
                    assertThat(Integer.toHexString(actual.getRGB(x, y))).as("pixel " + x + "," + y)
                            .isEqualTo(Integer.toHexString(expected.getRGB(x, y)));
                }
            }
        }
    }

    @Test
    void aFrameOfAnotherSizeStartsAfresh() throws IOException {
        StreamEncoder encoder = new ImagePipeline().newStream();
        encoder.update(SyntheticDesktop.of(300, 200).frame(false, 0));
        encoder.encode(EncodeSettings.defaults(), 300, 200, null, 0);
        RawFrame smaller = SyntheticDesktop.of(200, 100).frame(false, 0);

        encoder.update(smaller);
        Pixmap pixmap = encoder.encode(EncodeSettings.defaults(), 200, 100, null, 0);

        assertThat(pixmap.width()).isEqualTo(200);
        assertSamePixels(decode(pixmap), smaller);
    }

    @Test
    void jpegFramesAreEncodedWhole() throws IOException {
        StreamEncoder encoder = new ImagePipeline().newStream();
        encoder.update(SyntheticDesktop.of(320, 200).frame(false, 0));

        Pixmap jpeg = encoder.encode(new EncodeSettings(PixmapFormat.JPEG, 0, 80), 320, 200, null, 0);

        assertThat(jpeg.format()).isEqualTo(PixmapFormat.JPEG);
        assertThat(decode(jpeg).getWidth()).isEqualTo(320);
    }

    @Test
    void encodingBeforeAnyFrameIsRefused() {
        StreamEncoder encoder = new ImagePipeline().newStream();
        assertThatThrownBy(() -> encoder.encode(EncodeSettings.defaults(), 1, 1, null, 0))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void fill(RawFrame frame, int x0, int y0, int width, int height, int rgb) {
        ByteBuffer pixels = frame.pixels();
        for (int y = y0; y < Math.min(frame.height(), y0 + height); y++) {
            for (int x = x0; x < Math.min(frame.width(), x0 + width); x++) {
                int o = y * frame.stride() + x * 4;
                pixels.put(o, (byte) rgb);
                pixels.put(o + 1, (byte) (rgb >> 8));
                pixels.put(o + 2, (byte) (rgb >> 16));
            }
        }
    }
}
