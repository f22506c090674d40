package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.audit.AuditLog;
import dev.opendesk.core.audit.AuditRecord;
import dev.opendesk.core.auth.AuthFailure;
import dev.opendesk.core.auth.EncryptedConnection;
import dev.opendesk.core.auth.HandshakeKind;
import dev.opendesk.core.auth.HandshakeResult;
import dev.opendesk.core.auth.HandshakeSettings;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.ServerHandshake;
import dev.opendesk.core.auth.TrustedPeer;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.CapabilityManifest;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.policy.Policy;
import dev.opendesk.core.protocol.ComputerDispatcher;
import dev.opendesk.core.protocol.ErrorInfo;
import dev.opendesk.core.protocol.Frame;
import dev.opendesk.core.protocol.FrameCodec;
import dev.opendesk.core.protocol.Peer;
import dev.opendesk.core.protocol.PeerOptions;
import dev.opendesk.core.protocol.WireModel;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Listener;
import dev.opendesk.core.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host side of opendesk (protocol §5.6, §9): accepts connections, runs the pairing or auth
 * handshake, applies the single-controller rule under one lock, opens the encrypted session with
 * the desktop's manifest (and the description from {@code description.txt}) and serves the
 * {@link Computer} through the policy and audit gate. Anything a connection does wrong closes that
 * connection only, audited as {@code session.rejected} or {@code session.closed}.
 */
