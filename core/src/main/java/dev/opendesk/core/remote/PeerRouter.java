package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.TrustedPeer;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.protocol.RemoteComputer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Which machine an agent's call goes to (spec/surface.md §2, the reference's MCPSession):
 * the call's {@code peer} argument ({@code local} = this machine) → the session default
 * ({@code opendesk_use}) → the persistent default ({@code default-peer}) → the one trusted peer
 * when there is exactly one → an error naming them when there are several → this machine when
 * none is paired. The trust store is re-read on every resolution. Connections are opened lazily,
 * cached by name for the life of the router and heal themselves.
 */
public final class PeerRouter implements AutoCloseable {
    /** The name that always means this machine. */
    public static final String LOCAL = "local";

    /** Why a target was chosen. */
    public enum Source {
        ARGUMENT("argument"), EXPLICIT("explicit"), PERSISTENT("persistent"), IMPLICIT("implicit"), LOCAL("local");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** The word shown to users, e.g. {@code implicit}. */
        public String label() {
            return label;
        }
    }

    /** A resolved target: {@code local} or a trusted peer's name, and why. */
    public record Resolution(String target, Source source) {
        public Resolution {
            requireNonNull(target, "target is null");
            requireNonNull(source, "source is null");
        }

        /** Whether the call stays on this machine. */
        public boolean isLocal() {
            return target.equals(LOCAL);
        }
    }

    private final TrustedPeerStore trust;
    private final HomeFiles homeFiles;
    private final Supplier<Controller> controller;
    private final TargetResolver resolver;
    private final Supplier<Computer> local;
    private final Map<String, RemoteSession> connections = new LinkedHashMap<>();
    private volatile @Nullable String sessionDefault;

    public PeerRouter(TrustedPeerStore trust, HomeFiles homeFiles, Controller controller, TargetResolver resolver,
                      Supplier<Computer> local) {
        this(trust, homeFiles, supplierOf(requireNonNull(controller, "controller is null")), resolver, local);
    }

    /**
     * A router whose controller (this machine's identity and its key exchange) is made on the first
     * connection to a peer, not before: a session that only drives the local desktop never pays for
     * it, and an MCP server answers its first requests sooner.
     */
    public PeerRouter(TrustedPeerStore trust, HomeFiles homeFiles, Supplier<Controller> controller, TargetResolver resolver,
                      Supplier<Computer> local) {
        this.trust = requireNonNull(trust, "trust is null");
        this.homeFiles = requireNonNull(homeFiles, "homeFiles is null");
        this.controller = requireNonNull(controller, "controller is null");
        this.resolver = requireNonNull(resolver, "resolver is null");
        this.local = requireNonNull(local, "local is null");
    }

    private static Supplier<Controller> supplierOf(Controller controller) {
        return () -> controller;
    }

    /** The trusted peers that may be driven from here. */
    public List<TrustedPeer> peers() {
        return trust.list().stream().filter(TrustedPeer::isRemote).toList();
    }

    /**
     * Resolves the target of one call.
     *
     * @param peerArgument the call's {@code peer} argument (blank = none)
     * @throws OpendeskException {@code not_found} for an unknown peer name, {@code invalid_argument}
     *     when several peers are paired and no default says which
     */
    public Resolution resolve(Optional<String> peerArgument) {
        Optional<String> argument = peerArgument.map(String::trim).filter(p -> !p.isEmpty());
        if (argument.isPresent()) {
            return new Resolution(checkKnown(argument.get()), Source.ARGUMENT);
        }
        String explicit = sessionDefault;
        if (explicit != null) {
            return new Resolution(explicit, Source.EXPLICIT);
        }
        List<TrustedPeer> peers = peers();
        Optional<String> persistent = homeFiles.readDefaultPeer()
                .filter(name -> peers.stream().anyMatch(p -> p.name().equals(name)));
        if (persistent.isPresent()) {
            return new Resolution(persistent.get(), Source.PERSISTENT);
        }
        if (peers.size() == 1) {
            return new Resolution(peers.get(0).name(), Source.IMPLICIT);
        }
        if (peers.size() > 1) {
            throw OpendeskException.invalidArgument("Multiple peers paired (" + String.join(", ", peers.stream().map(TrustedPeer::name).toList())
                    + ") and no default set. Run `opendesk_use <name>` to choose one, or pass `peer:` on this call"
                    + " (use 'local' to target this machine).");
        }
        return new Resolution(LOCAL, Source.LOCAL);
    }

    /** The default as {@code opendesk_status} reports it, without failing when ambiguous. */
    public Optional<Resolution> currentDefault() {
        try {
            return Optional.of(resolve(Optional.empty()));
        } catch (OpendeskException e) {
            return Optional.empty();
        }
    }

    /**
     * Sets the session default ({@code opendesk_use}); {@code local} reverts to this machine.
     *
     * @throws OpendeskException {@code not_found} when no trusted peer has that name
     */
    public String use(String name) {
        String target = checkKnown(name.trim());
        sessionDefault = target;
        return target;
    }

    private String checkKnown(String name) {
        if (name.toLowerCase(Locale.ROOT).equals(LOCAL)) {
            return LOCAL;
        }
        if (peers().stream().noneMatch(p -> p.name().equals(name))) {
            throw new OpendeskException(ErrorCode.NOT_FOUND, "No trusted peer named '" + name + "'. Pair from the controlled"
                    + " machine first via `opendesk pair`, then `opendesk pair-with <host> <code> --name " + name + "` here.");
        }
        return name;
    }

    /**
     * The Computer of a resolved target: this machine's, or a cached self-healing session to the
     * peer, opened now if needed.
     *
     * @throws OpendeskException "Could not connect to peer 'X': …" when the peer cannot be reached
     */
    public Computer computer(Resolution resolution) {
        if (resolution.isLocal()) {
            return local.get();
        }
        return new RemoteComputer(session(resolution.target()));
    }

    private synchronized RemoteSession session(String name) {
        RemoteSession cached = connections.get(name);
        if (cached != null && !cached.isEvicted()) {
            return cached;
        }
        try {
            TrustedPeer peer = trust.findByName(name).orElseThrow(() -> new OpendeskException(ErrorCode.NOT_FOUND, "unknown peer: '" + name + "'"));
            RemoteSession session = resolver.connect(controller.get(), resolver.forPeer(peer), true);
            connections.put(name, session);
            return session;
        } catch (OpendeskException e) {
            throw new OpendeskException(e.code(), "Could not connect to peer '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Names of the peers with an open (cached) connection. */
    public synchronized List<String> openConnections() {
        return new ArrayList<>(connections.keySet());
    }

    /** Closes the connection to one peer (and clears it as session default); whether one was open. */
    public synchronized boolean disconnect(String name) {
        RemoteSession session = connections.remove(name);
        if (name.equals(sessionDefault)) {
            sessionDefault = null;
        }
        if (session == null) {
            return false;
        }
        session.close();
        return true;
    }

    /** Closes every cached connection; returns how many. */
    public synchronized int disconnectAll() {
        List<String> names = new ArrayList<>(connections.keySet());
        names.forEach(this::disconnect);
        return names.size();
    }

    @Override
    public void close() {
        disconnectAll();
    }
}
