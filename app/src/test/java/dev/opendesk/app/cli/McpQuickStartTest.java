package dev.opendesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class McpQuickStartTest {
    @Test
    void thePlainStdioFormIsRecognisedWithItsOptions() {
        assertThat(McpQuickStart.parse("mcp")).contains(new McpQuickStart.Plain(Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(McpQuickStart.parse("mcp", "--home", "/tmp/h", "--backend=x11", "--codec", "java"))
                .contains(new McpQuickStart.Plain(Optional.of(Path.of("/tmp/h")), Optional.of("x11"), Optional.of("java")));
    }

    @Test
    void everyOtherFormIsLeftToTheFullCommandLine() {
        assertThat(McpQuickStart.parse()).isEmpty();
        assertThat(McpQuickStart.parse("plugins")).isEmpty();
        assertThat(McpQuickStart.parse("mcp", "--http", "8425")).isEmpty();
        assertThat(McpQuickStart.parse("mcp", "--help")).isEmpty();
        assertThat(McpQuickStart.parse("mcp", "-h")).isEmpty();
        assertThat(McpQuickStart.parse("mcp", "--home")).isEmpty(); // missing value: picocli says so
        assertThat(McpQuickStart.parse("mcp", "--home", "--backend", "x11")).isEmpty();
        assertThat(McpQuickStart.parse("mcp", "--home=")).isEmpty();
        assertThat(McpQuickStart.parse("mcp", "--home", "a", "--home", "b")).isEmpty(); // picocli refuses repeats
        assertThat(McpQuickStart.parse("mcp", "extra")).isEmpty();
    }

    @Test
    void aRunThatCannotBeWiredIsLeftToTheCommandLineToReport(@TempDir Path home) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(McpQuickStart.run(new String[] {"mcp", "--home", home.toString(), "--backend", "amiga"},
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(McpQuickStart.run(new String[] {"mcp", "--http", "1"}, new PrintStream(err, true, StandardCharsets.UTF_8))).isEmpty();
    }
}
