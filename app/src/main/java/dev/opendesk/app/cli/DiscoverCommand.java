package dev.opendesk.app.cli;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.opendesk.app.service.WslAdvisory;
import dev.opendesk.core.auth.Fingerprint;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.discovery.DiscoveredPeer;
import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.discovery.ServiceRecord;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code opendesk discover}: browses the LAN (mDNS) and prints the opendesk hosts found, marking
 * those already paired. Also home of the advertising {@code pair} and {@code serve} do.
 */
@Command(name = "discover", description = "List opendesk hosts on the LAN.")
final class DiscoverCommand extends PeerCommands.PeerCommand {
    private static final Key<Optional<Discovery>> DISCOVERY = Key.get(new TypeLiteral<Optional<Discovery>>() { });
    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    @Option(names = "--timeout", defaultValue = "2.0", description = "seconds to browse (default: ${DEFAULT-VALUE})")
    double timeout;

    @Option(names = "--rendezvous", paramLabel = "URL", description = "rendezvous server (not supported yet)")
    String rendezvous;

    @Option(names = "--rendezvous-token", description = "rendezvous token (not supported yet)")
    String rendezvousToken;

    @Override
    public Integer call() throws InterruptedException {
        if (rendezvous != null) {
            err().println("not implemented yet: discover --rendezvous");
            return NotBuiltCommand.NOT_BUILT;
        }
        if (!(timeout > 0) || timeout > 3600) {
            err().println("ERROR: --timeout must be between 0 and 3600 seconds");
            return 2;
        }
        WslAdvisory.forThisMachine().ifPresent(err()::println);
        Injector services = services();
        Discovery discovery = services.getInstance(DISCOVERY).orElseThrow(() -> new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED,
                "no LAN discovery plugin works on this machine (see `opendesk plugins`)"));
        List<DiscoveredPeer> peers;
        try (Spinner spinner = Spinner.startIf(System.console() != null, err(), "Searching the LAN for opendesk hosts…")) {
            peers = discovery.browse(Duration.ofMillis((long) (timeout * 1000)));
        }
        if (peers.isEmpty()) {
            out().println("No opendesk peers found on the LAN.");
            return 0;
        }
        TrustedPeerStore trust = services.getInstance(TrustedPeerStore.class);
        Table table = new Table("NAME", "ADDR", "FINGERPRINT", "DESCRIPTION");
        for (DiscoveredPeer peer : peers) {
            String name = peer.name() + trust.findByKey(peer.publicKey()).map(t -> "  [paired as " + t.name() + "]").orElse("");
            table.row(name, peer.host() + ":" + peer.port(), peer.fingerprint(), Table.firstLine(peer.description(), 80));
        }
        table.print(out());
        return 0;
    }

    /**
     * Advertises a host listening on {@code port} (protocol §12) unless {@code disabled}: the name
     * is {@code serviceName} or {@code <hostname>-<6 hex of the key>}, the description the one
     * {@code opendesk describe} set. Without a working discovery plugin or network the host goes on
     * unadvertised after a warning on {@code err}.
     */
    static Discovery.Advertisement advertise(Injector services, int port, boolean disabled, @Nullable String serviceName,
                                             PrintWriter err) {
        if (disabled) {
            return () -> { };
        }
        Optional<Discovery> discovery = services.getInstance(DISCOVERY);
        if (discovery.isEmpty()) {
            err.println("WARNING: not advertised on the LAN: no discovery plugin works on this machine (see `opendesk plugins`).");
            err.flush();
            return () -> { };
        }
        Identity identity = services.getInstance(Identity.class);
        byte[] key = identity.publicKey();
        String name = serviceName == null || serviceName.isBlank() ? hostName() + "-" + Fingerprint.hex(key).substring(0, 6) : serviceName;
        String description = services.getInstance(HomeFiles.class).readDescription();
        try {
            return discovery.get().advertise(new ServiceRecord(name, port, key, identity.fingerprint(), description));
        } catch (OpendeskException e) {
            err.println("WARNING: not advertised on the LAN: " + e.getMessage());
            err.flush();
            return () -> { };
        }
    }

    /** This machine's name as {@code uname -n} gives it (Python's {@code platform.node()}). */
    static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.UTF_8).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        String computer = System.getenv("COMPUTERNAME");
        if (computer != null && !computer.isBlank()) {
            return computer;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "opendesk";
        }
    }

    /** A braille spinner on stderr while something waits; a no-op when stderr is not a terminal. */
    static final class Spinner implements AutoCloseable {
        private final @Nullable Thread thread;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final PrintWriter err;
        private final String text;

        private Spinner(boolean enabled, PrintWriter err, String text) {
            this.err = err;
            this.text = text;
            if (!enabled) {
                thread = null;
                return;
            }
            thread = new Thread(this::spin, "discover-spinner");
            thread.setDaemon(true);
            thread.start();
        }

        static Spinner startIf(boolean enabled, PrintWriter err, String text) {
            return new Spinner(enabled, err, text);
        }

        private void spin() {
            for (int i = 0; running.get(); i++) {
                err.print("\r" + SPINNER[i % SPINNER.length] + " " + text);
                err.flush();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            Thread spinning = thread;
            if (spinning == null) {
                return;
            }
            running.set(false);
            spinning.interrupt();
            try {
                spinning.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.print("\r" + " ".repeat(text.length() + 2) + "\r");
            err.flush();
        }
    }
}
