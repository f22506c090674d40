package dev.opendesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.opendesk.app.service.CommandRunner;
import dev.opendesk.spi.HostPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** install / uninstall against a temporary home and working directory, with a recorded 'claude' command. */
final class InstallCommandsTest {
    private static final String LAUNCHER = "/opt/opendesk/opendesk";

    @TempDir
    Path home;
    @TempDir
    Path project;
    @TempDir
    Path opendeskHome;

    private final List<List<String>> ran = new ArrayList<>();
    private boolean claudeInstalled;
    private HostPlatform platform = new HostPlatform("Linux", "6.1", "amd64", Map.of());

    @BeforeEach
    void noClaudeByDefault() {
        claudeInstalled = false;
    }

    @Test
    void cursorKeepsOtherServersAndKeysBacksUpAndUninstallRemovesOnlyOurs() throws IOException {
        Path config = home.resolve(".cursor/mcp.json");
        Files.createDirectories(config.getParent());
        String original = "{\"theme\": \"dark\", \"mcpServers\": {\"other\": {\"command\": \"other-mcp\", \"args\": [\"--x\", 1.50]}},"
                + " \"nested\": {\"keep\": [1, 2, {\"deep\": null}]}}";
        Files.writeString(config, original);

        CliRun install = run(true, "--client", "cursor");
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.out()).contains("cursor: added opendesk to " + config).contains(config + ".bak");
        JsonObject after = json(config);
        assertThat(after.get("theme").getAsString()).isEqualTo("dark");
        assertThat(after.getAsJsonObject("nested")).isEqualTo(JsonParser.parseString("{\"keep\": [1, 2, {\"deep\": null}]}"));
        assertThat(after.getAsJsonObject("mcpServers").getAsJsonObject("other"))
                .isEqualTo(JsonParser.parseString("{\"command\": \"other-mcp\", \"args\": [\"--x\", 1.50]}"));
        assertThat(after.getAsJsonObject("mcpServers").getAsJsonObject("opendesk"))
                .isEqualTo(JsonParser.parseString("{\"command\": \"" + LAUNCHER + "\", \"args\": [\"mcp\"]}"));
        assertThat(Files.readString(config.resolveSibling("mcp.json.bak"))).isEqualTo(original);
        assertThat(Files.readString(config)).contains("1.50"); // numbers keep their text
        try (var files = Files.list(config.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("mcp.json", "mcp.json.bak");
        }

        CliRun again = run(true, "--client", "cursor");
        assertThat(again.out()).contains("cursor: opendesk already up to date in " + config);

        CliRun uninstall = run(false, "--client", "cursor");
        assertThat(uninstall.exitCode()).as(uninstall.err()).isZero();
        assertThat(uninstall.out()).contains("cursor: removed opendesk from " + config);
        JsonObject removed = json(config);
        assertThat(removed.getAsJsonObject("mcpServers").keySet()).containsExactly("other");
        assertThat(removed.get("theme").getAsString()).isEqualTo("dark");
        assertThat(run(false, "--client", "cursor").out()).contains("cursor: opendesk not present in " + config);
    }

