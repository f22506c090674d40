package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.auth.TrustedPeer;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.discovery.DiscoveredPeer;
import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.CapabilityManifest;
import dev.opendesk.core.model.OpendeskException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The peer-management tools an agent gets next to the desktop tools (spec/surface.md §2):
 * {@code opendesk_peers}, {@code _discover}, {@code _use}, {@code _status}, {@code _capabilities},
 * {@code _disconnect}, {@code _describe}. Each returns plain text; failures start with
 * {@code ERROR:}. Pairing is deliberately not offered: a human types the code.
 */
public final class PeerAdminTools {
    private final PeerRouter router;
    private final TrustedPeerStore trust;
    private final Optional<Discovery> discovery;

    public PeerAdminTools(PeerRouter router, TrustedPeerStore trust, Optional<Discovery> discovery) {
        this.router = requireNonNull(router, "router is null");
        this.trust = requireNonNull(trust, "trust is null");
        this.discovery = requireNonNull(discovery, "discovery is null");
    }

    /** {@code opendesk_peers}. */
    public String peers() {
        StringBuilder text = new StringBuilder();
        Optional<PeerRouter.Resolution> current = router.currentDefault();
        List<TrustedPeer> peers = router.peers();
        if (current.isEmpty() && peers.size() > 1) {
            text.append("⚠ Multiple peers paired and no default set: calls without `peer` fail until you run opendesk_use.\n");
        }
        List<String> open = router.openConnections();
        text.append("Available peers:\n");
        text.append("  local").append(current.filter(PeerRouter.Resolution::isLocal).isPresent() ? "  [default]" : "").append('\n');
        for (TrustedPeer peer : peers) {
            StringBuilder tags = new StringBuilder();
            current.filter(r -> r.target().equals(peer.name())).ifPresent(r -> tags.append("default (").append(r.source().label()).append(")"));
            if (open.contains(peer.name())) {
                tags.append(tags.length() > 0 ? ", " : "").append("active");
            }
            text.append("  ").append(peer.name()).append(tags.length() > 0 ? "  [" + tags + "]" : "").append("  (").append(peer.fingerprint()).append(")\n");
            String description = firstLine(peer.effectiveDescription(), 160);
            if (!description.isEmpty()) {
                text.append("      ").append(description).append('\n');
            }
        }
        if (peers.isEmpty()) {
            text.append("(no trusted remote peers — pair via `opendesk pair` on the other machine and `opendesk pair-with` here)\n");
        }
        text.append("Use opendesk_describe <name> to read a peer's full description.");
        return text.toString();
    }

