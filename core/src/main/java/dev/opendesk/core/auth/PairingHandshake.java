package dev.opendesk.core.auth;

import static dev.opendesk.core.auth.HandshakeCrypto.concat;
import static dev.opendesk.core.auth.HandshakeCrypto.dh;
import static dev.opendesk.core.auth.HandshakeCrypto.hkdf32;
import static java.util.Objects.requireNonNull;

import dev.opendesk.core.transport.Connection;

/**
 * The pairing handshake of protocol §5: three plaintext msgpack messages authenticated by the
 * PSK of a pairing code, after which both sides know each other's static public key and share
 * the session keys. On any failure the connection is closed and {@link AuthFailure} is thrown
 * ({@code wrong_code} for a code mismatch, {@code protocol} for everything else). Persisting the
 * peer's key is the caller's job.
 */
public final class PairingHandshake {
    private PairingHandshake() {}

    /** Client side with a pairing code (derives the PSK here, ~0.1 s). */
    public static HandshakeResult client(Connection connection, String code, Identity identity) {
        return client(connection, Psk.derive(requireNonNull(code, "code is null")), identity, HandshakeSettings.defaults());
    }

    /** Client side with an already derived PSK and default settings. */
    public static HandshakeResult client(Connection connection, Psk psk, Identity identity) {
        return client(connection, psk, identity, HandshakeSettings.defaults());
    }

    /** Client side with an already derived PSK. */
    public static HandshakeResult client(Connection connection, Psk psk, Identity identity, HandshakeSettings settings) {
        requireNonNull(connection, "connection is null");
        requireNonNull(psk, "psk is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(settings, "settings is null");
        HandshakeChannel channel = new HandshakeChannel(connection, settings);
        try {
            return runClient(channel, psk.raw(), identity, settings);
        } catch (AuthFailure e) {
            channel.closeQuietly();
            throw e;
        }
    }

    /** Server side with a pairing code. */
    public static HandshakeResult server(Connection connection, String code, Identity identity) {
        return server(connection, Psk.derive(requireNonNull(code, "code is null")), identity, HandshakeSettings.defaults());
    }

    /** Server side with an already derived PSK and default settings. */
    public static HandshakeResult server(Connection connection, Psk psk, Identity identity) {
        return server(connection, psk, identity, HandshakeSettings.defaults());
    }

    /** Server side with an already derived PSK (derive it once per pairing window). */
    public static HandshakeResult server(Connection connection, Psk psk, Identity identity, HandshakeSettings settings) {
        requireNonNull(connection, "connection is null");
        requireNonNull(settings, "settings is null");
        HandshakeChannel channel = new HandshakeChannel(connection, settings);
        byte[] hello;
        try {
            hello = channel.receive(HandshakeCodec.PAIR_HELLO);
        } catch (AuthFailure e) {
            channel.closeQuietly();
            throw e;
        }
        return serverAfterHello(channel, hello, psk, identity, settings);
    }

    /** Server side once the first message has been received (used by {@link ServerHandshake}). */
    static HandshakeResult serverAfterHello(HandshakeChannel channel, byte[] hello, Psk psk, Identity identity,
            HandshakeSettings settings) {
        requireNonNull(psk, "psk is null");
        requireNonNull(identity, "identity is null");
        try {
            return runServer(channel, hello, psk.raw(), identity, settings);
        } catch (AuthFailure e) {
            channel.closeQuietly();
            throw e;
        }
    }

    private static HandshakeResult runClient(HandshakeChannel channel, byte[] psk, Identity identity,
            HandshakeSettings settings) {
        byte[] eC = settings.nextEphemeralKey();
        byte[] eCPub = X25519.publicKey(eC);
        channel.send(HandshakeCodec.pairHello(eCPub), HandshakeCodec.PAIR_HELLO);

        HandshakeCodec.PairOffer offer = HandshakeCodec.parsePairOffer(channel.receive(HandshakeCodec.PAIR_OFFER));
        byte[] eSPub = offer.e();
        byte[] ct1 = offer.ct();
        byte[] ee = dh(eC, eSPub);
        byte[] k1 = hkdf32(psk, ee, HandshakeCrypto.INFO_PAIR_K1);
        byte[] serverStatic;
        try {
            serverStatic = HandshakeCrypto.open(k1, ct1);
        } catch (HandshakeCrypto.BadTag e) {
            throw new AuthFailure(AuthFailure.Reason.WRONG_CODE, "server PSK does not match — wrong code?", e);
        }
        if (serverStatic.length != X25519.KEY_LENGTH) {
            throw AuthFailure.protocol("decrypted server static key wrong length");
        }

        byte[] k2 = hkdf32(concat(psk, ct1), ee, HandshakeCrypto.INFO_PAIR_K2);
        byte[] ct2 = HandshakeCrypto.seal(k2, identity.publicKey());
        // Check the server's static key before sending anything that commits us.
        byte[] dhStatic = dh(eC, serverStatic);
        channel.send(HandshakeCodec.pairFinish(ct2), HandshakeCodec.PAIR_FINISH);

        byte[] transcript = HandshakeCrypto.sha256(eSPub, eCPub, ct1, ct2);
        byte[] ikm = concat(ee, dhStatic, dh(identity, eSPub), psk);
        return new HandshakeResult(HandshakeKind.PAIRING, Side.CLIENT, serverStatic,
                HandshakeCrypto.sessionKeys(transcript, ikm));
    }

    private static HandshakeResult runServer(HandshakeChannel channel, byte[] hello, byte[] psk, Identity identity,
            HandshakeSettings settings) {
        byte[] eCPub = HandshakeCodec.parsePairHello(hello).e();
        byte[] eS = settings.nextEphemeralKey();
        byte[] eSPub = X25519.publicKey(eS);
        byte[] ee = dh(eS, eCPub);
        byte[] k1 = hkdf32(psk, ee, HandshakeCrypto.INFO_PAIR_K1);
        byte[] ct1 = HandshakeCrypto.seal(k1, identity.publicKey());
        channel.send(HandshakeCodec.pairOffer(eSPub, ct1), HandshakeCodec.PAIR_OFFER);

        // from here on, every failure used up one guess at the code
        byte[] ct2;
        byte[] clientStatic;
        try {
            ct2 = HandshakeCodec.parsePairFinish(channel.receive(HandshakeCodec.PAIR_FINISH)).ct();
            byte[] k2 = hkdf32(concat(psk, ct1), ee, HandshakeCrypto.INFO_PAIR_K2);
            try {
                clientStatic = HandshakeCrypto.open(k2, ct2);
            } catch (HandshakeCrypto.BadTag e) {
                throw new AuthFailure(AuthFailure.Reason.WRONG_CODE, "client could not prove the pairing code", e);
            }
            if (clientStatic.length != X25519.KEY_LENGTH) {
                throw AuthFailure.protocol("decrypted client static key wrong length");
            }
        } catch (AuthFailure e) {
            throw e.asPairingGuess();
        }

        byte[] transcript = HandshakeCrypto.sha256(eSPub, eCPub, ct1, ct2);
        byte[] ikm = concat(ee, dh(identity, eCPub), dh(eS, clientStatic), psk);
        return new HandshakeResult(HandshakeKind.PAIRING, Side.SERVER, clientStatic,
                HandshakeCrypto.sessionKeys(transcript, ikm));
    }
}
