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

    @Command(name = "install", description = "Register the opendesk MCP server with Claude Code.")
    static final class Install extends NotBuiltCommand {
        @Option(names = "--scope", defaultValue = "user", description = "user or project (default: ${DEFAULT-VALUE})")
        String scope;
    }

    @Command(name = "uninstall", description = "Remove the opendesk MCP server from Claude Code.")
    static final class Uninstall extends NotBuiltCommand {
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

    @Command(name = "discover", description = "List opendesk hosts on the LAN.")
    static final class Discover extends NotBuiltCommand {
        @Option(names = "--timeout", defaultValue = "2.0", description = "seconds to browse (default: ${DEFAULT-VALUE})")
        double timeout;

        @Option(names = "--rendezvous", paramLabel = "URL", description = "rendezvous server")
        String rendezvous;

        @Option(names = "--rendezvous-token", description = "rendezvous token")
        String rendezvousToken;
    }

    @Command(name = "rendezvous", description = "Show or set a peer's rendezvous URL.")
    static final class PeersRendezvous extends NotBuiltCommand {
        @Parameters(index = "0", description = "peer name")
        String name;

        @Parameters(index = "1", arity = "0..1", description = "rendezvous URL")
        String url;
    }

    @Command(name = "install-service", description = "Install opendesk serve as a user service (systemd, launchd, schtasks).")
    static final class InstallService extends NotBuiltCommand {
        @Option(names = "--port", defaultValue = "8423", description = "port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--no-start", description = "install without starting")
        boolean noStart;
    }

    @Command(name = "uninstall-service", description = "Remove the opendesk service.")
    static final class UninstallService extends NotBuiltCommand {
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

    @Command(name = "mcp", description = "Run the MCP server (stdio by default).")
    static final class Mcp extends NotBuiltCommand {
        @Option(names = "--http", paramLabel = "[HOST:]PORT", description = "serve streamable HTTP instead of stdio")
        String http;
    }
}
