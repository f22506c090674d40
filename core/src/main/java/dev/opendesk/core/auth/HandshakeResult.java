package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.transport.Connection;
import java.util.Arrays;

/**
 * The outcome of a successful handshake: the peer's now-verified static public key and the
 * session keys. {@link #encrypt(Connection)} wraps the handshake's connection for the frames.
 *
 * @param kind which handshake ran
 * @param side which end we were
 * @param peerPublicKey the peer's 32-byte static public key (copied in and out)
 * @param sessionKeys the per-direction keys
 */
public record HandshakeResult(HandshakeKind kind, Side side, byte[] peerPublicKey, SessionKeys sessionKeys) {
    public HandshakeResult {
        requireNonNull(kind, "kind is null");
        requireNonNull(side, "side is null");
        requireNonNull(peerPublicKey, "peerPublicKey is null");
        requireNonNull(sessionKeys, "sessionKeys is null");
        if (peerPublicKey.length != X25519.KEY_LENGTH) {
            throw new IllegalArgumentException("peerPublicKey must be 32 bytes, got " + peerPublicKey.length);
        }
        peerPublicKey = peerPublicKey.clone();
    }

    @Override
    public byte[] peerPublicKey() {
        return peerPublicKey.clone();
    }

    /** The peer's display fingerprint. */
    public String peerFingerprint() {
        return Fingerprint.of(peerPublicKey);
    }

    /** The peer's key as lowercase hex (the trusted-peers form). */
    public String peerPublicKeyHex() {
        return Fingerprint.hex(peerPublicKey);
    }

    /** Wraps the connection the handshake ran on into the encrypted connection for this side. */
    public EncryptedConnection encrypt(Connection connection) {
        return new EncryptedConnection(connection, sessionKeys, side);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakeResult other && kind == other.kind && side == other.side
                && Arrays.equals(peerPublicKey, other.peerPublicKey) && sessionKeys.equals(other.sessionKeys);
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + side.hashCode()) * 31 + Arrays.hashCode(peerPublicKey)) * 31
                + sessionKeys.hashCode();
    }

    @Override
    public String toString() {
        return "HandshakeResult[kind=" + kind + ", side=" + side + ", peer=" + peerFingerprint() + "]";
    }
}
