package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The two per-direction ChaCha20-Poly1305 keys of one connection (protocol §5.4/§6.3): the first
 * and second halves of the 64-byte HKDF output. Arrays are copied in and out.
 *
 * @param c2s the client-to-server key, 32 bytes
 * @param s2c the server-to-client key, 32 bytes
 */
public record SessionKeys(byte[] c2s, byte[] s2c) {
    /** The length of each key. */
    public static final int KEY_LENGTH = 32;

    public SessionKeys {
        c2s = check(c2s, "c2s");
        s2c = check(s2c, "s2c");
    }

    /** Splits a 64-byte HKDF output into {@code c2s = okm[0:32]}, {@code s2c = okm[32:64]}. */
    public static SessionKeys split(byte[] okm) {
        requireNonNull(okm, "okm is null");
        if (okm.length != 2 * KEY_LENGTH) {
            throw new IllegalArgumentException("session key material must be 64 bytes, got " + okm.length);
        }
        return new SessionKeys(Arrays.copyOfRange(okm, 0, KEY_LENGTH), Arrays.copyOfRange(okm, KEY_LENGTH, 2 * KEY_LENGTH));
    }

    @Override
    public byte[] c2s() {
        return c2s.clone();
    }

    @Override
    public byte[] s2c() {
        return s2c.clone();
    }

    /** The key this side sends with. */
    public byte[] sendKey(Side side) {
        return requireNonNull(side, "side is null") == Side.CLIENT ? c2s() : s2c();
    }

    /** The key this side receives with. */
    public byte[] receiveKey(Side side) {
        return requireNonNull(side, "side is null") == Side.CLIENT ? s2c() : c2s();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionKeys other && MessageDigest.isEqual(c2s, other.c2s)
                && MessageDigest.isEqual(s2c, other.s2c);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(c2s) + Arrays.hashCode(s2c);
    }

    @Override
    public String toString() {
        return "SessionKeys[redacted]";
    }

    private static byte[] check(byte[] key, String name) {
        requireNonNull(key, name + " is null");
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(name + " must be 32 bytes, got " + key.length);
        }
        return key.clone();
    }
}