    @Test
    void aStaleEntryIsUpdated() throws IOException {
        Path config = home.resolve(".cursor/mcp.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "{\"mcpServers\": {\"opendesk\": {\"command\": \"/old/opendesk-mcp\"}}}");
        assertThat(run(true, "--client", "cursor").out()).contains("cursor: updated opendesk in " + config);
        assertThat(json(config).getAsJsonObject("mcpServers").getAsJsonObject("opendesk").get("command").getAsString()).isEqualTo(LAUNCHER);
    }

    @Test
    void projectScopeWritesIntoTheWorkingDirectory() throws IOException {
        CliRun install = run(true, "--client", "cursor", "--scope", "project");
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(json(project.resolve(".cursor/mcp.json")).getAsJsonObject("mcpServers").has("opendesk")).isTrue();
        assertThat(home.resolve(".cursor")).doesNotExist();
    }

    @Test
    void claudeDesktopConfigLivesWhereEachOsKeepsIt() throws IOException {
        CliRun linux = run(true, "--client", "claude-desktop");
        assertThat(linux.exitCode()).as(linux.err()).isZero();
        Path linuxConfig = home.resolve(".config/Claude/claude_desktop_config.json");
        assertThat(json(linuxConfig).getAsJsonObject("mcpServers").getAsJsonObject("opendesk").getAsJsonArray("args").get(0).getAsString())
                .isEqualTo("mcp");
        assertThat(linux.out()).doesNotContain(".bak"); // nothing to back up

        platform = new HostPlatform("Mac OS X", "14", "aarch64", Map.of());
        assertThat(run(true, "--client", "claude-desktop").exitCode()).isZero();
        assertThat(home.resolve("Library/Application Support/Claude/claude_desktop_config.json")).exists();

        Path appData = home.resolve("roaming");
        platform = new HostPlatform("Windows 11", "10.0", "amd64", Map.of("APPDATA", appData.toString()));
        assertThat(run(true, "--client", "claude-desktop").exitCode()).isZero();
        assertThat(appData.resolve("Claude/claude_desktop_config.json")).exists();
    }

    @Test
    void continueGetsAServerFileOfItsOwnThatUninstallDeletes() throws IOException {
        assertThat(run(true, "--client", "continue").exitCode()).isZero();
        Path file = home.resolve(".continue/mcpServers/opendesk.json");
        assertThat(json(file).getAsJsonObject("mcpServers").getAsJsonObject("opendesk").get("command").getAsString()).isEqualTo(LAUNCHER);
        CliRun uninstall = run(false, "--client", "continue");
        assertThat(uninstall.out()).contains("continue: removed opendesk from " + file);
        assertThat(file).doesNotExist();
    }

    @Test
    void claudeCodeGoesThroughTheClaudeCommandWhenItExists() {
        claudeInstalled = true;
        CliRun install = run(true, "--scope", "project");
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(ran).containsExactly(
                List.of("claude", "mcp", "remove", "opendesk"),
                List.of("claude", "mcp", "add", "opendesk", "--scope=project", "--", LAUNCHER, "mcp"));
        assertThat(install.out()).contains("opendesk MCP server registered (project).").contains("  Binary: " + LAUNCHER);
        assertThat(home.resolve(".claude.json")).doesNotExist();
        assertThat(project.resolve(".mcp.json")).doesNotExist();

        ran.clear();
        CliRun uninstall = run(false);
        assertThat(ran).containsExactly(List.of("claude", "mcp", "remove", "opendesk", "--scope=user"));
        assertThat(uninstall.out()).contains("opendesk MCP server removed from Claude Code (user).");
    }

    @Test
    void claudeCodeWithoutTheClaudeCommandGetsItsConfigFileEdited() throws IOException {
        Path config = home.resolve(".claude.json");
        Files.writeString(config, "{\"numStartups\": 12, \"mcpServers\": {\"github\": {\"type\": \"stdio\", \"command\": \"gh-mcp\"}}}");
        CliRun install = run(true);
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.out()).contains("'claude' command was not found").contains("claude-code: added opendesk to " + config);
        JsonObject after = json(config);
        assertThat(after.get("numStartups").getAsInt()).isEqualTo(12);
        assertThat(after.getAsJsonObject("mcpServers").keySet()).containsExactly("github", "opendesk");
        assertThat(after.getAsJsonObject("mcpServers").getAsJsonObject("opendesk")).isEqualTo(JsonParser.parseString(
                "{\"type\": \"stdio\", \"command\": \"" + LAUNCHER + "\", \"args\": [\"mcp\"], \"env\": {}}"));

        assertThat(run(false).out()).contains("claude-code: removed opendesk from " + config);
        assertThat(json(config).getAsJsonObject("mcpServers").keySet()).containsExactly("github");
    }

    @Test
    void aBrokenConfigIsLeftAloneAndTheOtherClientsStillGetInstalled() throws IOException {
        Path cursor = home.resolve(".cursor/mcp.json");
        Files.createDirectories(cursor.getParent());
        Files.writeString(cursor, "{\"mcpServers\": {oops");
        claudeInstalled = true;
        CliRun install = run(true, "--client", "all");
        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.err()).contains("ERROR: cursor: " + cursor + " is not valid JSON");
        assertThat(Files.readString(cursor)).isEqualTo("{\"mcpServers\": {oops");
        assertThat(cursor.resolveSibling("mcp.json.bak")).doesNotExist();
        assertThat(home.resolve(".config/Claude/claude_desktop_config.json")).exists();
        assertThat(home.resolve(".continue/mcpServers/opendesk.json")).exists();
        assertThat(install.out()).contains("opendesk MCP server registered (user).");
    }

    @Test
    void aConfigWithCommentsIsRefusedRatherThanRewrittenWithoutThem() throws IOException {
        Path cursor = home.resolve(".cursor/mcp.json");
        Files.createDirectories(cursor.getParent());
        String jsonc = "{\n  // my servers\n  \"mcpServers\": {}\n}\n";
        Files.writeString(cursor, jsonc);
        CliRun install = run(true, "--client", "cursor");
        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.err()).contains("is not valid JSON");
        assertThat(Files.readString(cursor)).isEqualTo(jsonc);
    }

    @Test
    void unknownClientOrScopeIsAUsageError() {
        assertThat(run(true, "--client", "vim").exitCode()).isEqualTo(2);
        assertThat(run(true, "--client", "vim").err()).contains("--client must be one of claude-code, claude-desktop, cursor, continue or all");
        assertThat(run(true, "--scope", "global").exitCode()).isEqualTo(2);
    }

    @Test
    void theCommandsAreRegisteredWithTheirOptions() {
        CliRun help = CliRun.of("install", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--client").contains("--scope").contains("claude-desktop");
        assertThat(CliRun.of("uninstall", "--help").out()).contains("--client");
    }

    private CliRun run(boolean install, String... args) {
        InstallCommands.Environment env = new InstallCommands.Environment(home, project, platform, () -> List.of(LAUNCHER), this::claude);
        Callable<Integer> command = install ? new InstallCommands.Install(() -> env) : new InstallCommands.Uninstall(() -> env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", opendeskHome.toString()));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new CliRun(exit, out.toString(), err.toString());
    }

    private CommandRunner.Result claude(List<String> command) throws IOException {
        if (!claudeInstalled) {
            throw new IOException("Cannot run program \"claude\": error=2, No such file or directory");
        }
        ran.add(List.copyOf(command));
        return new CommandRunner.Result(0, "");
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }
}
