package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.auth.AuthHandshake;
import dev.opendesk.core.auth.HandshakeResult;
import dev.opendesk.core.auth.HandshakeSettings;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.PairingHandshake;
import dev.opendesk.core.auth.TrustedPeer;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.protocol.Frame;
import dev.opendesk.core.protocol.Peer;
import dev.opendesk.core.protocol.PeerOptions;
import dev.opendesk.core.protocol.WireModel;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Transport;
import java.time.Duration;
import java.util.List;

/**
 * The controller side: pairs with a host ({@code pair-with}) and opens authenticated sessions to
 * paired hosts, optionally reconnecting on their own (protocol §9).
 */
public final class Controller {
    /** Sleeps between reconnect attempts (protocol §9). */
    public static final List<Duration> RECONNECT_DELAYS = List.of(Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(5));
    /** Wall-clock budget of one reconnect. */
    public static final Duration RECONNECT_BUDGET = Duration.ofSeconds(30);

    private final Identity identity;
    private final TrustedPeerStore trust;
    private final Transport transport;
    private final HandshakeSettings handshake;
    private final PeerOptions peerOptions;

    public Controller(Identity identity, TrustedPeerStore trust, Transport transport, HandshakeSettings handshake,
                      PeerOptions peerOptions) {
        this.identity = requireNonNull(identity, "identity is null");
        this.trust = requireNonNull(trust, "trust is null");
        this.transport = requireNonNull(transport, "transport is null");
        this.handshake = requireNonNull(handshake, "handshake is null");
        this.peerOptions = requireNonNull(peerOptions, "peerOptions is null");
    }

    /** A host this controller paired with. */
    public record PairedHost(String name, String fingerprint) {
    }

    /**
     * Pairs with a host showing {@code code}, remembers it (under {@code name}, or
     * {@code peer-<6 hex>}) with its endpoint, and ends the session.
     *
     * @throws dev.opendesk.core.auth.AuthFailure {@code wrong_code} when the codes differ
     */
    public PairedHost pairWith(Endpoint endpoint, String code, String name) {
        Connection connection = transport.dial(endpoint);
        HandshakeResult result = PairingHandshake.client(connection, dev.opendesk.core.auth.Psk.derive(code), identity, handshake);
        String chosen = name.isBlank() ? TrustedPeer.defaultName(result.peerPublicKeyHex()) : name;
        trust.add(result.peerPublicKey(), chosen, TrustedPeer.ROLE_ANY);
        trust.cacheEndpoint(result.peerPublicKey(), endpoint.host(), endpoint.port());
        try (Peer peer = Peer.open(result.encrypt(connection), Frame.Hello.client(), null, peerOptions)) {
            cacheDescription(result.peerPublicKey(), peer);
        } catch (OpendeskException e) {
            // the pairing itself succeeded; the session after it is a courtesy
        }
        return new PairedHost(chosen, result.peerFingerprint());
    }

    /**
     * Opens an authenticated session to {@code target}.
     *
     * @param autoReconnect whether transient failures reconnect (and replay idempotent calls once)
     */
    public RemoteSession connect(Target target, boolean autoReconnect) {
        RemoteSession session = new RemoteSession(this, target, autoReconnect);
        session.reconnectNow();
        return session;
    }

    /** One dial + auth handshake + HELLO; updates the trust store's caches. */
    Peer open(Target target) {
        Connection connection = transport.dial(target.endpoint());
        HandshakeResult result = AuthHandshake.client(connection, identity, target.publicKey(), handshake);
        Peer peer = Peer.open(result.encrypt(connection), Frame.Hello.client(), null, peerOptions);
        if (target.trustedName().isPresent()) {
            trust.cacheEndpoint(target.publicKey(), target.endpoint().host(), target.endpoint().port());
        }
        cacheDescription(target.publicKey(), peer);
        return peer;
    }

    private void cacheDescription(byte[] key, Peer peer) {
        String description = WireModel.manifestOrEmpty(peer.serverCapabilities()).description();
        if (!description.isBlank()) {
            trust.cacheDescription(key, description);
        }
    }
}
