package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The pairing pre-shared key of protocol §5.1:
 * {@code PBKDF2-HMAC-SHA256(UTF-8(code), "opendesk-psk-v1", 200000, 32)}.
 *
 * <p>The JDK's PBKDF2 takes the password as {@code char[]} and encodes it as UTF-8 (SunJCE
 * {@code PBKDF2KeyImpl}), which is exactly Python's {@code code.encode("utf-8")} for every
 * well-formed string, including non-ASCII codes given to {@code pair --code}. (A string with an
 * unpaired surrogate, which Python would refuse to encode, is rejected here.) Derivation costs
 * about 0.1 s; nothing is cached.
 */
public final class Psk {
    /** The PBKDF2 salt, {@code "opendesk-psk-v1"}. */
    public static final String SALT = "opendesk-psk-v1";
    /** The PBKDF2 iteration count. */
    public static final int ITERATIONS = 200_000;
    /** The PSK length in bytes. */
    public static final int LENGTH = 32;

    private final byte[] key;

    private Psk(byte[] key) {
        this.key = key;
    }

    /** Derives the PSK of a pairing code. */
    public static Psk derive(String code) {
        requireNonNull(code, "code is null");
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(code)) {
            throw new IllegalArgumentException("pairing code is not valid Unicode");
        }
        char[] password = code.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(password, SALT.getBytes(StandardCharsets.US_ASCII), ITERATIONS, LENGTH * 8);
        try {
            return new Psk(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(password, '\0');
        }
    }

    /** Wraps an already derived 32-byte PSK. */
    public static Psk of(byte[] key) {
        requireNonNull(key, "key is null");
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("PSK must be 32 bytes, got " + key.length);
        }
        return new Psk(key.clone());
    }

    /** The 32 key bytes (a copy). */
    public byte[] bytes() {
        return key.clone();
    }

    byte[] raw() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Psk other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "Psk[redacted]";
    }
}
