package dev.opendesk.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.protocol.WireMethod;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class CallSummariesTest {

    /** A map with insertion order and nil values, like a decoded msgpack map. */
    private static Map<String, @Nullable Object> map(@Nullable Object... kv) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String s(String method, Map<String, @Nullable Object> params) {
        return CallSummaries.summarize(method, params);
    }

    /** Params as the reference client sends them, for every one of the 35 methods. */
    private static Map<String, Map<String, @Nullable Object>> typicalParams() {
        Map<String, @Nullable Object> rect = map("x", 0.0, "y", 10.0, "width", 800.0, "height", 600.0);
        Map<String, Map<String, @Nullable Object>> p = new LinkedHashMap<>();
        p.put("system.capabilities", map());
        p.put("system.environment", map());
        p.put("display.displays", map());
        p.put("display.capture", map("display_id", null, "region", null, "downscale", true));
        p.put("display.cursor_position", map());
        p.put("display.subscribe", map("display_id", null, "fps", 30L, "region", null));
        p.put("input.subscribe", map());
        p.put("input.pointer", map("event", map("action", "down", "point", map("x", 812.0, "y", 410.0),
                "button", "left", "modifiers", List.of())));
        p.put("input.key", map("event", map("keysym", "Return", "action", "down", "modifiers", List.of())));
        p.put("input.text", map("text_input", map("text", "hello", "interval_ms", 0L)));
        p.put("windows.list", map());
        p.put("windows.focused", map());
        p.put("windows.focus", map("window_id", "0x1a00003"));
        p.put("windows.move", map("window_id", "0x1a00003", "bounds", rect));
        p.put("windows.close", map("window_id", "0x1a00003"));
        p.put("apps.open", map("name", "xterm"));
        p.put("apps.close", map("name", "xterm"));
        p.put("apps.focus", map("name", "Firefox"));
        p.put("apps.list", map());
        p.put("ui.tree", map("window_id", null, "app", "gedit", "max_depth", 8L));
        p.put("ui.action", map("element", map("role", "button", "name", "OK"), "action", "click", "app", null));
        p.put("clipboard.read", map());
        p.put("clipboard.write", map("contents", map("entries", List.of(map("mime", "text/plain",
                "data", "secret clipboard text".getBytes())))));
        p.put("fs.read", map("path", "/x"));
        p.put("fs.write", map("path", "/tmp/x", "data", "SECRET-PAYLOAD".getBytes()));
        p.put("fs.list", map("path", "/home"));
        p.put("fs.stat", map("path", "~/f"));
        p.put("fs.delete", map("path", "/tmp/d"));
        p.put("fs.move", map("src", "a", "dst", "b"));
        p.put("fs.mkdir", map("path", "/tmp/d", "parents", true));
        p.put("process.list", map());
        p.put("process.shell", map("command", "ls", "timeout", null, "cwd", null, "env", null));
        p.put("process.exec", map("argv", List.of("echo", "hi"), "timeout", null, "cwd", null, "env", null,
                "stdin", "SECRET-STDIN".getBytes()));
        p.put("power.lock", map());
        p.put("notifications.list", map());
        return p;
    }

    @Test
    void everyWireMethodHasAHumanSummary() {
        Map<String, Map<String, @Nullable Object>> params = typicalParams();
        assertThat(params.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(WireMethod.values()).map(WireMethod::wireName).toList());
        Map<String, String> expected = new HashMap<>();
        // The reference's own texts (python3 with policy._summarise on the same params):
        expected.put("input.pointer", "send pointer down at (812.0, 410.0)");
        expected.put("input.key", "send key down 'Return'");
        expected.put("input.text", "type 5 chars: 'hello'");
        expected.put("process.shell", "run shell: 'ls'");
        expected.put("process.exec", "exec: 'echo hi'");
        expected.put("fs.read", "read file: /x");
        expected.put("fs.write", "write file: /tmp/x");
        expected.put("fs.stat", "stat file: ~/f");
        expected.put("fs.delete", "delete file: /tmp/d");
        expected.put("fs.mkdir", "mkdir file: /tmp/d");
        expected.put("fs.move", "move a → b");
        expected.put("clipboard.write", "write to the clipboard");
        expected.put("apps.open", "open app: 'xterm'");
        expected.put("apps.close", "close app: 'xterm'");
        expected.put("apps.focus", "focus app: 'Firefox'");
        expected.put("windows.focus", "windows.focus (window_id=0x1a00003)");
        expected.put("windows.close", "windows.close (window_id=0x1a00003)");
        expected.put("windows.move",
                "windows.move (window_id=0x1a00003, bounds={'x': 0.0, 'y': 10.0, 'width': 800.0, 'height': 600.0})");
        expected.put("ui.action", "ui action 'click' on OK");
        expected.put("power.lock", "lock the screen");
        // Where the reference prints only the method name, a phrase:
        expected.put("system.capabilities", "read the capabilities");
        expected.put("system.environment", "read the environment");
        expected.put("display.displays", "list displays");
        expected.put("display.capture", "capture the screen");
        expected.put("display.cursor_position", "read the cursor position");
        expected.put("display.subscribe", "stream the screen at 30 fps");
        expected.put("input.subscribe", "stream input events");
        expected.put("windows.list", "list windows");
        expected.put("windows.focused", "get the focused window");
        expected.put("apps.list", "list apps");
        expected.put("ui.tree", "read the UI tree of app 'gedit'");
        expected.put("clipboard.read", "read the clipboard");
        expected.put("fs.list", "list files: /home");
        expected.put("process.list", "list processes");
        expected.put("notifications.list", "list notifications");
        assertThat(expected).hasSize(35);
        params.forEach((method, p) -> {
            String summary = s(method, p);
            assertThat(summary).as(method).isEqualTo(expected.get(method));
            assertThat(summary).as(method).doesNotContain("SECRET").doesNotContain("secret").doesNotContain("\n");
        });
    }

    @Test
    void referenceEdgeCases() {
        // python3 policy._summarise outputs
        assertThat(s("input.pointer", map())).isEqualTo("send pointer move at (?, ?)");
        assertThat(s("input.key", map("event", map("keysym", "it's", "action", "up")))).isEqualTo("send key up \"it's\"");
        assertThat(s("ui.action", map("element", map("role", "button", "name", ""), "action", "press", "app", null)))
                .isEqualTo("ui action 'press' on button");
        assertThat(s("process.shell", map("command", "x".repeat(100)))).isEqualTo("run shell: '" + "x".repeat(80) + "'");
        assertThat(s("input.pointer", map("event", map("action", "up", "point", map("x", 3L, "y", -1.5)))))
                .isEqualTo("send pointer up at (3, -1.5)");
    }

    @Test
    void longTextIsTruncatedToFortyCharacters() {
        assertThat(s("input.text", map("text_input", map("text", "a".repeat(45)))))
                .isEqualTo("type 45 chars: '" + "a".repeat(40) + "…'");
        // code points, not UTF-16 units; newline escaped by repr
        assertThat(s("input.text", map("text_input", map("text", "😀".repeat(41) + "\n"))))
                .isEqualTo("type 42 chars: '" + "😀".repeat(40) + "…'");
        assertThat(s("input.text", map("text_input", map("text", "line1\nline2"))))
                .isEqualTo("type 11 chars: 'line1\\nline2'");
        String longPath = "/" + "p".repeat(500);
        assertThat(s("fs.read", map("path", longPath))).hasSizeLessThan(230).endsWith("…");
    }

    @Test
    void missingAndWrongTypedParamsNeverThrow() {
        Object[] junk = {null, 5L, 2.5, true, "str", new byte[] {1, 2, 3}, List.of(1L, "x"), map("a", null)};
        for (WireMethod m : WireMethod.values()) {
            assertThat(s(m.wireName(), map())).as(m.wireName()).isNotBlank();
            for (Object value : junk) {
                Map<String, @Nullable Object> params = new LinkedHashMap<>();
                for (String key : List.of("event", "text_input", "command", "argv", "path", "src", "dst", "name",
                        "window_id", "bounds", "element", "action", "app", "display_id", "region", "fps", "contents")) {
                    params.put(key, value);
                }
                String summary = s(m.wireName(), params);
                assertThat(summary).as(m.wireName() + " with " + value).isNotBlank().doesNotContain("\u0001\u0002");
            }
        }
        assertThat(s("input.text", map("text_input", map("text", null)))).isEqualTo("type 0 chars: ''");
        assertThat(s("process.exec", map("argv", List.of("cat", new byte[] {0, 1}))))
                .isEqualTo("exec: 'cat <2 bytes>'");
        assertThat(s("fs.write", map("path", new byte[] {65, 66}))).isEqualTo("write file: <2 bytes>");
    }

    @Test
    void unknownMethods() {
        assertThat(s("bogus.method", map("x", 1L))).isEqualTo("call bogus.method");
        assertThat(s("", map())).isEqualTo("call ");
        assertThat(s("windows.resize", map("window_id", "w1", "w", 3L))).isEqualTo("windows.resize (window_id=w1, w=3)");
    }

    @Test
    void controlCharactersCannotReachTheTerminal() {
        String evil = "/tmp/\u001b[2J\u001b]0;pwned\u0007\r\n";
        for (String summary : List.of(s("fs.delete", map("path", evil)), s("fs.move", map("src", evil, "dst", evil)),
                s("ui.action", map("element", map("name", evil))), s("windows.focus", map("window_id", evil)),
                s("apps.open", map("name", evil)), s("input.key", map("event", map("keysym", evil))),
                s(evil, map()))) {
            assertThat(summary).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r")
                    .doesNotContain("\n");
        }
        assertThat(s("fs.delete", map("path", "/tmp/\u001bx\n"))).isEqualTo("delete file: /tmp/\\x1bx\\n");
    }

    @Test
    void captureAndStreamDetails() {
        assertThat(s("display.capture", map("display_id", ":0.1", "region", map("x", 1.0, "y", 2.0, "width", 30.0,
                "height", 40.0), "downscale", false))).isEqualTo("capture the screen of display :0.1 region 30.0×40.0 at (1.0, 2.0)");
        assertThat(s("display.subscribe", map("fps", 10L))).isEqualTo("stream the screen at 10 fps");
        assertThat(s("ui.tree", map("window_id", "0x2", "app", null))).isEqualTo("read the UI tree of window 0x2");
        assertThat(s("ui.tree", map())).isEqualTo("read the UI tree");
    }
}
