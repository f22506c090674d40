package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.transport.Connection;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The server's entry point for a new connection (protocol §9 step 2): reads the first message,
 * then asks the pairing window. While it is open (a PSK is present) the connection runs the
 * pairing handshake, so an already-paired client's {@code auth_hello} fails with
 * {@code protocol}; otherwise it runs the auth handshake. Failures close the connection and throw
 * {@link AuthFailure}. Thread-safe; one instance serves every connection.
 */
public final class ServerHandshake {
    private final Identity identity;
    private final Supplier<Optional<Psk>> pairingWindow;
    private final Predicate<byte[]> trustedAsController;
    private final HandshakeSettings settings;

    /**
     * @param identity the server's identity
     * @param pairingWindow the current pairing PSK while pairing is enabled, else empty
     * @param trustedAsController whether a client static key may control us (normally
     *     {@link TrustedPeerStore#containsAsController})
     */
    public ServerHandshake(Identity identity, Supplier<Optional<Psk>> pairingWindow,
            Predicate<byte[]> trustedAsController) {
        this(identity, pairingWindow, trustedAsController, HandshakeSettings.defaults());
    }

    public ServerHandshake(Identity identity, Supplier<Optional<Psk>> pairingWindow,
            Predicate<byte[]> trustedAsController, HandshakeSettings settings) {
        this.identity = requireNonNull(identity, "identity is null");
        this.pairingWindow = requireNonNull(pairingWindow, "pairingWindow is null");
        this.trustedAsController = requireNonNull(trustedAsController, "trustedAsController is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Runs the handshake the pairing window calls for on a freshly accepted connection. */
    public HandshakeResult accept(Connection connection) {
        HandshakeChannel channel = new HandshakeChannel(requireNonNull(connection, "connection is null"), settings);
        byte[] first;
        Optional<Psk> psk;
        try {
            first = channel.receive("the first handshake message");
            psk = requireNonNull(pairingWindow.get(), "pairingWindow returned null");
        } catch (AuthFailure e) {
            channel.closeQuietly();
            throw e;
        } catch (RuntimeException e) {
            channel.closeQuietly();
            throw new AuthFailure(AuthFailure.Reason.PROTOCOL, "pairing window check failed: " + e.getMessage(), e);
        }
        if (psk.isPresent()) {
            return PairingHandshake.serverAfterHello(channel, first, psk.get(), identity, settings);
        }
        return AuthHandshake.serverAfterHello(channel, first, identity, trustedAsController, settings);
    }
}
