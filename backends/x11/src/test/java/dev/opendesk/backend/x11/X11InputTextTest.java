package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import dev.opendesk.backend.x11.X11InputObservers.CatTerminal;
import dev.opendesk.backend.x11.jna.XlibKeyboard;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.TextInput;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text typed by real key events lands in an xterm exactly; keymap and selections are left as they were. */
final class X11InputTextTest {
    private static XvfbServer xvfb;
    private static X11Input input;
    @TempDir
    static Path directory;

    @BeforeAll
    static void start() {
        xvfb = XvfbServer.start(1024, 768);
        input = new X11Input(xvfb.session());
    }

    @AfterAll
    static void stop() {
        if (input != null) {
            input.close();
        }
        if (xvfb != null) {
            xvfb.close();
        }
    }

    @Test
    void typesAnyUnicodeIntoAnXtermWithoutTouchingTheClipboardOrTheKeymap() {
        setSelection("clipboard", "clipboard-sentinel");
        setSelection("primary", "primary-sentinel");
        long[] keymapBefore = keymap();
        try (CatTerminal terminal = new CatTerminal(xvfb, directory)) {
            String text = "Hello, World! é ß ✓ 日本 😀 €\n"
                    + "~`!@#$%^&*()_+-={}[]|\\:;\"'<>,.?/ 0123456789\n"
                    + "\tÅngström Ωμέγα ñ Ǆ 𝄞 \uD83D\uDC4D\uD83C\uDFFD\r\n";
            input.text(new TextInput(text, 0));
            terminal.awaitContent(text.replace("\r\n", "\n"));
        }
        awaitKeymap(keymapBefore);
        assertThat(xvfb.run("xclip", "-o", "-selection", "clipboard").stdout()).isEqualTo("clipboard-sentinel");
        assertThat(xvfb.run("xclip", "-o", "-selection", "primary").stdout()).isEqualTo("primary-sentinel");
    }

    @Test
    void manyBatchesOfRemappedCharactersStayInOrder() {
        long[] keymapBefore = keymap();
        try (CatTerminal terminal = new CatTerminal(xvfb, directory)) {
            StringBuilder expected = new StringBuilder();
            for (int round = 0; round < 6; round++) {
                // more distinct off-keymap characters than spare keycodes: several remap batches per call
                String line = round + ": 日本語のテキスト✓€→ñé😀ÆØ漢字かなカナ\n";
                input.text(new TextInput(line, 0));
                expected.append(line);
            }
            terminal.awaitContent(expected.toString());
        }
        awaitKeymap(keymapBefore);
    }

    @Test
    void honoursTheIntervalBetweenCharacters() {
        try (CatTerminal terminal = new CatTerminal(xvfb, directory)) {
            long start = System.nanoTime();
            input.text(new TextInput("abcdé\n", 40));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(5 * 40);
            terminal.awaitContent("abcdé\n");
        }
    }

    @Test
    void compensatesForAnActiveCapsLock() {
        try (CatTerminal terminal = new CatTerminal(xvfb, directory)) {
            input.key(KeyEvent.down("capslock"));
            input.key(KeyEvent.up("capslock"));
            assertThat(modifierState() & 2).as("caps lock on").isEqualTo(2);
            try {
                input.text(new TextInput("aB1é\n", 0));
                assertThat(modifierState() & 2).as("caps lock still on after typing").isEqualTo(2);
            } finally {
                input.key(KeyEvent.down("capslock"));
                input.key(KeyEvent.up("capslock"));
            }
            terminal.awaitContent("aB1é\n");
        }
    }

    @Test
    void refusesControlCharactersBeforeTypingAnything() {
        assertThatThrownBy(() -> input.text(new TextInput("ab\u0007", 0)))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("U+0007");
    }

    private static void setSelection(String selection, String value) {
        XvfbServer.Result result = xvfb.run("sh", "-c",
                "printf %s '" + value + "' | xclip -selection " + selection + " >/dev/null 2>&1");
        assertThat(result.exitCode()).isZero();
        XvfbServer.await(java.time.Duration.ofSeconds(5), selection + " set",
                () -> xvfb.run("xclip", "-o", "-selection", selection).stdout().equals(value));
    }

    /** The whole core keyboard mapping, read on a connection of its own. */
    static long[] keymap(XvfbServer server) {
        X11Session session = server.session();
        X11.Display display = session.open("test keymap");
        try {
            IntByReference min = new IntByReference();
            IntByReference max = new IntByReference();
            XlibKeyboard.INSTANCE.XDisplayKeycodes(display, min, max);
            IntByReference per = new IntByReference();
            int count = max.getValue() - min.getValue() + 1;
            Pointer mapping = XlibKeyboard.INSTANCE.XGetKeyboardMapping(display, min.getValue(), count, per);
            long[] keysyms = new long[count * per.getValue()];
            for (int i = 0; i < keysyms.length; i++) {
                keysyms[i] = mapping.getNativeLong((long) i * NativeLong.SIZE).longValue();
            }
            XlibKeyboard.INSTANCE.XFree(mapping);
            return keysyms;
        } finally {
            session.close(display);
        }
    }

    /** The server's modifier and lock state (XQueryPointer on a connection of its own). */
    private static int modifierState() {
        X11Session session = xvfb.session();
        X11.Display display = session.open("test state");
        try {
            IntByReference ignored = new IntByReference();
            IntByReference mask = new IntByReference();
            X11.INSTANCE.XQueryPointer(display, X11.INSTANCE.XDefaultRootWindow(display), new X11.WindowByReference(),
                    new X11.WindowByReference(), ignored, ignored, ignored, ignored, mask);
            return mask.getValue();
        } finally {
            session.close(display);
        }
    }

    /** Lent spare keycodes are given back once idle ({@link X11Input#RESTORE_AFTER_MILLIS}). */
    private static void awaitKeymap(long[] expected) {
        XvfbServer.await(java.time.Duration.ofMillis(X11Input.RESTORE_AFTER_MILLIS + 5000), "keymap restored",
                () -> java.util.Arrays.equals(keymap(), expected));
    }

    private static long[] keymap() {
        return keymap(xvfb);
    }
}
