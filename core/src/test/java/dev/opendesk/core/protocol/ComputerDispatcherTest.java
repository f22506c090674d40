package dev.opendesk.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.testing.PipeConnections;
import dev.opendesk.core.testing.ScriptedComputer;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class ComputerDispatcherTest {
    private final ScriptedComputer computer = new ScriptedComputer();
    private final ComputerDispatcher dispatcher = new ComputerDispatcher(computer);

    private static Map<String, @Nullable Object> map(@Nullable Object... keysAndValues) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void assertError(Runnable call, ErrorCode code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }

    @Test
    void servesAll33UnaryAnd2StreamMethods() {
        assertThat(WireMethod.values()).hasSize(35);
        assertThat(List.of(WireMethod.values()).stream().filter(WireMethod::isUnary)).hasSize(33);
    }

    @Test
    void unknownMethodsGetTheReferencesCapabilityError() {
        assertThatThrownBy(() -> dispatcher.handle("display.teleport", Map.of()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
                    assertThat(e.details()).containsExactly(Map.entry("capability", "display.capture"),
                            Map.entry("backend", "server (unknown method 'display.teleport')"));
                })
                .hasMessage("Capability 'display.capture' is not supported by backend server (unknown method 'display.teleport').");
        assertThatThrownBy(() -> dispatcher.handle("ui.perform", Map.of()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.details()).containsEntry("capability", "ui.tree"));
        assertThatThrownBy(() -> dispatcher.handle("display.subscribe", Map.of()))  // a stream called as unary
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED));
        assertThatThrownBy(() -> dispatcher.handleStream("display.capture", Map.of(), null))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.details())
                        .containsEntry("capability", "display.stream")
                        .containsEntry("backend", "server (unknown stream 'display.capture')"));
    }

    @Test
    void badParamsAreInvalidArgument() {
        assertError(() -> dispatcher.handle("fs.read", Map.of()), ErrorCode.INVALID_ARGUMENT, "missing param 'path'");
        assertError(() -> dispatcher.handle("fs.read", map("path", 5L)), ErrorCode.INVALID_ARGUMENT, "path");
        assertError(() -> dispatcher.handle("input.pointer", map("event", map("action", "teleport", "point", map("x", 1.0, "y", 2.0)))),
                ErrorCode.INVALID_ARGUMENT, "");
        assertError(() -> dispatcher.handle("input.pointer", map("event", map("action", "move", "point", map("x", 1.0, "y", 2.0, "z", 3.0)))),
                ErrorCode.INVALID_ARGUMENT, "'z'");
        assertError(() -> dispatcher.handle("display.capture", map("region", "everything")), ErrorCode.INVALID_ARGUMENT, "region");
        assertError(() -> dispatcher.handle("fs.write", map("path", "/x", "data", "text, not bin")), ErrorCode.INVALID_ARGUMENT, "data");
        assertThat(computer.calls).isEmpty();
    }

    @Test
    void absentParamsTakeTheServersDefaultsAndExtraTopLevelKeysAreIgnored() {
        dispatcher.handle("display.capture", map("future_flag", true));
        assertThat(computer.calls).containsExactly(List.of("capture", new CaptureRequest(null, null, true)));
        dispatcher.handle("ui.tree", Map.of());
        assertThat(computer.calls.get(1)).isEqualTo(List.of("uiTree", new UiTreeRequest(null, null, 8)));
        dispatcher.handle("fs.mkdir", map("path", "/tmp/x"));
        assertThat(computer.calls.get(2)).isEqualTo(List.of("makeDirectory", "/tmp/x", true));
        dispatcher.handle("ui.action", map("element", WireModel.toWire(ScriptedComputer.TREE)));
        assertThat(computer.calls.get(3)).isEqualTo(List.of("uiAction", ScriptedComputer.TREE, "click", "null"));
    }

    @Test
    void resultsHaveTheReferenceShapes() {
        assertThat(dispatcher.handle("fs.read", map("path", "/tmp/a"))).containsOnlyKeys("data");
        assertThat(dispatcher.handle("apps.list", Map.of())).isEqualTo(map("items", List.of("xterm", "zenity")));
        assertThat(dispatcher.handle("windows.focused", Map.of())).containsOnlyKeys("window");
        assertThat(dispatcher.handle("display.displays", Map.of()).get("items")).asList().hasSize(1);
        assertThat(dispatcher.handle("input.pointer", map("event", WireModel.toWire(dev.opendesk.core.model.PointerEvent.move(
                new dev.opendesk.core.model.Point(1, 2)))))).isNull();
        assertThat(dispatcher.handle("system.capabilities", Map.of())).containsKeys("capabilities", "limits", "protocol_version",
                "backend", "description");
    }

    @Test
    void pathsGetTildeExpanded() {
        dispatcher.handle("fs.stat", map("path", "~/notes.txt"));
        assertThat(computer.calls).containsExactly(List.of("statFile", System.getProperty("user.home") + "/notes.txt"));
        assertThat(ComputerDispatcher.expandHome("/a/~b")).isEqualTo("/a/~b");
        assertThat(ComputerDispatcher.expandHome("~")).isEqualTo(System.getProperty("user.home"));
    }
}
