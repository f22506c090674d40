package dev.opendesk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PixmapTest {

    private static Pixmap pixmap(byte[] data) {
        // a 2880x1800 logical screen downscaled to 1920x1200 pixels
        return new Pixmap(data, PixmapFormat.PNG, 1920, 1200, 2880, 1800, "1", 1_700_000_000.5);
    }

    @Test
    void equalityIsByContent() {
        Pixmap a = pixmap(new byte[] {1, 2, 3});
        Pixmap b = pixmap(new byte[] {1, 2, 3});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(pixmap(new byte[] {1, 2, 4}));
        assertThat(a).isNotEqualTo(new Pixmap(new byte[] {1, 2, 3}, PixmapFormat.JPEG, 1920, 1200, 2880, 1800, "1",
                1_700_000_000.5));
    }

    @Test
    void bytesAreDefensivelyCopied() {
        byte[] data = {1, 2, 3};
        Pixmap pixmap = pixmap(data);
        data[0] = 7;
        pixmap.data()[1] = 7;
        assertThat(pixmap.data()).containsExactly(1, 2, 3);
        assertThat(pixmap.size()).isEqualTo(3);
    }

    @Test
    void toStringDoesNotDumpBytes() {
        String text = pixmap(new byte[1000]).toString();
        assertThat(text).contains("<1000 bytes>").contains("width=1920").hasSizeLessThan(250);
    }

    @Test
    void mapsPixelsToLogicalAndBack() {
        Pixmap pixmap = pixmap(new byte[] {0});
        assertThat(pixmap.toLogical(100, 50)).isEqualTo(new Point(150, 75));
        assertThat(pixmap.toLogical(1920, 1200)).isEqualTo(new Point(2880, 1800));
        assertThat(pixmap.toPixels(new Point(150, 75))).isEqualTo(new Point(100, 50));
    }

    @Test
    void identityMappingWithoutScaling() {
        Pixmap pixmap = new Pixmap(new byte[] {0}, PixmapFormat.RAW_RGB, 800, 600, 800, 600, null, 0);
        assertThat(pixmap.toLogical(12.5, 7)).isEqualTo(new Point(12.5, 7));
    }
}
