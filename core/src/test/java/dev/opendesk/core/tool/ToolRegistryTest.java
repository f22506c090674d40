package dev.opendesk.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ToolRegistryTest {
    @Test
    void standardRegistryHasTheReferenceToolsInOrder() {
        assertThat(ToolRegistry.standard().tools()).extracting(Tool::name)
                .containsExactly("screenshot", "mouse", "keyboard", "app", "ui", "clipboard", "ocr", "audit");
        assertThat(Tools.minimalRegistry(ToolOptions.defaults()).tools()).extracting(Tool::name)
                .contains("screenshot").doesNotContain("ocr");
    }

    @Test
    void unknownToolNamesItAndListsTheAvailableOnes() {
        assertThatThrownBy(() -> ToolRegistry.standard().require("teleport"))
                .isInstanceOf(OpendeskException.class)
                .hasMessageContaining("teleport")
                .hasMessageContaining("app, audit, clipboard, keyboard, mouse, ocr, screenshot, ui");
    }

    @Test
    void everyToolPublishesAStrictSchemaAndRefusesUnknownParameters() {
        ToolFixtures f = new ToolFixtures();
        for (Tool tool : f.registry.tools()) {
            JsonObject schema = tool.inputSchema();
            assertThat(schema.get("type").getAsString()).isEqualTo("object");
            assertThat(schema.get("additionalProperties").getAsBoolean()).as(tool.name()).isFalse();
            assertThat(tool.description()).isNotBlank();
            JsonObject args = new JsonObject();
            args.addProperty("bogus", 1);
            assertThatThrownBy(() -> tool.execute(f.context, args))
                    .isInstanceOf(OpendeskException.class)
                    .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("unknown parameter 'bogus' for tool '" + tool.name() + "'");
        }
        assertThat(f.computer.calls).isEmpty();
    }

    @Test
    void requiredParametersAreDeclared() {
        ToolRegistry registry = ToolRegistry.standard();
        assertThat(required(registry, "mouse")).containsExactly("action");
        assertThat(required(registry, "ui")).containsExactly("action", "app");
        assertThat(required(registry, "screenshot")).isEmpty();
        assertThat(required(registry, "audit")).isEmpty();
        assertThatThrownBy(() -> registry.require("keyboard").execute(new ToolFixtures().context, new JsonObject()))
                .hasMessageContaining("missing required parameter 'action'");
    }

    private static List<String> required(ToolRegistry registry, String tool) {
        return registry.require(tool).inputSchema().getAsJsonArray("required").asList().stream()
                .map(e -> e.getAsString()).toList();
    }

    @Test
    void resultDictsAsTheReference() {
        ToolResult result = new ToolResult("t", "out", false,
                List.of(new ToolResult.Attachment("screenshot.png", new byte[] {1, 2, 3}, "image/png")), Map.of("width", 3));
        assertThat(result.toMap()).containsOnlyKeys("title", "output", "error", "metadata");
        Map<String, Object> b64 = result.toMapWithAttachments();
        assertThat(b64).containsKey("attachments");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) b64.get("attachments");
        assertThat(attachments.get(0)).containsEntry("filename", "screenshot.png").containsEntry("media_type", "image/png")
                .containsEntry("content_b64", "AQID");
        assertThat(result.images()).hasSize(1);
    }

    @Test
    void permissionCheckReceivesToolArgumentAndDescriptionAndDenialStopsTheTool() {
        ToolFixtures f = new ToolFixtures();
        List<String> asked = new java.util.ArrayList<>();
        ToolContext denying = f.registry.context("s", f.computer, (tool, argument, description) -> {
            asked.add(tool + "|" + argument + "|" + description);
            throw new OpendeskException(ErrorCode.PERMISSION_DENIED, "User denied: " + tool + " — " + argument);
        });
        String[][] calls = {
            {"screenshot", "{}", "screenshot|capture screen|"},
            {"mouse", "{\"action\":\"click\",\"x\":5,\"y\":6}", "mouse|mouse click at (5, 6)|"},
            {"keyboard", "{\"action\":\"hotkey\",\"keys\":[\"ctrl\",\"c\"]}", "keyboard|hotkey: ctrl+c|"},
            {"keyboard", "{\"action\":\"type\",\"text\":\"hi\"}", "keyboard|type text: 'hi'|"},
            {"keyboard", "{\"action\":\"press\",\"key\":\"enter\"}", "keyboard|press key: enter|"},
            {"keyboard", "{\"action\":\"hold\",\"key\":\"shift\"}", "keyboard|hold key: shift for 1.0s|"},
            {"app", "{\"action\":\"open\",\"name\":\"xterm\"}", "app|open app: xterm|"},
            {"ui", "{\"action\":\"get_tree\",\"app\":\"xterm\"}", "ui|ui get_tree in xterm|"},
            {"clipboard", "{\"action\":\"write\",\"text\":\"x\"}", "clipboard|write clipboard: 'x'|"},
            {"ocr", "{}", "ocr|ocr full screen|"},
        };
        for (String[] call : calls) {
            asked.clear();
            assertThatThrownBy(() -> f.registry.require(call[0]).execute(denying, ToolFixtures.json(call[1])))
                    .isInstanceOf(OpendeskException.class)
                    .hasMessageStartingWith("User denied: " + call[0]);
            assertThat(asked).hasSize(1);
            assertThat(asked.get(0)).startsWith(call[2]);
        }
        assertThat(f.computer.calls).isEmpty();
        assertThat(f.slept).isEmpty();
        assertThat(f.registry.session("s").actions()).isEmpty();
    }
}
