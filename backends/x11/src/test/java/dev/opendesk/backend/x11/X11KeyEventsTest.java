package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.backend.x11.X11InputObservers.XEvent;
import dev.opendesk.backend.x11.X11InputObservers.Xev;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.KeyAction;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.Modifier;
import dev.opendesk.core.model.OpendeskException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key events through XTest, observed by a focused xev window (a separate process). */
final class X11KeyEventsTest {
    private static final int SHIFT_MASK = 1;
    private static final int CONTROL_MASK = 1 << 2;
    private static XvfbServer xvfb;
    private static X11Input input;
    private static Xev xev;

    @BeforeAll
    static void start() {
        xvfb = XvfbServer.start(800, 600);
        input = new X11Input(xvfb.session());
        xev = new Xev(xvfb, 0, 0, 300, 200);
        xev.focus();
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
    void aChordIsSeenWithItsModifierState() {
        press(KeyEvent.down("ctrl"), KeyEvent.down("a"), KeyEvent.up("a"), KeyEvent.up("ctrl"));
        List<XEvent> presses = xev.await(2, e -> true, "KeyPress");
        assertThat(presses).extracting(XEvent::keysym).containsExactly(0xffe3L, 0x61L); // Control_L, a
        assertThat(presses.get(1).state() & CONTROL_MASK).isEqualTo(CONTROL_MASK);
        List<XEvent> releases = xev.await(2, e -> true, "KeyRelease");
        assertThat(releases).extracting(XEvent::keysym).containsExactly(0x61L, 0xffe3L);
    }

    @Test
    void modifiersListedOnAKeyEventAreHeldAroundItsDown() {
        input.key(new KeyEvent(KeyAction.DOWN, "s", null, null, List.of(Modifier.CTRL, Modifier.ALT), false, 0));
        input.key(KeyEvent.up("s"));
        XEvent s = xev.await(1, e -> e.keysym() == 's', "KeyPress").get(0);
        assertThat(s.state() & (CONTROL_MASK | 1 << 3)).isEqualTo(CONTROL_MASK | 1 << 3); // Mod1 = Alt
        XEvent release = xev.await(1, e -> e.keysym() == 's', "KeyRelease").get(0);
        assertThat(release.state() & CONTROL_MASK).isZero();
    }

    @Test
    void anUpperCaseLetterOrShiftedSymbolIsTypedWithShift() {
        press(KeyEvent.down("A"), KeyEvent.up("A"), KeyEvent.down("?"), KeyEvent.up("?"), KeyEvent.down("b"), KeyEvent.up("b"));
        List<XEvent> presses = xev.await(3, e -> e.keysym() != 0xffe1L, "KeyPress");
        assertThat(presses).extracting(XEvent::keysym).containsExactly(0x41L, 0x3fL, 0x62L); // A ? b
        assertThat(presses.get(0).state() & SHIFT_MASK).isEqualTo(SHIFT_MASK);
        assertThat(presses.get(1).state() & SHIFT_MASK).isEqualTo(SHIFT_MASK);
        assertThat(presses.get(2).state() & SHIFT_MASK).as("shift released after the key's up").isZero();
    }

    @Test
    void namedKeysAndAliasesMapToTheirKeysyms() {
        List<String> names = List.of("enter", "return", "escape", "esc", "tab", "space", "backspace", "delete",
                "home", "end", "pageup", "pgdn", "left", "right", "up", "down", "insert", "f1", "f5", "f12",
                "comma", ",", "period", "minus", "slash", "cmd", "win", "shift", "alt", "ctrl", "Enter", "F5");
        long[] expected = {0xff0d, 0xff0d, 0xff1b, 0xff1b, 0xff09, 0x20, 0xff08, 0xffff,
            0xff50, 0xff57, 0xff55, 0xff56, 0xff51, 0xff53, 0xff52, 0xff54, 0xff63, 0xffbe, 0xffc2, 0xffc9,
            0x2c, 0x2c, 0x2e, 0x2d, 0x2f, 0xffeb, 0xffeb, 0xffe1, 0xffe9, 0xffe3, 0xff0d, 0xffc2};
        for (String name : names) {
            input.key(KeyEvent.down(name));
            input.key(KeyEvent.up(name));
        }
        List<XEvent> presses = xev.await(names.size(), e -> true, "KeyPress");
        assertThat(presses).extracting(XEvent::keysym).containsExactly(Arrays.stream(expected).boxed().toArray(Long[]::new));
    }

    @Test
    void aKeyThatIsOnNoKeycodeIsLentASpareOneAndGivenBack() {
        long[] before = X11InputTextTest.keymap(xvfb);
        press(KeyEvent.down("é"), KeyEvent.up("é"), KeyEvent.down("✓"), KeyEvent.up("✓"));
        assertThat(xev.await(2, e -> true, "KeyPress")).extracting(XEvent::keysym)
                .containsExactly(0xe9L, 0x1002713L);
        XvfbServer.await(Duration.ofMillis(X11Input.RESTORE_AFTER_MILLIS + 5000), "keymap restored",
                () -> Arrays.equals(X11InputTextTest.keymap(xvfb), before));
    }

    @Test
    void anUnknownKeyNameIsAnInvalidArgument() {
        assertThatThrownBy(() -> input.key(KeyEvent.down("xyz")))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("unknown key 'xyz'");
        assertThatThrownBy(() -> input.key(KeyEvent.down("0x61"))).hasMessage("unknown key '0x61'");
    }

    @Test
    void closingReleasesHeldKeysAndRestoresLentKeycodes() {
        long[] before = X11InputTextTest.keymap(xvfb);
        X11Input other = new X11Input(xvfb.session());
        other.key(KeyEvent.down("shift"));
        other.key(KeyEvent.down("ß"));
        other.close();
        assertThat(X11InputTextTest.keymap(xvfb)).as("restored on close").isEqualTo(before);
        List<XEvent> releases = xev.await(2, e -> true, "KeyRelease");
        assertThat(releases).extracting(XEvent::keysym).contains(0xffe1L);
        assertThatThrownBy(() -> other.key(KeyEvent.down("a"))).isInstanceOf(OpendeskException.class);
    }

    private static void press(KeyEvent... events) {
        for (KeyEvent event : events) {
            input.key(event);
        }
    }
}
