package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.CapturedFrame;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.image.PixmapDecoder;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.Rect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code captureFrame}: the grab itself, without encoding, equal to what {@code capture} encodes. */
final class X11CaptureFrameTest {
    @Test
    void rawFrameHasThePixelsOfTheEncodedCaptureAtFullResolution() {
        try (XvfbServer xvfb = XvfbServer.start(2400, 600);
             X11ScreensTest.Painter painter = new X11ScreensTest.Painter(xvfb.session());
             X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline())) {
            painter.fill(100, 50, 40, 30, X11ScreensTest.RED);
            painter.fill(2300, 500, 20, 20, X11ScreensTest.BLUE);

            CapturedFrame captured = screens.captureFrame(CaptureRequest.primary());
            RawFrame frame = captured.frame();
            // downscale is left to the caller: the frame is at full resolution even though the
            // request allows downscaling (the encoded capture is 1920 wide)
            assertThat(List.of(frame.width(), frame.height(), captured.logicalWidth(), captured.logicalHeight()))
                    .containsExactly(2400, 600, 2400, 600);
            assertThat(captured.displayId()).contains("1");
            assertThat(captured.encoded()).isEmpty();
            assertThat(frame.pixels().isDirect()).as("not a view of the shared-memory segment").isFalse();
            assertThat(frame.rgb(100, 50)).isEqualTo(X11ScreensTest.RED);
            assertThat(frame.rgb(2310, 510)).isEqualTo(X11ScreensTest.BLUE);

            Pixmap full = screens.capture(new CaptureRequest(null, null, false));
            RawFrame decoded = PixmapDecoder.decode(full);
            for (int y = 0; y < 600; y += 7) {
                for (int x = 0; x < 2400; x += 5) {
                    if (decoded.rgb(x, y) != frame.rgb(x, y)) {
                        assertThat(Integer.toHexString(frame.rgb(x, y))).as("pixel " + x + "," + y)
                                .isEqualTo(Integer.toHexString(decoded.rgb(x, y)));
                    }
                }
            }
            // a later grab does not change a frame already handed over
            painter.fill(100, 50, 40, 30, X11ScreensTest.GREEN);
            screens.captureFrame(CaptureRequest.primary());
            assertThat(frame.rgb(100, 50)).isEqualTo(X11ScreensTest.RED);
        }
    }

    @Test
    void regionFramesHaveTheRegionSize() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             X11ScreensTest.Painter painter = new X11ScreensTest.Painter(xvfb.session());
             X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline())) {
            painter.fill(100, 50, 40, 30, X11ScreensTest.RED);
            CapturedFrame captured = screens.captureFrame(new CaptureRequest(null, new Rect(95, 45, 50, 40), true));
            assertThat(List.of(captured.frame().width(), captured.frame().height(), captured.logicalWidth(), captured.logicalHeight()))
                    .containsExactly(50, 40, 50, 40);
            assertThat(captured.frame().rgb(5, 5)).isEqualTo(X11ScreensTest.RED);
            assertThat(captured.frame().rgb(4, 4)).isNotEqualTo(X11ScreensTest.RED);
        }
    }
}
