package dev.opendesk.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.Rect;
import org.junit.jupiter.api.Test;

final class ScalingTest {

    @Test
    void encodedSize() {
        assertThat(Scaling.encodedSize(3840, 2160, 1920)).isEqualTo(new Scaling.Size(1920, 1080));
        assertThat(Scaling.encodedSize(2560, 1600, 1920)).isEqualTo(new Scaling.Size(1920, 1200));
        assertThat(Scaling.encodedSize(2560, 1080, 1920)).isEqualTo(new Scaling.Size(1920, 810));
        assertThat(Scaling.encodedSize(1366, 768, 1920)).isEqualTo(new Scaling.Size(1366, 768));
        assertThat(Scaling.encodedSize(3840, 2160, 0)).isEqualTo(new Scaling.Size(3840, 2160));
        assertThat(Scaling.encodedSize(5000, 1, 1920)).isEqualTo(new Scaling.Size(1920, 1));
        assertThat(Scaling.encodedSize(1921, 1081, 1920)).isEqualTo(new Scaling.Size(1920, 1080));
        assertThatThrownBy(() -> Scaling.encodedSize(10, 10, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void regionsMapExactlyForHiDpiFactors() {
        // factor 2: 1920 logical, 3840 pixels
        assertThat(Scaling.toPixelRect(new Rect(100, 50, 300, 200), 3840, 2160, 1920, 1080))
                .isEqualTo(new PixelRect(200, 100, 600, 400));
        // factor 1.5: 1920 logical, 2880 pixels
        assertThat(Scaling.toPixelRect(new Rect(10, 20, 30, 40), 2880, 1620, 1920, 1080))
                .isEqualTo(new PixelRect(15, 30, 45, 60));
        // factor 1.25: 2048 logical, 2560 pixels; odd values cover the partial pixels
        assertThat(Scaling.toPixelRect(new Rect(4, 4, 8, 8), 2560, 1600, 2048, 1280))
                .isEqualTo(new PixelRect(5, 5, 10, 10));
        assertThat(Scaling.toPixelRect(new Rect(1, 1, 1, 1), 2560, 1600, 2048, 1280))
                .isEqualTo(new PixelRect(1, 1, 2, 2));
        // downscaled image: 2048 logical → 1920 pixels (factor 0.9375)
        PixelRect px = Scaling.toPixelRect(new Rect(16, 32, 160, 320), 1920, 1200, 2048, 1280);
        assertThat(px).isEqualTo(new PixelRect(15, 30, 150, 300));
        assertThat(Scaling.toLogicalRect(px, 1920, 1200, 2048, 1280)).isEqualTo(new Rect(16, 32, 160, 320));
        // 0.1 + 0.2 style rounding does not leak an extra pixel
        assertThat(Scaling.toPixelRect(new Rect(0.1 * 3, 0, 0.7, 1), 10, 10, 10, 10)).isEqualTo(new PixelRect(0, 0, 1, 1));
    }

    @Test
    void regionsAreClippedToTheImage() {
        assertThat(Scaling.toPixelRect(new Rect(-10, -10, 5000, 5000), 1920, 1080, 1920, 1080))
                .isEqualTo(new PixelRect(0, 0, 1920, 1080));
        assertThat(Scaling.toPixelRect(new Rect(3000, 10, 5, 5), 1920, 1080, 1920, 1080).width()).isZero();
    }

    @Test
    void pointsRoundTrip() {
        for (int[] f : new int[][] {{3840, 1920}, {2880, 1920}, {2560, 2048}, {1920, 2048}}) {
            for (int px = 0; px <= f[0]; px += 7) {
                double logical = Scaling.toLogical(px, f[0], f[1]);
                assertThat(Scaling.toPixels(logical, f[0], f[1])).isCloseTo(px, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        assertThat(Scaling.toLogical(3, 1920, 2048)).isEqualTo(3.2);
    }
}
