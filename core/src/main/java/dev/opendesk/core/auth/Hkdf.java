package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869). The salt is used exactly as given (the protocol always passes a
 * non-empty one: the PSK, PSK||ct1 or a transcript hash); an empty salt means RFC 5869's default
 * of 32 zero bytes.
 */
public final class Hkdf {
    /** SHA-256 output length. */
    public static final int HASH_LENGTH = 32;
    private static final String HMAC = "HmacSHA256";

    private Hkdf() {}

    /** HKDF-Extract: {@code PRK = HMAC(salt, ikm)}. */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        requireNonNull(ikm, "ikm is null");
        Mac mac = mac(requireNonNull(salt, "salt is null").length == 0 ? new byte[HASH_LENGTH] : salt);
        return mac.doFinal(ikm);
    }

    /** HKDF-Expand: {@code length} bytes (at most 255 × 32) from a pseudo-random key. */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        requireNonNull(info, "info is null");
        if (length < 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF length out of range: " + length);
        }
        Mac mac = mac(requireNonNull(prk, "prk is null"));
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        int written = 0;
        for (int i = 1; written < length; i++) {
            mac.update(previous);
            mac.update(info);
            mac.update((byte) i);
            previous = mac.doFinal();
            int n = Math.min(previous.length, length - written);
            System.arraycopy(previous, 0, out, written, n);
            written += n;
        }
        return out;
    }

    /** Extract then expand. */
    public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        return expand(extract(salt, ikm), info, length);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("bad HMAC key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
