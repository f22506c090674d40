package dev.opendesk.core.computer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.KeyAction;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.MouseButton;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerAction;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.TextInput;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ComputerConvenienceTest {
    private static final Point A = new Point(10, 20);
    private static final Point B = new Point(300.5, 400);

    private final RecordingComputer computer = new RecordingComputer();

    /** Each recorded pointer call as "action@x,y[:button]" and each key call as "action:keysym". */
    private List<String> trace() {
        return computer.calls.stream().map(call -> {
            if (call instanceof PointerEvent p) {
                String base = p.action().wire() + "@" + p.point().x() + "," + p.point().y();
                return p.button() == null ? base : base + ":" + p.button().wire();
            }
            if (call instanceof KeyEvent k) {
                return k.action().wire() + ":" + k.keysym();
            }
            return call.toString();
        }).collect(Collectors.toList());
    }

    @Test
    void moveTo() {
        computer.moveTo(A);
        assertThat(trace()).containsExactly("move@10.0,20.0");
    }

    @Test
    void clickIsMoveDownUp() {
        computer.click(A, MouseButton.RIGHT);
        assertThat(trace()).containsExactly("move@10.0,20.0", "down@10.0,20.0:right", "up@10.0,20.0:right");
    }

    @Test
    void plainClickUsesTheLeftButton() {
        computer.click(A);
        assertThat(trace()).containsExactly("move@10.0,20.0", "down@10.0,20.0:left", "up@10.0,20.0:left");
    }

    @Test
    void doubleClickRepeatsDownUp() {
        computer.doubleClick(A);
        assertThat(trace()).containsExactly("move@10.0,20.0",
                "down@10.0,20.0:left", "up@10.0,20.0:left", "down@10.0,20.0:left", "up@10.0,20.0:left");
    }

    @Test
    void dragIsMoveDownMoveUp() {
        computer.drag(A, B, MouseButton.LEFT);
        assertThat(trace()).containsExactly(
                "move@10.0,20.0", "down@10.0,20.0:left", "move@300.5,400.0", "up@300.5,400.0:left");
    }

    @Test
    void scrollMovesThenScrolls() {
        computer.scroll(A, 0, -3);
        assertThat(trace()).containsExactly("move@10.0,20.0", "scroll@10.0,20.0");
        PointerEvent scroll = (PointerEvent) computer.calls.get(1);
        assertThat(scroll.action()).isEqualTo(PointerAction.SCROLL);
        assertThat(scroll.dx()).isZero();
        assertThat(scroll.dy()).isEqualTo(-3);
    }

    @Test
    void pressIsDownUpOfTheNormalisedKey() {
        computer.press("Return");
        assertThat(trace()).containsExactly("down:enter", "up:enter");
    }

    @Test
    void hotkeyIsDownsInOrderThenUpsInReverse() {
        computer.hotkey("Cmd", "Shift", "t");
        assertThat(trace()).containsExactly(
                "down:meta", "down:shift", "down:t", "up:t", "up:shift", "up:meta");
        assertThat(computer.calls).allSatisfy(call -> assertThat(((KeyEvent) call).modifiers()).isEmpty());
    }

    @Test
    void hotkeyNeedsAKey() {
        assertThatThrownBy(() -> computer.hotkey())
                .isInstanceOfSatisfying(OpendeskException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThat(computer.calls).isEmpty();
    }

    @Test
    void hotkeyValidatesEveryKeyBeforeSendingAny() {
        assertThatThrownBy(() -> computer.hotkey("ctrl", " \t"))
                .isInstanceOf(OpendeskException.class);
        assertThat(computer.calls).isEmpty();
    }

    @Test
    void typeTextIsOneTextCallAtTheDefaultInterval() {
        computer.typeText("héllo wörld");
        assertThat(computer.calls).containsExactly(new TextInput("héllo wörld", 20));
    }

    @Test
    void eventsAreStampedNow() {
        double before = System.currentTimeMillis() / 1000.0;
        computer.click(A);
        computer.press("a");
        double after = System.currentTimeMillis() / 1000.0;
        assertThat(computer.calls).allSatisfy(call -> {
            double timestamp = call instanceof PointerEvent p ? p.timestamp() : ((KeyEvent) call).timestamp();
            assertThat(timestamp).isBetween(before - 0.001, after + 0.001);
        });
        assertThat(((KeyEvent) computer.calls.get(3)).action()).isEqualTo(KeyAction.DOWN);
    }

    @Test
    void referenceRefusalsAreDefaults() {
        assertThatThrownBy(() -> computer.moveWindow("w1", new Rect(0, 0, 10, 10)))
                .isInstanceOfSatisfying(OpendeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
                    assertThat(e.details()).containsEntry("capability", Capability.WINDOWS_MANIPULATE.wire())
                            .containsEntry("backend", "test/recording");
                });
        assertThatThrownBy(computer::subscribeInput)
                .isInstanceOfSatisfying(OpendeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
                    assertThat(e.details()).containsEntry("capability", "input.pointer");
                });
        assertThat(computer.notifications()).isEmpty();
    }
}
