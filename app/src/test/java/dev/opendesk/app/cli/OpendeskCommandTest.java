package dev.opendesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
    void aRunOfOneSubcommandBuildsOnlyThatOne() {
        for (String command : COMMANDS) {
            CommandLine line = OpendeskCommand.commandLine(sink(), sink(), command, "--help");
            assertThat(line.getSubcommands().keySet()).as(command).containsExactly(command);
        }
    }

    @Test
    void helpVersionAndUnknownNamesSeeEverySubcommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"no-such-command"}, {"--home", "x", "mcp"}}) {
            CommandLine line = OpendeskCommand.commandLine(sink(), sink(), args);
            assertThat(line.getSubcommands().keySet()).as(String.join(" ", args)).containsExactly(COMMANDS);
        }
        assertThat(OpendeskCommand.commandLine(sink(), sink()).getSubcommands().keySet()).containsExactly(COMMANDS);
    }

    @Test
    void aSubcommandRunAloneStillSitsUnderTheRootWithItsOwnSubcommands() {
        CliRun help = CliRun.of("mcp", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: opendesk mcp").contains("--http");

        CliRun nested = CliRun.of("peers", "--help");
        assertThat(nested.exitCode()).isZero();
        assertThat(nested.out()).contains("Usage: opendesk peers").contains("rename");
    }

    @Test
    void anUnknownNameGetsTheUsualUsageError() {
        CliRun run = CliRun.of("mpc");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mpc").contains("mcp"); // picocli suggests the near name among all commands
    }

    private static PrintWriter sink() {
        return new PrintWriter(new StringWriter(), true);
    }

    @Test
    void checkReportsWhatTheCoreToolsNeedOnLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux report");
        CliRun run = CliRun.of("check");
        assertThat(run.exitCode()).isIn(0, 1); // 1 = the core tools cannot work here (no display); see CheckCommandTest
        assertThat(run.out()).contains("Desktop backend").contains("The core tools (screenshot, mouse, keyboard)");
    }
}
