package dev.opendesk.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class AuditToolTest {
    private final ToolFixtures f = new ToolFixtures();

    @Test
    void summaryCountsActionsByName() {
        f.computer.captureAnswer = ToolFixtures.pixmap(ToolFixtures.image(20, 10, 0), 20, 10);
        f.run("screenshot", "{}");
        f.run("screenshot", "{}");
        assertThat(f.run("audit", "{\"format\":\"summary\"}").output()).isEqualTo("session=test-session… | 2 actions: 2× screenshot");
        f.run("mouse", "{\"action\":\"click\",\"settle_ms\":0}");
        assertThat(f.run("audit", "{\"format\":\"summary\"}").output())
                .endsWith("| 3 actions: 1× mouse_click, 2× screenshot");
    }

    @Test
    void fullListsEveryActionWithItsParameters() {
        assertThat(f.run("audit", "{}").output()).isEqualTo("No actions recorded yet for session 'test-session'.");
        f.run("keyboard", "{\"action\":\"press\",\"key\":\"enter\",\"settle_ms\":0}");
        f.run("keyboard", "{\"action\":\"press\"}");
        String[] lines = f.run("audit", "{\"format\":\"full\"}").output().split("\n");
        assertThat(lines[0]).isEqualTo("Audit log — session 'test-session' (2 actions)");
        assertThat(lines[1]).matches("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d] keyboard_press       \\{\"key\": \"enter\"}");
        assertThat(lines[2]).contains("keyboard_press").endsWith("  ERROR: key is required for action='press'.");
    }

    @Test
    void anotherSessionCanBeShown() {
        ToolContext other = f.registry.context("mcp-desk", f.computer, ToolContext.PermissionCheck.ALLOW_ALL);
        f.registry.require("clipboard").execute(other, ToolFixtures.json("{\"action\":\"read\"}"));
        assertThat(f.run("audit", "{\"format\":\"summary\",\"session_id\":\"mcp-desk\"}").output())
                .isEqualTo("session=mcp-desk… | 1 actions: 1× clipboard_read");
        assertThat(f.run("audit", "{\"session_id\":\"ghost\"}").output()).isEqualTo("No actions recorded yet for session 'ghost'.");
    }
}