public final class HostServer implements SessionAdmin, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostServer.class);

    /**
     * Tunables.
     *
     * @param maxPairingFailures failed guesses that close the pairing window
     * @param pairingPenalty delay after each failed guess before the next attempt
     * @param busyGrace how long a refused controller gets to send its HELLO before we close
     * @param handshake handshake timeouts
     * @param peer session limits
     */
    public record Settings(int maxPairingFailures, Duration pairingPenalty, Duration busyGrace,
                           HandshakeSettings handshake, PeerOptions peer) {
        public Settings {
            requireNonNull(pairingPenalty, "pairingPenalty is null");
            requireNonNull(busyGrace, "busyGrace is null");
            requireNonNull(handshake, "handshake is null");
            requireNonNull(peer, "peer is null");
        }

        /** 5 failures, 1 s penalty, 2 s busy grace, 10 s handshake timeout, 64 MiB messages. */
        public static Settings defaults() {
            return new Settings(5, Duration.ofSeconds(1), Duration.ofSeconds(2), HandshakeSettings.defaults(), PeerOptions.DEFAULTS);
        }
    }

    private final Identity identity;
    private final TrustedPeerStore trust;
    private final HomeFiles homeFiles;
    private final Computer computer;
    private final Policy policy;
    private final AuditLog audit;
    private final Settings settings;
    private final PairingWindow pairing;
    private final ServerHandshake handshake;
    private final Object sessionLock = new Object();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<Listener> listeners = new ArrayList<>();
    private volatile boolean closed;

    public HostServer(Identity identity, TrustedPeerStore trust, HomeFiles homeFiles, Computer computer, Policy policy,
                      AuditLog audit, Settings settings) {
        this.identity = requireNonNull(identity, "identity is null");
        this.trust = requireNonNull(trust, "trust is null");
        this.homeFiles = requireNonNull(homeFiles, "homeFiles is null");
        this.computer = requireNonNull(computer, "computer is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.pairing = new PairingWindow(settings.maxPairingFailures(), settings.pairingPenalty());
        this.handshake = new ServerHandshake(identity, pairing::psk, trust::containsAsController, settings.handshake());
    }

    /** Listens on {@code endpoint} with {@code transport}; returns the bound endpoint. */
    public Endpoint listen(Transport transport, Endpoint endpoint) {
        Listener listener = transport.listen(endpoint, this::accept);
        synchronized (listeners) {
            listeners.add(listener);
        }
        return listener.endpoint();
    }

    /** The pairing window (open it to let a controller pair). */
    public PairingWindow pairing() {
        return pairing;
    }

    /** The host's identity. */
    public Identity identity() {
        return identity;
    }

    /** Serves one freshly accepted connection to its end; call on a thread of its own. */
    public void accept(Connection connection) {
        if (closed) {
            connection.close();
            return;
        }
        String remote = connection.remoteAddress();
        HandshakeResult result;
        try {
            result = pairing.isOpen() ? pairing.attempt(() -> handshake.accept(connection)) : handshake.accept(connection);
        } catch (AuthFailure failure) {
            rejected(remote, "auth_failed: " + failure.reason().wire(), "", "");
            return;
        } catch (RuntimeException error) {
            connection.close();
            rejected(remote, "handshake_error: " + error.getMessage(), "", "");
            return;
        }
        String mode = result.kind() == HandshakeKind.PAIRING ? "pair" : "serve";
        if (result.kind() == HandshakeKind.PAIRING) {
            TrustedPeer added = trust.add(result.peerPublicKey(), TrustedPeer.defaultName(result.peerPublicKeyHex()), TrustedPeer.ROLE_ANY);
            pairing.succeeded(new PairingWindow.PairedController(result.peerPublicKey(), added.name(), result.peerFingerprint()));
        }
        EncryptedConnection encrypted = result.encrypt(connection);
        serve(encrypted, result, remote, mode);
    }

    private void serve(EncryptedConnection connection, HandshakeResult result, String remote, String mode) {
        String keyHex = result.peerPublicKeyHex();
        String name = trust.findByKey(result.peerPublicKey()).map(TrustedPeer::name).filter(n -> !n.isBlank()).orElse("?");
        String fingerprint = AuditRecord.fingerprintOf(result.peerPublicKey());
        Session session;
        String busyNames = null;
        synchronized (sessionLock) {
            for (Session same : sessions.values().stream().filter(s -> s.info.peerPublicKeyHex().equals(keyHex)).toList()) {
                evict(same); // the same controller reconnecting bumps its old session
            }
            if (!sessions.isEmpty()) {
                busyNames = sessions.values().stream().map(s -> s.info.peerName()).collect(Collectors.joining(", "));
                session = null;
            } else {
                String id = UUID.randomUUID().toString().substring(0, 8);
                session = new Session(new SessionInfo(id, name, keyHex, remote, now(), mode), fingerprint);
                sessions.put(id, session);
            }
        }
        if (session == null) {
            refuseBusy(connection, busyNames);
            rejected(remote, "busy: " + busyNames, fingerprint, name);
            return;
        }
        audit.record(AuditRecord.sessionOpened(now(), fingerprint, name, session.info.id(), remote, mode));
        GatedDispatcher gate = new GatedDispatcher(new ComputerDispatcher(computer), policy, audit, session.info.id(),
                peerLabel(name, keyHex), fingerprint, name);
        Peer peer;
        try {
            peer = Peer.open(connection, Frame.Hello.server(helloCapabilities()), gate, settings.peer());
        } catch (OpendeskException e) {
            end(session, "error: " + e.getMessage());
            return;
        }
        peer.onClose(reason -> end(session, reasonOf(reason)));
        session.attach(peer); // evicts at once if a kill arrived during the HELLO exchange
    }

    private Map<String, @Nullable Object> helloCapabilities() {
        CapabilityManifest manifest = computer.capabilities();
        String description = homeFiles.readDescription();
        if (!description.isBlank()) {
            manifest = manifest.withDescription(description);
        }
        return WireModel.toWire(manifest);
    }

    private void refuseBusy(Connection connection, String names) {
        try {
            connection.send(FrameCodec.encode(Frame.Hello.rejection(ErrorInfo.of(ErrorCode.BUSY,
                    "server is busy: " + names + " is the active controller. Disconnect them to take over."))));
            connection.receive(settings.busyGrace()); // the client's HELLO, if it comes
        } catch (OpendeskException e) {
            LOG.debug("busy rejection: {}", e.getMessage());
        } finally {
            connection.close();
        }
    }

    private void end(Session session, String reason) {
        boolean removed;
        synchronized (sessionLock) {
            removed = sessions.remove(session.info.id(), session);
        }
        if (removed || !session.closedAudited) {
            session.closedAudited = true;
            audit.record(AuditRecord.sessionClosed(now(), session.fingerprint, session.info.peerName(), session.info.id(),
                    now() - session.info.startedAt(), reason));
        }
    }

    /**
     * The audit reason of a session's end: {@code ""} for a clean close by either side, else
     * {@code error: <why>}. The Peer reports every failure of its connection as
     * {@code connection closed by peer (<what the connection said>)}, so the connection's own
     * words decide: a tampered frame, an oversized or text message or a missed pong is an error.
     */
    private static String reasonOf(OpendeskException reason) {
        String message = String.valueOf(reason.getMessage());
        String prefix = "connection closed by peer (";
        String cause = message.startsWith(prefix) && message.endsWith(")")
                ? message.substring(prefix.length(), message.length() - 1) : message;
        return cause.equals("connection closed") || cause.startsWith("connection closed by peer") ? "" : "error: " + cause;
    }

    @Override
    public List<SessionInfo> sessions() {
        synchronized (sessionLock) {
            return sessions.values().stream().map(s -> s.info).toList();
        }
    }

    @Override
    public int kill(String sessionId) {
        Session session;
        synchronized (sessionLock) {
            session = sessions.get(sessionId);
        }
        if (session == null) {
            return 0;
        }
        evict(session);
        return 1;
    }

    @Override
    public int killAll() {
        List<Session> all;
        synchronized (sessionLock) {
            all = new ArrayList<>(sessions.values());
        }
        all.forEach(this::evict);
        return all.size();
    }

    /** Unregisters a session and evicts it. */
    private void evict(Session session) {
        synchronized (sessionLock) {
            sessions.remove(session.info.id(), session);
        }
        session.evict();
    }

    /** Stops listening, closes the pairing window and evicts the active session. */
    @Override
    public void close() {
        closed = true;
        synchronized (listeners) {
            listeners.forEach(Listener::close);
            listeners.clear();
        }
        pairing.close("server shutting down");
        killAll();
    }

    private void rejected(String remote, String reason, String fingerprint, String name) {
        LOG.info("rejected {}: {}", remote, reason);
        audit.record(AuditRecord.sessionRejected(now(), fingerprint, name, remote, reason));
    }

    private static String peerLabel(String name, String keyHex) {
        return name.equals("?") ? "peer-" + keyHex.substring(0, 6) : name;
    }

    private static Map<String, @Nullable Object> fields(Object... keysAndValues) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    /** One registered controller session; its peer arrives once the HELLOs are exchanged. */
    private static final class Session {
        final SessionInfo info;
        final String fingerprint;
        private @Nullable Peer peer;
        private boolean evictionRequested;
        volatile boolean closedAudited;

        Session(SessionInfo info, String fingerprint) {
            this.info = info;
            this.fingerprint = fingerprint;
        }

        synchronized void attach(Peer attached) {
            peer = attached;
            if (evictionRequested) {
                pushEvictionAndClose(attached);
            }
        }

        synchronized void evict() {
            evictionRequested = true;
            if (peer != null) {
                pushEvictionAndClose(peer);
            }
        }

        /** PUSH {@code session.evicted} {@code {"reason":"admin_disconnect"}}, then close. */
        private static void pushEvictionAndClose(Peer peer) {
            try {
                peer.push(Frame.Push.SESSION_EVICTED, fields("reason", "admin_disconnect"));
            } catch (OpendeskException e) {
                LOG.debug("could not send the eviction: {}", e.getMessage());
            }
            peer.close();
        }
    }

    /** Exposed for tests: the session registry is empty. */
    Optional<SessionInfo> activeSession() {
        return sessions().stream().findFirst();
    }
}
