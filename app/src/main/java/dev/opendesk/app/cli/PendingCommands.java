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

    @Command(name = "pair", description = "Open a pairing window on this machine and show a 6-digit code.")
    static final class Pair extends NotBuiltCommand {
        @Option(names = "--port", defaultValue = "8423", description = "port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--host", defaultValue = "0.0.0.0", description = "bind address (default: ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--code", description = "pairing code (default: a random 6-digit code)")
        String code;

        @Option(names = "--timeout", defaultValue = "300", description = "seconds to wait (default: ${DEFAULT-VALUE})")
        double timeout;

        @Option(names = "--no-mdns", description = "do not advertise on the LAN")
        boolean noMdns;
    }

    @Command(name = "pair-with", description = "Pair this controller with a host showing a pairing code.")
    static final class PairWith extends NotBuiltCommand {
        @Parameters(index = "0", arity = "0..1", description = "host to pair with")
        String host;

        @Parameters(index = "1", arity = "0..1", description = "the 6-digit code the host shows")
        String code;

        @Option(names = "--port", defaultValue = "8423", description = "port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--name", defaultValue = "", description = "name to remember the peer by")
        String name;

        @Option(names = "--rendezvous", paramLabel = "URL", description = "rendezvous server")
        String rendezvous;

        @Option(names = "--target-pubkey", paramLabel = "HEX", description = "expected host key")
        String targetPubkey;

        @Option(names = "--rendezvous-token", description = "rendezvous token")
        String rendezvousToken;

        @Option(names = "--no-p2p", description = "always use the relay")
        boolean noP2p;
    }

    @Command(name = "serve", description = "Serve this desktop to paired controllers.")
    static final class Serve extends NotBuiltCommand {
        @Option(names = "--port", defaultValue = "8423", description = "port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--host", defaultValue = "0.0.0.0", description = "bind address (default: ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--no-mdns", description = "do not advertise on the LAN")
        boolean noMdns;

        @Option(names = "--rendezvous", paramLabel = "URL", description = "rendezvous server (repeatable)")
        List<String> rendezvous;

        @Option(names = "--rendezvous-token", description = "rendezvous token")
        String rendezvousToken;

        @Option(names = "--no-listen", description = "outbound only: no inbound port")
        boolean noListen;

        @Option(names = "--no-p2p", description = "always use the relay")
        boolean noP2p;

        @Option(names = "--approve", defaultValue = "auto", description = "auto or console (default: ${DEFAULT-VALUE})")
        String approve;

        @Option(names = "--no-audit", description = "do not write the audit log")
        boolean noAudit;

        @Option(names = "--log-file", paramLabel = "PATH", description = "also log to a rotating file")
        Path logFile;
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

    @Command(name = "connect", description = "Connect to a paired host and show what it offers.")
    static final class Connect extends NotBuiltCommand {
        @Parameters(arity = "0..1", description = "peer name (default: the default peer)")
        String peer;

        @Option(names = "--screenshot", paramLabel = "PATH", description = "save a screenshot of the host")
        Path screenshot;

        @Option(names = "--rendezvous", paramLabel = "URL", description = "rendezvous server")
        String rendezvous;

        @Option(names = "--rendezvous-token", description = "rendezvous token")
        String rendezvousToken;

        @Option(names = "--no-p2p", description = "always use the relay")
        boolean noP2p;
    }

    @Command(name = "peers", description = "List and manage trusted peers.",
            subcommands = {PeersList.class, PeersRemove.class, PeersRename.class, PeersDefault.class,
                PeersDescribe.class, PeersRendezvous.class})
    static final class Peers extends NotBuiltCommand {
    }

    @Command(name = "list", description = "List trusted peers.")
    static final class PeersList extends NotBuiltCommand {
    }

    @Command(name = "remove", description = "Forget a peer (same as unpair).")
    static final class PeersRemove extends NotBuiltCommand {
        @Parameters(description = "peer name or hex key")
        String target;
    }

    @Command(name = "rename", description = "Rename a peer.")
    static final class PeersRename extends NotBuiltCommand {
        @Parameters(index = "0", description = "peer name or hex key")
        String target;

        @Parameters(index = "1", description = "new name")
        String newName;
    }

    @Command(name = "default", description = "Show, set or clear the default peer.")
    static final class PeersDefault extends NotBuiltCommand {
        @Parameters(arity = "0..1", description = "peer name")
        String name;

        @Option(names = "--clear", description = "clear the default")
        boolean clear;
    }

    @Command(name = "describe", description = "Show or override a peer's description.")
    static final class PeersDescribe extends NotBuiltCommand {
        @Parameters(index = "0", description = "peer name")
        String name;

        @Parameters(index = "1", arity = "0..1", description = "description text")
        String text;

        @Option(names = "--clear", description = "clear the override")
        boolean clear;
    }

    @Command(name = "rendezvous", description = "Show or set a peer's rendezvous URL.")
    static final class PeersRendezvous extends NotBuiltCommand {
        @Parameters(index = "0", description = "peer name")
        String name;

        @Parameters(index = "1", arity = "0..1", description = "rendezvous URL")
        String url;
    }

    @Command(name = "unpair", description = "Forget a peer and kick its live session.")
    static final class Unpair extends NotBuiltCommand {
        @Parameters(description = "peer name or hex key")
        String name;
    }

    @Command(name = "sessions", description = "Show the active controller session of the running host.")
    static final class Sessions extends NotBuiltCommand {
    }

    @Command(name = "disconnect", description = "Disconnect the active controller.")
    static final class Disconnect extends NotBuiltCommand {
    }

    @Command(name = "describe", description = "Show, set or clear this host's broadcast description.")
    static final class Describe extends NotBuiltCommand {
        @Parameters(arity = "0..1", description = "description text")
        String text;

        @Option(names = "--clear", description = "clear the description")
        boolean clear;
    }

    @Command(name = "audit", description = "Show the host's audit log.")
    static final class Audit extends NotBuiltCommand {
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "day to show (default: today)")
        String date;

        @Option(names = "--peer", paramLabel = "SUBSTR", description = "only entries of matching peers")
        String peer;

        @Option(names = "--limit", paramLabel = "N", description = "at most N entries")
        Integer limit;

        @Option(names = {"-f", "--follow"}, description = "keep printing new entries")
        boolean follow;
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
