package dev.opendesk.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

final class ScaleAndDecodeTest {
    private final ImagePipeline pipeline = new ImagePipeline();

    @Test
    void scalingOnceGivesTheSamePixelsAsScalingInTheEncoder() {
        RawFrame desktop = SyntheticDesktop.of(1920, 1080).frame(false, 0);
        for (int width : new int[] {1429, 960, 1000, 300}) {
            Scaling.Size size = Scaling.encodedSize(1920, 1080, width);
            RawFrame scaled = pipeline.scale(desktop, size.width(), size.height());
            assertThat(scaled.width()).isEqualTo(size.width());
            assertThat(scaled.height()).isEqualTo(size.height());

            Pixmap direct = pipeline.encode(desktop, new EncodeSettings(PixmapFormat.PNG, width, 80), 1920, 1080, null, 0);
            RawFrame viaEncoder = PixmapDecoder.decode(direct);
            assertSamePixels(scaled, viaEncoder);
        }
    }

    @Test
    void scalingToTheSameSizeReturnsTheFrameItself() {
        RawFrame frame = SyntheticDesktop.of(64, 48).frame(false, 0);
        assertThat(pipeline.scale(frame, 64, 48)).isSameAs(frame);
        assertThatThrownBy(() -> pipeline.scale(frame, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesPngAndRawPixmapsToTheSamePixels() {
        RawFrame frame = SyntheticDesktop.of(200, 120).frame(false, 0);
        Pixmap png = pipeline.encode(frame, EncodeSettings.fullResolution(), 200, 120, "1", 5);
        assertSamePixels(PixmapDecoder.decode(png), frame);

        byte[] rgb = new byte[200 * 120 * 3];
        byte[] rgba = new byte[200 * 120 * 4];
        for (int y = 0, i = 0; y < 120; y++) {
            for (int x = 0; x < 200; x++, i++) {
                int p = frame.rgb(x, y);
                rgb[i * 3] = (byte) (p >> 16);
                rgb[i * 3 + 1] = (byte) (p >> 8);
                rgb[i * 3 + 2] = (byte) p;
                rgba[i * 4] = (byte) (p >> 16);
                rgba[i * 4 + 1] = (byte) (p >> 8);
                rgba[i * 4 + 2] = (byte) p;
                rgba[i * 4 + 3] = (byte) 0xff;
            }
        }
        assertSamePixels(PixmapDecoder.decode(new Pixmap(rgb, PixmapFormat.RAW_RGB, 200, 120, 200, 120, null, 0)), frame);
        assertSamePixels(PixmapDecoder.decode(new Pixmap(rgba, PixmapFormat.RAW_RGBA, 200, 120, 200, 120, null, 0)), frame);
    }

    @Test
    void undecodableDataIsAnInternalError() {
        Pixmap broken = new Pixmap(new byte[] {1, 2, 3}, PixmapFormat.PNG, 10, 10, 10, 10, null, 0);
        assertThatThrownBy(() -> PixmapDecoder.decode(broken)).isInstanceOf(OpendeskException.class)
                .hasMessageContaining("cannot decode the png image");
        Pixmap shortRaw = new Pixmap(new byte[10], PixmapFormat.RAW_RGB, 10, 10, 10, 10, null, 0);
        assertThatThrownBy(() -> PixmapDecoder.decode(shortRaw)).isInstanceOf(OpendeskException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void decodedFramesHaveTightHeapBuffers() {
        RawFrame frame = SyntheticDesktop.of(33, 17).frame(true, 0);
        RawFrame decoded = PixmapDecoder.decode(pipeline.encode(frame, EncodeSettings.fullResolution(), 33, 17, null, 0));
        assertThat(decoded.stride()).isEqualTo(33 * 4);
        assertThat(decoded.pixels()).isInstanceOf(ByteBuffer.class);
        assertThat(decoded.pixels().isDirect()).isFalse();
    }

    private static void assertSamePixels(RawFrame actual, RawFrame expected) {
        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.height()).isEqualTo(expected.height());
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                if (actual.rgb(x, y) != expected.rgb(x, y)) {
                    assertThat(Integer.toHexString(actual.rgb(x, y))).as("pixel " + x + "," + y)
                            .isEqualTo(Integer.toHexString(expected.rgb(x, y)));
                }
            }
        }
    }
}