    /** {@code opendesk_discover}. */
    public String discover(double timeoutSeconds) {
        if (discovery.isEmpty()) {
            return "Discovery unavailable: no LAN discovery plugin works on this machine (see `opendesk plugins`).";
        }
        List<DiscoveredPeer> found = discovery.get().browse(Duration.ofMillis((long) (Math.max(0.1, timeoutSeconds) * 1000)));
        if (found.isEmpty()) {
            return "No opendesk peers found on the LAN (within " + timeoutSeconds + "s).";
        }
        StringBuilder text = new StringBuilder("Found " + found.size() + " peer(s) on the LAN:\n");
        for (DiscoveredPeer peer : found) {
            Optional<TrustedPeer> paired = trust.list().stream().filter(t -> Arrays.equals(t.publicKeyBytes(), peer.publicKey())).findFirst();
            text.append("  ").append(peer.name()).append("  ").append(peer.host()).append(':').append(peer.port()).append("  ")
                    .append(peer.fingerprint()).append("  ").append(paired.map(t -> "[paired as " + t.name() + "]").orElse("[NOT paired]")).append('\n');
            if (!peer.description().isBlank()) {
                text.append("      ").append(firstLine(peer.description(), 160)).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    /** {@code opendesk_use}. */
    public String use(Optional<String> peer) {
        if (peer.map(String::isBlank).orElse(true)) {
            return "ERROR: `peer` is required (use 'local' to revert)";
        }
        try {
            return "Default peer is now: " + router.use(peer.get());
        } catch (OpendeskException e) {
            return "ERROR: " + e.getMessage();
        }
    }

    /** {@code opendesk_status}. */
    public String status() {
        StringBuilder text = new StringBuilder();
        Optional<PeerRouter.Resolution> current = router.currentDefault();
        if (current.isPresent()) {
            text.append("Default peer: ").append(current.get().target()).append(" (").append(current.get().source().label()).append(")");
            if (current.get().source() == PeerRouter.Source.IMPLICIT) {
                text.append(" (single paired peer — pairing another will require an explicit default)");
            }
        } else {
            text.append("Default peer: (none — multiple peers paired). Run opendesk_use <name> to choose one.");
        }
        List<String> open = router.openConnections();
        text.append("\nOpen connections: ").append(open.isEmpty() ? "none" : String.join(", ", open));
        return text.toString();
    }

    /** {@code opendesk_capabilities}. */
    public String capabilities(Optional<String> peer) {
        try {
            PeerRouter.Resolution target = router.resolve(peer);
            Computer computer = router.computer(target);
            CapabilityManifest manifest = computer.capabilities();
            StringBuilder text = new StringBuilder();
            text.append("Peer: ").append(target.target()).append('\n');
            text.append("Backend: ").append(manifest.backend()).append('\n');
            text.append("Protocol: ").append(manifest.protocolVersion()).append('\n');
            if (!manifest.description().isBlank()) {
                text.append("Description:\n  ").append(manifest.description().strip().replace("\n", "\n  ")).append('\n');
            }
            text.append("Capabilities:\n");
            manifest.capabilities().stream().map(Capability::wire).sorted().forEach(c -> text.append("  - ").append(c).append('\n'));
            if (!manifest.limits().isEmpty()) {
                text.append("Limits: ").append(limitsJson(manifest.limits()));
            }
            return text.toString().stripTrailing();
        } catch (OpendeskException e) {
            return "ERROR: " + e.getMessage();
        }
    }

    /** {@code opendesk_disconnect}. */
    public String disconnect(Optional<String> peer) {
        if (peer.map(String::isBlank).orElse(true)) {
            return "Closed " + router.disconnectAll() + " connection(s).";
        }
        return router.disconnect(peer.get()) ? "Closed connection to " + peer.get() + "." : "No active connection to " + peer.get() + ".";
    }

    /** {@code opendesk_describe}. */
    public String describe(Optional<String> peer) {
        if (peer.map(String::isBlank).orElse(true)) {
            return "ERROR: `peer` is required";
        }
        String name = peer.get().trim();
        if (name.equalsIgnoreCase(PeerRouter.LOCAL)) {
            return "Peer: local\nThis machine (the controller): the one this MCP server runs on.";
        }
        Optional<TrustedPeer> found = trust.findByName(name);
        if (found.isEmpty()) {
            return "ERROR: unknown peer: '" + name + "'";
        }
        TrustedPeer p = found.get();
        StringBuilder text = new StringBuilder("Peer: " + p.name() + "\nFingerprint: " + p.fingerprint() + "\n");
        if (!p.descriptionOverride().isBlank()) {
            text.append("Description (override):\n").append(p.descriptionOverride());
        } else if (!p.description().isBlank()) {
            text.append("Description (broadcast):\n").append(p.description());
        } else {
            text.append("(no description — set one on that machine with `opendesk describe \"…\"`, or locally with"
                    + " `opendesk peers describe ").append(p.name()).append(" \"…\"`)");
        }
        return text.toString();
    }

    private static String firstLine(String text, int max) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > max ? line.substring(0, max) + "…" : line;
    }

    private static String limitsJson(Map<String, Map<String, Object>> limits) {
        return limits.entrySet().stream().map(e -> "\"" + e.getKey() + "\": {" + e.getValue().entrySet().stream()
                        .map(v -> "\"" + v.getKey() + "\": " + v.getValue()).collect(Collectors.joining(", ")) + "}")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
