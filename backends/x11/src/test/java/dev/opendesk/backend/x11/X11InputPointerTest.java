package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.backend.x11.X11InputObservers.XEvent;
import dev.opendesk.backend.x11.X11InputObservers.Xev;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.Modifier;
import dev.opendesk.core.model.MouseButton;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerAction;
import dev.opendesk.core.model.PointerEvent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pointer input through XTest, observed by xdotool and by an xev window (separate processes). */
final class X11InputPointerTest {
    private static final int SHIFT_MASK = 1;
    private static final int CONTROL_MASK = 1 << 2;
    private static final int BUTTON1_MASK = 1 << 8;
    private static XvfbServer xvfb;
    private static X11Input input;
    private static Xev xev;

    @BeforeAll
    static void start() {
        xvfb = XvfbServer.start(1024, 768);
        input = new X11Input(xvfb.session());
        xev = new Xev(xvfb, 0, 0, 400, 300);
    }

    @AfterAll
    static void stop() {
        if (xev != null) {
            xev.close();
        }
        if (input != null) {
            input.close();
        }
        if (xvfb != null) {
            xvfb.close();
        }
    }

    @BeforeEach
    void forget() {
        xev.clear();
    }

    @Test
    void movesThePointerToRoundedRootPixels() {
        input.pointer(PointerEvent.move(new Point(123.4, 456.6)));
        assertThat(location()).isEqualTo(List.of(123, 457));
        input.pointer(PointerEvent.move(new Point(1023.4, 767.0)));
        assertThat(location()).isEqualTo(List.of(1023, 767));
        input.pointer(PointerEvent.move(new Point(0, 0)));
        assertThat(location()).isEqualTo(List.of(0, 0));
    }

    @Test
    void refusesPointsOutsideTheScreenAndDoesNotMove() {
        input.pointer(PointerEvent.move(new Point(10, 20)));
        for (Point outside : List.of(new Point(-1, 5), new Point(1024, 10), new Point(5, 768.5))) {
            assertThatThrownBy(() -> input.pointer(PointerEvent.down(outside, MouseButton.LEFT)))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("outside the screen (0, 0, 1024x768)");
        }
        assertThatThrownBy(() -> input.pointer(PointerEvent.move(new Point(1024, 10))))
                .hasMessageContaining("point (1024, 10)");
        assertThat(location()).isEqualTo(List.of(10, 20));
        assertThat(xev.events("ButtonPress")).isEmpty();
    }

    @Test
    void pressesAndReleasesEveryButtonWhereItIsTold() {
        Point point = new Point(100, 120);
        for (MouseButton button : MouseButton.values()) {
            input.pointer(PointerEvent.down(point, button));
            input.pointer(PointerEvent.up(point, button));
        }
        List<XEvent> events = xev.await(10, e -> true, "ButtonPress", "ButtonRelease");
        assertThat(events).extracting(e -> e.type().charAt(6) + "" + e.button())
                .containsExactly("P1", "R1", "P3", "R3", "P2", "R2", "P8", "R8", "P9", "R9");
        assertThat(xev.output()).contains("root:(100,120)");
    }

    @Test
    void downAndUpWithoutAButtonUseTheLeftOne() {
        Point point = new Point(50, 60);
        input.pointer(new PointerEvent(PointerAction.DOWN, point, null, List.of(), 0, 0, null, null, null, 0));
        input.pointer(new PointerEvent(PointerAction.UP, point, null, List.of(), 0, 0, null, null, null, 0));
        assertThat(xev.await(2, e -> true, "ButtonPress", "ButtonRelease")).extracting(XEvent::button).containsExactly(1, 1);
    }

    @Test
    void scrollsWithTheReferenceSignsAndRoundedClicks() {
        Point point = new Point(200, 150);
        input.pointer(PointerEvent.scroll(point, 0, 2));     // up: 2 × button 4
        input.pointer(PointerEvent.scroll(point, 0, -1));    // down: button 5
        input.pointer(PointerEvent.scroll(point, 1.4, 0));   // right: button 7
        input.pointer(PointerEvent.scroll(point, -2.6, 0));  // left: 3 × button 6
        input.pointer(PointerEvent.scroll(point, 0, 0.2));   // a fraction still scrolls once
        input.pointer(PointerEvent.scroll(point, 0, 0));     // nothing
        List<XEvent> presses = xev.await(8, e -> true, "ButtonPress");
        assertThat(presses).extracting(XEvent::button).containsExactly(4, 4, 5, 7, 6, 6, 6, 4);
        assertThat(location()).isEqualTo(List.of(200, 150));
        assertThatThrownBy(() -> input.pointer(PointerEvent.scroll(point, 0, 1e6)))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void holdsListedModifiersAroundTheActionOnly() {
        Point point = new Point(80, 90);
        input.pointer(new PointerEvent(PointerAction.DOWN, point, MouseButton.LEFT,
                List.of(Modifier.CTRL, Modifier.SHIFT, Modifier.FN), 0, 0, null, null, null, 0));
        input.pointer(PointerEvent.up(point, MouseButton.LEFT));
        XEvent press = xev.await(1, e -> true, "ButtonPress").get(0);
        XEvent release = xev.await(1, e -> true, "ButtonRelease").get(0);
        assertThat(press.state() & (CONTROL_MASK | SHIFT_MASK)).isEqualTo(CONTROL_MASK | SHIFT_MASK);
        assertThat(release.state() & (CONTROL_MASK | SHIFT_MASK)).as("modifiers released after the down").isZero();
        assertThat(release.state() & BUTTON1_MASK).isEqualTo(BUTTON1_MASK);
    }

    private static List<Integer> location() {
        XvfbServer.Result result = xvfb.run("xdotool", "getmouselocation", "--shell");
        int x = -1;
        int y = -1;
        for (String line : result.stdout().split("\n")) {
            if (line.startsWith("X=")) {
                x = Integer.parseInt(line.substring(2).strip());
            } else if (line.startsWith("Y=")) {
                y = Integer.parseInt(line.substring(2).strip());
            }
        }
        return List.of(x, y);
    }
}
