package dev.opendesk.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.model.MouseButton;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerAction;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Rect;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MouseToolTest {
    private final ToolFixtures f = new ToolFixtures();

    @Test
    void clickWithTheScreenSizeNeedsNoScalingAndIsMoveDownUp() {
        ToolResult result = f.run("mouse", "{\"action\":\"click\",\"x\":100,\"y\":200,\"image_width\":1920,\"image_height\":1080}");
        assertThat(result.error()).isFalse();
        assertThat(result.title()).isEqualTo("Mouse: click");
        assertThat(result.output()).isEqualTo("Click at (100, 200).");
        assertThat(f.pointerEvents()).extracting(PointerEvent::action)
                .containsExactly(PointerAction.MOVE, PointerAction.DOWN, PointerAction.UP);
        assertThat(f.pointerEvents()).extracting(PointerEvent::point).containsOnly(new Point(100, 200));
        assertThat(f.pointerEvents().get(1).button()).isEqualTo(MouseButton.LEFT);
        assertThat(f.slept).containsExactly(500L);
        assertThat(f.context.session().actions()).extracting(ToolSession.Action::action).containsExactly("mouse_click");
    }

    @Test
    void aDoubleSizeImageHalvesTheCoordinatesAndSaysSo() {
        ToolResult result = f.run("mouse", "{\"action\":\"click\",\"x\":1000,\"y\":600,\"image_width\":3840,\"image_height\":2160}");
        assertThat(result.output()).isEqualTo("Click at (500, 300). [image (1000,600) -> logical (500,300) scale 0.500x0.500]");
        assertThat(f.pointerEvents()).extracting(PointerEvent::point).containsOnly(new Point(500, 300));
    }

    @Test
    void budgetSizedImageMapsExactlyByLogicalOverImageSize() {
        // 1429x804 is what screenshot returns for a 1920x1080 screen
        f.run("mouse", "{\"action\":\"move\",\"x\":715,\"y\":402,\"image_width\":1429,\"image_height\":804,\"settle_ms\":0}");
        Point p = f.pointerEvents().get(0).point();
        assertThat(p).isEqualTo(new Point(Math.round(715.0 * 1920 / 1429), Math.round(402.0 * 1080 / 804)));
        assertThat(p).isEqualTo(new Point(961, 540));
        assertThat(f.slept).containsExactly(0L);
    }

    @Test
    void scalesWithinTwoPercentAreIgnored() {
        ToolResult result = f.run("mouse", "{\"action\":\"move\",\"x\":100,\"y\":100,\"image_width\":1900,\"image_height\":1070}");
        assertThat(result.output()).isEqualTo("Moved mouse to (100, 100).");
    }

    @Test
    void coordinatesOfARegionScreenshotMapIntoThatRegion() {
        f.computer.captureAnswer = ToolFixtures.pixmap(ToolFixtures.image(400, 200, 0x336699), 200, 100);
        ToolResult shot = f.run("screenshot", "{\"region\":[1000,500,200,100]}");
        assertThat(shot.output()).contains("image_width=400, image_height=200");
        ToolResult click = f.run("mouse", "{\"action\":\"click\",\"x\":100,\"y\":50,\"image_width\":400,\"image_height\":200}");
        assertThat(f.pointerEvents()).extracting(PointerEvent::point).containsOnly(new Point(1050, 525));
        assertThat(click.output()).contains("scale 0.500x0.500");
    }

    @Test
    void dragNeedsItsEndAndIsMoveDownMoveUp() {
        ToolResult missing = f.run("mouse", "{\"action\":\"drag\",\"x\":1,\"y\":2}");
        assertThat(missing.error()).isTrue();
        assertThat(missing.output()).isEqualTo("Mouse action failed: end_x and end_y are required for drag action.");
        assertThat(f.computer.calls).isEmpty();

        ToolResult drag = f.run("mouse", "{\"action\":\"drag\",\"x\":10,\"y\":20,\"end_x\":300,\"end_y\":400}");
        assertThat(drag.output()).isEqualTo("Dragged from (10, 20) to (300, 400).");
        assertThat(f.pointerEvents()).extracting(PointerEvent::action)
                .containsExactly(PointerAction.MOVE, PointerAction.DOWN, PointerAction.MOVE, PointerAction.UP);
        assertThat(f.pointerEvents().get(3).point()).isEqualTo(new Point(300, 400));
    }

    @Test
    void scrollDirectionsAndAmounts() {
        assertThat(f.run("mouse", "{\"action\":\"scroll\",\"x\":5,\"y\":6,\"direction\":\"down\",\"amount\":5}").output())
                .isEqualTo("Scrolled down 5 click(s) at (5, 6).");
        assertThat(f.run("mouse", "{\"action\":\"scroll\",\"x\":5,\"y\":6}").output())
                .isEqualTo("Scrolled up 3 click(s) at (5, 6).");
        f.run("mouse", "{\"action\":\"scroll\",\"direction\":\"left\",\"amount\":2}");
        List<PointerEvent> scrolls = f.pointerEvents().stream().filter(e -> e.action() == PointerAction.SCROLL).toList();
        assertThat(scrolls).extracting(PointerEvent::dy).containsExactly(-5.0, 3.0, 0.0);
        assertThat(scrolls).extracting(PointerEvent::dx).containsExactly(0.0, 0.0, -2.0);
    }

    @Test
    void otherButtonsAndCounts() {
        assertThat(f.run("mouse", "{\"action\":\"right_click\",\"x\":1,\"y\":1}").output()).isEqualTo("Right-click at (1, 1).");
        assertThat(f.pointerEvents().get(1).button()).isEqualTo(MouseButton.RIGHT);
        f.computer.calls.clear();
        assertThat(f.run("mouse", "{\"action\":\"middle_click\",\"x\":1,\"y\":1}").output()).isEqualTo("Middle-click at (1, 1).");
        assertThat(f.pointerEvents().get(1).button()).isEqualTo(MouseButton.MIDDLE);
        f.computer.calls.clear();
        assertThat(f.run("mouse", "{\"action\":\"triple_click\",\"x\":1,\"y\":1}").output()).isEqualTo("Triple-click at (1, 1).");
        assertThat(f.pointerEvents().stream().filter(e -> e.action() == PointerAction.DOWN)).hasSize(3);
        f.computer.calls.clear();
        assertThat(f.run("mouse", "{\"action\":\"double_click\",\"x\":1,\"y\":1}").output()).isEqualTo("Double-click at (1, 1).");
        assertThat(f.pointerEvents().stream().filter(e -> e.action() == PointerAction.UP)).hasSize(2);
        f.computer.calls.clear();
        assertThat(f.run("mouse", "{\"action\":\"left_down\",\"x\":7,\"y\":8}").output())
                .isEqualTo("Left button pressed at (7, 8) -- button is held.");
        assertThat(f.run("mouse", "{\"action\":\"left_up\",\"x\":9,\"y\":8}").output()).isEqualTo("Left button released at (9, 8).");
        assertThat(f.context.session().actions()).extracting(ToolSession.Action::action)
                .containsExactly("mouse_click", "mouse_click", "mouse_click", "mouse_click", "mouse_down", "mouse_up");
    }

    @Test
    void cursorPositionIsNotScaledAndDoesNotSettle() {
        ToolResult result = f.run("mouse", "{\"action\":\"cursor_position\",\"image_width\":3840,\"image_height\":2160}");
        assertThat(result.output()).isEqualTo("Current cursor: (50, 60)");
        assertThat(f.slept).isEmpty();
        assertThat(f.context.session().actions()).extracting(ToolSession.Action::action).containsExactly("cursor_position");
    }

    @Test
    void sandboxRegionRefusesPointsOutsideIt() {
        f.context.session().restrictRegion(new Rect(0, 0, 100, 100));
        ToolResult result = f.run("mouse", "{\"action\":\"click\",\"x\":400,\"y\":400,\"image_width\":1920,\"image_height\":1080}");
        assertThat(result.error()).isTrue();
        assertThat(result.title()).isEqualTo("Mouse action denied");
        assertThat(result.output()).isEqualTo("Coordinate (400, 400) is outside the permitted region.");
        assertThat(f.computer.calls).isEmpty();
        assertThat(f.run("mouse", "{\"action\":\"click\",\"x\":100,\"y\":100}").error()).isFalse();
    }
}
