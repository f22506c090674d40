package dev.opendesk.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.model.ClipboardContents;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AppAndClipboardToolTest {
    private final ToolFixtures f = new ToolFixtures();

    @Test
    void openWaitsForTheAppAndNamesTheOs() {
        ToolResult result = f.run("app", "{\"action\":\"open\",\"name\":\"xterm\"}");
        assertThat(result.output()).isEqualTo("Opened 'xterm' on Linux.");
        assertThat(f.calls("openApp")).containsExactly(List.of("openApp", "xterm"));
        assertThat(f.slept).containsExactly(2000L);
        assertThat(f.context.session().actions()).extracting(ToolSession.Action::action).containsExactly("app_open");
    }

    @Test
    void closeFocusAndList() {
        assertThat(f.run("app", "{\"action\":\"close\",\"name\":\"xterm\"}").output())
                .isEqualTo("Sent SIGTERM to processes matching 'xterm'.");
        assertThat(f.run("app", "{\"action\":\"focus\",\"name\":\"xterm\"}").output()).isEqualTo("Focused window matching 'xterm'.");
        assertThat(f.run("app", "{\"action\":\"list\"}").output()).isEqualTo("Running applications:\n  * xterm\n  * zenity");
        assertThat(f.context.session().actions()).extracting(ToolSession.Action::action)
                .containsExactly("app_close", "app_focus", "app_list");
    }

    @Test
    void nameIsRequiredAndTheAllowListIsEnforced() {
        ToolResult missing = f.run("app", "{\"action\":\"open\"}");
        assertThat(missing.error()).isTrue();
        assertThat(missing.output()).isEqualTo("App action 'open' failed: name is required for action='open'.");
        f.context.session().restrictApps(List.of("Term"));
        ToolResult denied = f.run("app", "{\"action\":\"open\",\"name\":\"firefox\"}");
        assertThat(denied.title()).isEqualTo("App action denied");
        assertThat(denied.output()).isEqualTo("Application 'firefox' is not in the allow-list. Allowed: ['Term']");
        assertThat(f.run("app", "{\"action\":\"focus\",\"name\":\"xterm\"}").error()).isFalse();
        assertThat(f.calls("openApp")).isEmpty();
    }

    @Test
    void clipboardWriteAndRead() {
        ToolResult write = f.run("clipboard", "{\"action\":\"write\",\"text\":\"hi\"}");
        assertThat(write.output()).isEqualTo("Clipboard set (2 chars): 'hi'");
        assertThat(f.calls("writeClipboard").get(0).get(1)).isEqualTo(ClipboardContents.ofText("hi"));
        assertThat(f.run("clipboard", "{\"action\":\"read\"}").output()).isEqualTo("copied");
        f.computer.clipboardAnswer = ClipboardContents.empty();
        assertThat(f.run("clipboard", "{\"action\":\"read\"}").output()).isEqualTo("(clipboard is empty)");
        ToolResult missing = f.run("clipboard", "{\"action\":\"write\",\"text\":\"\"}");
        assertThat(missing.error()).isTrue();
        assertThat(missing.output()).isEqualTo("'text' is required for action='write'.");
        assertThat(f.context.session().actions()).extracting(ToolSession.Action::action)
                .containsExactly("clipboard_write", "clipboard_read", "clipboard_read", "clipboard_write");
    }
}
