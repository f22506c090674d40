package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.ClipboardEntry;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class X11ClipboardTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void readsWhatAnotherClientOwns() throws IOException {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             X11Clipboard clipboard = new X11Clipboard(xvfb.session())) {
            assertThat(clipboard.read()).isEqualTo(ClipboardContents.empty());
            own(xvfb, "héllo ✓");
            XvfbServer.await(WAIT, "xclip to own the clipboard", () -> !clipboard.read().entries().isEmpty());
            ClipboardContents contents = clipboard.read();
            assertThat(contents).isEqualTo(ClipboardContents.ofText("héllo ✓"));
            assertThat(contents.entries().get(0).mimeType()).isEqualTo("text/plain;charset=utf-8");
        }
    }

    @Test
    void writesForOtherClientsUntilSomeoneElseTakesOver() throws IOException {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             X11Clipboard clipboard = new X11Clipboard(xvfb.session())) {
            String text = "wörld ✓ 日本";
            clipboard.write(ClipboardContents.ofText(text));
            assertThat(clipboard.serving()).isTrue();
            assertThat(paste(xvfb, "UTF8_STRING")).isEqualTo(text);
            assertThat(paste(xvfb, "text/plain;charset=utf-8")).isEqualTo(text);
            assertThat(paste(xvfb, "TEXT")).isEqualTo(text);
            assertThat(xvfb.run("xclip", "-o", "-selection", "clipboard", "-t", "TARGETS").stdout())
                    .contains("UTF8_STRING", "STRING", "TARGETS", "text/plain;charset=utf-8");
            // STRING is Latin-1: what it cannot hold becomes '?'
            XvfbServer.Result latin1 = xvfb.run("sh", "-c", "xclip -o -selection clipboard -t STRING | od -An -tx1");
            assertThat(latin1.stdout().replaceAll("\\s+", "")).isEqualTo("77f6726c6420 3f 20 3f3f".replace(" ", ""));
            assertThat(clipboard.read()).isEqualTo(ClipboardContents.ofText(text));

            // a second write replaces the first
            clipboard.write(ClipboardContents.ofText("second"));
            assertThat(paste(xvfb, "UTF8_STRING")).isEqualTo("second");

            // someone else takes the clipboard: we stop serving and read theirs
            own(xvfb, "theirs");
            XvfbServer.await(WAIT, "our owner to notice SelectionClear", () -> !clipboard.serving());
            assertThat(clipboard.read()).isEqualTo(ClipboardContents.ofText("theirs"));
            assertThat(paste(xvfb, "UTF8_STRING")).isEqualTo("theirs");
        }
    }

    @Test
    void bigTextGoesBothWays() throws IOException {
        StringBuilder builder = new StringBuilder();
        while (builder.length() < 1_000_000) {
            builder.append("line ").append(builder.length()).append(" héllo ✓ 日本\n");
        }
        String big = builder.toString();
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             X11Clipboard clipboard = new X11Clipboard(xvfb.session())) {
            clipboard.write(ClipboardContents.ofText(big));
            Path out = XvfbServer.tempFile("clipboard-out");
            XvfbServer.Result result = xvfb.run("sh", "-c", "xclip -o -selection clipboard > " + out);
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(big);

            own(xvfb, big);
            XvfbServer.await(WAIT, "xclip to own the clipboard", () -> !clipboard.serving());
            assertThat(clipboard.read().text()).contains(big);
        }
    }

    @Test
    void writesNeedTextAndHonourTheCharset() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             X11Clipboard clipboard = new X11Clipboard(xvfb.session())) {
            assertInvalid(() -> clipboard.write(ClipboardContents.empty()));
            assertInvalid(() -> clipboard.write(new ClipboardContents(List.of(new ClipboardEntry("image/png", new byte[] {1, 2})))));
            assertInvalid(() -> clipboard.write(new ClipboardContents(List.of(new ClipboardEntry("text/plain;charset=klingon", new byte[] {65})))));
            clipboard.write(new ClipboardContents(List.of(new ClipboardEntry("image/png", new byte[] {1}),
                    new ClipboardEntry("text/plain;charset=ISO-8859-1", "café".getBytes(StandardCharsets.ISO_8859_1)))));
            assertThat(paste(xvfb, "UTF8_STRING")).isEqualTo("café");
            assertThat(clipboard.read()).isEqualTo(ClipboardContents.ofText("café"));
        }
    }

    @Test
    void closingStopsServingPromptly() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480)) {
            X11Clipboard clipboard = new X11Clipboard(xvfb.session());
            clipboard.write(ClipboardContents.ofText("bye"));
            long start = System.nanoTime();
            clipboard.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(clipboard.serving()).isFalse();
            try (X11Clipboard other = new X11Clipboard(xvfb.session())) {
                assertThat(other.read()).isEqualTo(ClipboardContents.empty());
            }
            assertThatThrownBy(clipboard::read).isInstanceOf(OpendeskException.class);
        }
    }

    /** Makes xclip own CLIPBOARD with {@code text} (it serves in the foreground until someone else takes over). */
    private static void own(XvfbServer xvfb, String text) throws IOException {
        Path file = XvfbServer.tempFile("clipboard-in");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        xvfb.spawn("xclip", "-quiet", "-selection", "clipboard", "-i", file.toString());
    }

    private static String paste(XvfbServer xvfb, String target) {
        XvfbServer.Result result = xvfb.run("xclip", "-o", "-selection", "clipboard", "-t", target);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout();
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OpendeskException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
