package dev.opendesk.app.cli;

import com.google.inject.Injector;
import dev.opendesk.app.service.WslAdvisory;
import dev.opendesk.app.wiring.AppHome;
import dev.opendesk.app.wiring.BackendSelection;
import dev.opendesk.core.audit.AuditFormatter;
import dev.opendesk.core.audit.AuditLog;
import dev.opendesk.core.audit.AuditQuery;
import dev.opendesk.core.audit.AuditReader;
import dev.opendesk.core.audit.JsonlAuditLog;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.TrustedPeer;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.computer.UnavailableComputer;
import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.policy.AllowAllPolicy;
import dev.opendesk.core.policy.ConsolePolicy;
import dev.opendesk.core.policy.Policy;
import dev.opendesk.core.protocol.RemoteComputer;
import dev.opendesk.core.remote.AdminClient;
import dev.opendesk.core.remote.AdminServer;
import dev.opendesk.core.remote.Controller;
import dev.opendesk.core.remote.HostServer;
import dev.opendesk.core.remote.PairingWindow;
import dev.opendesk.core.remote.RemoteSession;
import dev.opendesk.core.remote.Target;
import dev.opendesk.core.remote.TargetResolver;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Transport;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Host and controller commands: pair, pair-with, serve, connect, sessions, disconnect, audit. */
final class RemoteCommands {
    private RemoteCommands() {
    }

    @Command(name = "pair", description = "Open a pairing window on this machine and show a 6-digit code.")
    static final class Pair extends PeerCommands.PeerCommand {
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

        @Option(names = "--service-name", paramLabel = "NAME", description = "mDNS instance name (default: <hostname>-<6 hex of the key>)")
        String serviceName;

        @Override
        public Integer call() throws Exception {
            WslAdvisory.forThisMachine().ifPresent(err()::println);
            Injector services = services();
            Identity identity = services.getInstance(Identity.class);
            String pairingCode = code == null ? PairingWindow.randomCode() : code;
            try (HostServer server = host(services, desktopOrNone(services), new AllowAllPolicy(), auditOf(services, false))) {
                Endpoint bound = server.listen(services.getInstance(Transport.class), new Endpoint(host, port));
                CompletableFuture<PairingWindow.PairedController> paired =
                        server.pairing().open(pairingCode, Duration.ofMillis((long) (timeout * 1000)));
                printPanel(out(), bound.port(), identity.fingerprint(), pairingCode);
                ShutdownSignal.arm();
                try (Discovery.Advertisement advertised = DiscoverCommand.advertise(services, bound.port(), noMdns, serviceName, err())) {
                    while (!paired.isDone()) {
                        if (ShutdownSignal.await(100)) {
                            out().println("Pairing cancelled.");
                            return 130;
                        }
                    }
                }
                try {
                    PairingWindow.PairedController controller = paired.get();
                    out().println("✓ Paired with " + controller.name() + " (" + controller.fingerprint() + ")");
                    return 0;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof OpendeskException failure && failure.code() == ErrorCode.TIMEOUT) {
                        err().println("ERROR: no peer paired within " + timeout + "s.");
                    } else {
                        err().println("ERROR: " + e.getCause().getMessage());
                    }
                    return 1;
                }
            }
        }

