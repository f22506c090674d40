package dev.opendesk.core.auth;

import static dev.opendesk.core.auth.HandshakeCrypto.concat;
import static dev.opendesk.core.auth.HandshakeCrypto.dh;
import static java.util.Objects.requireNonNull;

import dev.opendesk.core.transport.Connection;
import java.security.MessageDigest;
import java.util.function.Predicate;

/**
 * The reconnect handshake of protocol §6: two plaintext msgpack messages authenticated by the
 * static keys pinned at pairing. On any failure the connection is closed and {@link AuthFailure}
 * is thrown. An untrusted client gets the deliberately ambiguous rejection of §6.4 (an
 * {@code auth_offer} with an empty {@code ct}), so it sees {@code unexpected_peer}, exactly as
 * when the server holds another key; the server side fails with {@code untrusted_peer}.
 */
public final class AuthHandshake {
    private static final byte[] EMPTY = new byte[0];

    private AuthHandshake() {}

    /** Client side: proves our key and checks that the server holds {@code expectedServerPublicKey}. */
    public static HandshakeResult client(Connection connection, Identity identity, byte[] expectedServerPublicKey) {
        return client(connection, identity, expectedServerPublicKey, HandshakeSettings.defaults());
    }

    /** Client side with explicit settings. */
    public static HandshakeResult client(Connection connection, Identity identity, byte[] expectedServerPublicKey,
            HandshakeSettings settings) {
        requireNonNull(connection, "connection is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(expectedServerPublicKey, "expectedServerPublicKey is null");
        requireNonNull(settings, "settings is null");
        if (expectedServerPublicKey.length != X25519.KEY_LENGTH) {
            throw new IllegalArgumentException("expectedServerPublicKey must be 32 bytes, got "
                    + expectedServerPublicKey.length);
        }
        HandshakeChannel channel = new HandshakeChannel(connection, settings);
        try {
            return runClient(channel, identity, expectedServerPublicKey.clone(), settings);
        } catch (AuthFailure e) {
            channel.closeQuietly();
            throw e;
        }
    }

    /**
     * Server side: accepts a client whose static key passes {@code trustedAsController}
     * (normally {@link TrustedPeerStore#containsAsController}).
     */
    public static HandshakeResult server(Connection connection, Identity identity, Predicate<byte[]> trustedAsController) {
        return server(connection, identity, trustedAsController, HandshakeSettings.defaults());
    }

    /** Server side with explicit settings. */
    public static HandshakeResult server(Connection connection, Identity identity, Predicate<byte[]> trustedAsController,
            HandshakeSettings settings) {
        requireNonNull(connection, "connection is null");
        requireNonNull(settings, "settings is null");
        HandshakeChannel channel = new HandshakeChannel(connection, settings);
        byte[] hello;
        try {
            hello = channel.receive(HandshakeCodec.AUTH_HELLO);
        } catch (AuthFailure e) {
            channel.closeQuietly();
            throw e;
        }
        return serverAfterHello(channel, hello, identity, trustedAsController, settings);
    }

    static HandshakeResult serverAfterHello(HandshakeChannel channel, byte[] hello, Identity identity,
            Predicate<byte[]> trustedAsController, HandshakeSettings settings) {
        requireNonNull(identity, "identity is null");
        requireNonNull(trustedAsController, "trustedAsController is null");
        try {
            return runServer(channel, hello, identity, trustedAsController, settings);
        } catch (AuthFailure e) {
            channel.closeQuietly();
            throw e;
        }
    }

    private static HandshakeResult runClient(HandshakeChannel channel, Identity identity, byte[] expectedServer,
            HandshakeSettings settings) {
        byte[] eC = settings.nextEphemeralKey();
        byte[] eCPub = X25519.publicKey(eC);
        byte[] sCPub = identity.publicKey();
        channel.send(HandshakeCodec.authHello(eCPub, sCPub), HandshakeCodec.AUTH_HELLO);

        HandshakeCodec.AuthOffer offer = HandshakeCodec.parseAuthOffer(channel.receive(HandshakeCodec.AUTH_OFFER));
        byte[] eSPub = offer.e();
        byte[] dh1 = dh(eC, eSPub);
        byte[] dh2 = dh(eC, expectedServer);
        byte[] transcript = HandshakeCrypto.sha256(eSPub, eCPub, sCPub);
        byte[] k = HandshakeCrypto.hkdf32(transcript, concat(dh1, dh2), HandshakeCrypto.INFO_AUTH_K);
        byte[] ok;
        try {
            ok = HandshakeCrypto.open(k, offer.ct());
        } catch (HandshakeCrypto.BadTag e) {
            throw new AuthFailure(AuthFailure.Reason.UNEXPECTED_PEER,
                    "server did not prove the expected key (or does not trust us)", e);
        }
        if (!MessageDigest.isEqual(ok, HandshakeCrypto.AUTH_OK)) {
            throw AuthFailure.protocol("auth confirmation is not 'ok'");
        }
        byte[] ikm = concat(dh1, dh2, dh(identity, eSPub), dh(identity, expectedServer));
        return new HandshakeResult(HandshakeKind.AUTH, Side.CLIENT, expectedServer,
                HandshakeCrypto.sessionKeys(transcript, ikm));
    }

    private static HandshakeResult runServer(HandshakeChannel channel, byte[] hello, Identity identity,
            Predicate<byte[]> trustedAsController, HandshakeSettings settings) {
        HandshakeCodec.AuthHello parsed = HandshakeCodec.parseAuthHello(hello);
        byte[] eCPub = parsed.e();
        byte[] sCPub = parsed.s();
        byte[] eS = settings.nextEphemeralKey();
        byte[] eSPub = X25519.publicKey(eS);

        boolean trusted;
        try {
            trusted = trustedAsController.test(sCPub.clone());
        } catch (RuntimeException e) {
            throw new AuthFailure(AuthFailure.Reason.PROTOCOL, "trust check failed: " + e.getMessage(), e);
        }
        if (!trusted) {
            // §6.4: indistinguishable from a wrong server key on the client side.
            channel.send(HandshakeCodec.authOffer(eSPub, EMPTY), HandshakeCodec.AUTH_OFFER);
            throw new AuthFailure(AuthFailure.Reason.UNTRUSTED_PEER, "client static key "
                    + Fingerprint.of(sCPub) + " is not trusted as controller");
        }

        byte[] dh1 = dh(eS, eCPub);
        byte[] dh2 = dh(identity, eCPub);
        byte[] dh3 = dh(eS, sCPub);
        byte[] dh4 = dh(identity, sCPub);
        byte[] transcript = HandshakeCrypto.sha256(eSPub, eCPub, sCPub);
        byte[] k = HandshakeCrypto.hkdf32(transcript, concat(dh1, dh2), HandshakeCrypto.INFO_AUTH_K);
        byte[] ct = HandshakeCrypto.seal(k, HandshakeCrypto.AUTH_OK);
        channel.send(HandshakeCodec.authOffer(eSPub, ct), HandshakeCodec.AUTH_OFFER);
        return new HandshakeResult(HandshakeKind.AUTH, Side.SERVER, sCPub,
                HandshakeCrypto.sessionKeys(transcript, concat(dh1, dh2, dh3, dh4)));
    }
}
