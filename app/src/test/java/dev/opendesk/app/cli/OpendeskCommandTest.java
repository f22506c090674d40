package dev.opendesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OpendeskCommandTest {
    private static final String[] COMMANDS = {
        "mcp", "plugins", "install", "uninstall", "scheduler", "pair", "pair-with", "serve", "discover", "connect",
        "peers", "unpair", "sessions", "disconnect", "describe", "check", "audit", "install-service",
        "uninstall-service", "app", "wsl-setup", "rendezvous",
    };

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        for (String command : COMMANDS) {
            assertThat(run.out()).as(command).containsPattern("(?m)^\\s+" + command + "\\s");
        }
    }

    @Test
    void noSubcommandPrintsHelpAndSucceeds() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: opendesk").contains("pair-with");
    }

    @Test
    void commandsNotBuiltYetSaySoAndExitTwo(@TempDir Path home) {
        CliRun app = CliRun.of("app", "--port", "9000", "--home", home.toString());
        assertThat(app.exitCode()).isEqualTo(2);
        assertThat(app.err()).isEqualToIgnoringNewLines("not implemented yet: app");
        assertThat(app.out()).isEmpty();

        CliRun rendezvous = CliRun.of("peers", "rendezvous", "a", "--home", home.toString());
        assertThat(rendezvous.exitCode()).isEqualTo(2);
        assertThat(rendezvous.err()).contains("not implemented yet: peers rendezvous");

        CliRun schedulerList = CliRun.of("scheduler", "list", "--dir", home.toString());
        assertThat(schedulerList.err()).contains("not implemented yet: scheduler list");
    }

    @Test
    void everyCommandAcceptsHome(@TempDir Path home) {
        for (String command : COMMANDS) {
            CliRun run = CliRun.of(command, "--home", home.toString(), "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("--home");
        }
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun run = CliRun.of("install-service", "--port", "not-a-number");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--port");
        assertThat(CliRun.of("no-such-command").exitCode()).isEqualTo(2);
    }

    @Test
    void checkReportsWhatTheCoreToolsNeedOnLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux report");
        CliRun run = CliRun.of("check");
        assertThat(run.exitCode()).isIn(0, 1); // 1 = the core tools cannot work here (no display); see CheckCommandTest
        assertThat(run.out()).contains("Desktop backend").contains("The core tools (screenshot, mouse, keyboard)");
    }
}