        private static void printPanel(PrintWriter out, int port, String fingerprint, String code) {
            List<String> lines = List.of(
                    "Port:          " + port,
                    "Fingerprint:   " + fingerprint,
                    "Pairing code:  " + code,
                    "",
                    "Run on the controller:",
                    "  opendesk pair-with " + lanAddress() + " " + code + (port == 8423 ? "" : " --port " + port));
            int width = lines.stream().mapToInt(String::length).max().orElse(20) + 4;
            String title = " opendesk pairing ";
            out.println("╭─" + title + "─".repeat(Math.max(0, width - title.length() - 1)) + "╮");
            for (String line : lines) {
                out.println("│  " + line + " ".repeat(width - line.length() - 2) + "│");
            }
            out.println("╰" + "─".repeat(width) + "╯");
            out.flush();
        }
    }

    @Command(name = "pair-with", description = "Pair this controller with a host showing a pairing code.")
    static final class PairWith extends PeerCommands.PeerCommand {
        @Parameters(index = "0", description = "host to pair with")
        String host;

        @Parameters(index = "1", description = "the 6-digit code the host shows")
        String code;

        @Option(names = "--port", defaultValue = "8423", description = "port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--name", defaultValue = "", description = "name to remember the peer by")
        String name;

        @Option(names = "--rendezvous", paramLabel = "URL", description = "rendezvous server (not supported yet)")
        String rendezvous;

        @Override
        public Integer call() {
            if (rendezvous != null) {
                err().println("not implemented yet: pair-with --rendezvous");
                return 2;
            }
            Controller.PairedHost paired = services().getInstance(Controller.class).pairWith(new Endpoint(host, port), code, name);
            out().println("✓ Paired with " + paired.name() + " (" + paired.fingerprint() + ")");
            out().println("  Now reachable as: opendesk connect " + paired.name());
            return 0;
        }
    }

    @Command(name = "serve", description = "Serve this desktop to paired controllers.")
    static final class Serve extends PeerCommands.PeerCommand {
        @Option(names = "--port", defaultValue = "8423", description = "port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--host", defaultValue = "0.0.0.0", description = "bind address (default: ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--no-mdns", description = "do not advertise on the LAN")
        boolean noMdns;

        @Option(names = "--service-name", paramLabel = "NAME", description = "mDNS instance name (default: <hostname>-<6 hex of the key>)")
        String serviceName;

        @Option(names = "--approve", defaultValue = "auto", description = "auto or console (default: ${DEFAULT-VALUE})")
        String approve;

        @Option(names = "--no-audit", description = "do not write the audit log")
        boolean noAudit;

        @Option(names = "--rendezvous", paramLabel = "URL", description = "rendezvous server (not supported yet)")
        List<String> rendezvous;

        @Override
        public Integer call() throws Exception {
            if (rendezvous != null && !rendezvous.isEmpty()) {
                err().println("not implemented yet: serve --rendezvous");
                return 2;
            }
            WslAdvisory.forThisMachine().ifPresent(err()::println);
            Injector services = services();
            if (services.getInstance(TrustedPeerStore.class).list().stream().noneMatch(TrustedPeer::isController)) {
                err().println("ERROR: no trusted peers yet.  Run `opendesk pair` first.");
                return 2;
            }
            Policy policy;
            if (approve.equals("auto")) {
                policy = new AllowAllPolicy();
            } else if (approve.equals("console")) {
                policy = new ConsolePolicy(new TerminalPrompter());
            } else {
                err().println("ERROR: --approve must be auto or console, not '" + approve + "'");
                return 2;
            }
            Computer desktop = services.getInstance(Computer.class);
            AppHome home = services.getInstance(AppHome.class);
            try (AuditLog audit = auditOf(services, noAudit);
                 HostServer server = host(services, desktop, policy, audit);
                 AdminServer admin = AdminServer.start(home.path(), server)) {
                Endpoint bound = server.listen(services.getInstance(Transport.class), new Endpoint(host, port));
                out().println("opendesk serve listening on " + host + ":" + bound.port() + "  fp="
                        + server.identity().fingerprint() + (approve.equals("console") ? "  approve=console" : ""));
                out().flush();
                ShutdownSignal.arm();
                try (Discovery.Advertisement advertised = DiscoverCommand.advertise(services, bound.port(), noMdns, serviceName, err())) {
                    ShutdownSignal.await(0);
                    out().println("Shutting down.");
                }
                return 0;
            }
        }
    }

    @Command(name = "connect", description = "Connect to a paired host and show what it offers.")
    static final class Connect extends PeerCommands.PeerCommand {
        @Parameters(arity = "0..1", description = "peer name or ws://HOST:PORT#KEY (default: the default peer)")
        String peer;

        @Option(names = "--screenshot", paramLabel = "PATH", description = "save a screenshot of the host")
        Path screenshot;

        @Override
        public Integer call() throws IOException {
            Injector services = services();
            TargetResolver resolver = services.getInstance(TargetResolver.class);
            Target target = resolver.resolve(Optional.ofNullable(peer));
            try (RemoteSession session = resolver.connect(services.getInstance(Controller.class), target, false)) {
                RemoteComputer remote = new RemoteComputer(session);
                out().println("Connected to " + (peer == null ? target.name() + " (default)" : target.name())
                        + "  backend=" + remote.capabilities().backend());
                out().println("Capabilities: " + remote.capabilities().capabilities().stream().map(Capability::wire).sorted().toList());
                if (screenshot != null) {
                    Pixmap pixmap = remote.capture(CaptureRequest.primary());
                    Files.write(screenshot, pixmap.data());
                    out().println("Saved screenshot (" + pixmap.width() + "x" + pixmap.height() + ") → " + screenshot);
                }
            }
            return 0;
        }
    }

    @Command(name = "sessions", description = "Show the active controller session of the running host.")
    static final class Sessions extends PeerCommands.PeerCommand {
        @Override
        public Integer call() {
            AdminClient admin = AdminAccess.require(services());
            List<AdminClient.ListedSession> sessions;
            try {
                sessions = admin.list();
            } catch (IOException e) {
                throw AdminAccess.failed(e);
            }
            if (sessions.isEmpty()) {
                out().println("No active session.");
                return 0;
            }
            Table table = new Table("PEER", "FROM", "AGE", "ID");
            for (AdminClient.ListedSession listed : sessions) {
                table.row(listed.session().peerName(), listed.session().remoteAddress(), age(listed.ageSeconds()), listed.session().id());
            }
            table.print(out());
            return 0;
        }

        static String age(double seconds) {
            long s = (long) seconds;
            if (s < 60) {
                return s + "s";
            }
            if (s < 3600) {
                return s / 60 + "m";
            }
            if (s < 86_400) {
                return s / 3600 + "h";
            }
            return s / 86_400 + "d";
        }
    }

    @Command(name = "disconnect", description = "Disconnect the active controller.")
    static final class Disconnect extends PeerCommands.PeerCommand {
        @Override
        public Integer call() {
            AdminClient admin = AdminAccess.require(services());
            try {
                out().println(admin.killAll() > 0 ? "Disconnected the active controller." : "No active session to disconnect.");
            } catch (IOException e) {
                throw AdminAccess.failed(e);
            }
            return 0;
        }
    }

    @Command(name = "audit", description = "Show the host's audit log.")
    static final class Audit extends PeerCommands.PeerCommand {
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "day to show (default: today)")
        LocalDate date;

        @Option(names = "--peer", paramLabel = "SUBSTR", description = "only entries of matching peers")
        String peer;

        @Option(names = "--limit", paramLabel = "N", description = "at most the last N entries")
        Integer limit;

        @Option(names = {"-f", "--follow"}, description = "keep printing new entries")
        boolean follow;

        @Override
        public Integer call() throws Exception {
            AuditReader reader = new AuditReader(services().getInstance(AppHome.class).path());
            AuditQuery query = new AuditQuery(date == null ? reader.today() : date, peer == null ? "" : peer, limit == null ? 0 : limit);
            ZoneId zone = ZoneId.systemDefault();
            PrintWriter out = out();
            reader.query(query).forEach(record -> out.println(AuditFormatter.format(record, zone)));
            out.flush();
            if (follow) {
                ShutdownSignal.arm();
                try (AuditReader.Follower follower = reader.follow(query, record -> {
                    out.println(AuditFormatter.format(record, zone));
                    out.flush();
                })) {
                    Thread thread = new Thread(() -> {
                        try {
                            follower.run();
                        } catch (IOException | InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "audit-follow");
                    thread.setDaemon(true);
                    thread.start();
                    ShutdownSignal.await(0);
                }
            }
            return 0;
        }
    }

    static HostServer host(Injector services, Computer desktop, Policy policy, AuditLog audit) {
        return new HostServer(services.getInstance(Identity.class), services.getInstance(TrustedPeerStore.class),
                services.getInstance(HomeFiles.class), desktop, policy, audit, HostServer.Settings.defaults());
    }

    static AuditLog auditOf(Injector services, boolean disabled) {
        return disabled ? AuditLog.disabled() : new JsonlAuditLog(services.getInstance(AppHome.class).path());
    }

    /** The desktop if a backend works here; pairing works without one. */
    static Computer desktopOrNone(Injector services) {
        BackendSelection selection = services.getInstance(BackendSelection.class);
        return selection.chosen().isPresent() ? services.getInstance(Computer.class) : new UnavailableComputer(selection.explanation());
    }

    /** The first non-loopback IPv4 address, for the pairing panel; else the host name. */
    static String lanAddress() {
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (SocketException | java.net.UnknownHostException e) {
            return "<this-host>";
        }
    }

}
