package dev.opendesk.app.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands of the reference CLI (spec/surface.md §3) whose behaviour is not built yet. Each
 * declares the reference's options, so {@code --help} documents the final shape, and exits 2 with
 * {@code not implemented yet: <command>} until its issue lands.
 */
final class PendingCommands {
    private PendingCommands() {
    }

    @Command(name = "scheduler", description = "Run or list scheduled tasks.",
            subcommands = {SchedulerStart.class, SchedulerList.class})
    static final class Scheduler extends NotBuiltCommand {
    }

    @Command(name = "start", description = "Run the scheduler daemon (blocks; Ctrl-C stops it).")
    static final class SchedulerStart extends NotBuiltCommand {
        @Option(names = "--dir", paramLabel = "DIR", description = "schedule directory (default: current directory)")
        Path dir;
    }

    @Command(name = "list", description = "List schedules.")
    static final class SchedulerList extends NotBuiltCommand {
        @Option(names = "--dir", paramLabel = "DIR", description = "schedule directory (default: current directory)")
        Path dir;
    }

    @Command(name = "rendezvous", description = "Show or set a peer's rendezvous URL.")
    static final class PeersRendezvous extends NotBuiltCommand {
        @Parameters(index = "0", description = "peer name")
        String name;

        @Parameters(index = "1", arity = "0..1", description = "rendezvous URL")
        String url;
    }

    @Command(name = "app", description = "Start the local web UI.")
    static final class App extends NotBuiltCommand {
        @Option(names = "--port", defaultValue = "8424", description = "port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "bind address (default: ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--no-browser", description = "do not open a browser")
        boolean noBrowser;
    }

    @Command(name = "wsl-setup", description = "Forward the host port from Windows into WSL.")
    static final class WslSetup extends NotBuiltCommand {
        @Option(names = "--port", defaultValue = "8423", description = "port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--apply", description = "run the commands (elevated)")
        boolean apply;

        @Option(names = "--undo", description = "remove the forwarding")
        boolean undo;
    }

    @Command(name = "rendezvous", description = "Run a self-hosted rendezvous/relay server.")
    static final class Rendezvous extends NotBuiltCommand {
        @Option(names = "--host", defaultValue = "0.0.0.0", description = "bind address (default: ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--port", defaultValue = "8424", description = "port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--token", description = "shared token clients must present")
        String token;

        @Option(names = "--log-file", paramLabel = "PATH", description = "also log to a file")
        Path logFile;
    }
}
