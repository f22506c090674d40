package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * X25519 (RFC 7748) over raw 32-byte keys, on the JDK's {@code XDH} provider. A private key is the
 * raw scalar, stored unclamped as generated (clamping happens at use); a public key is the raw
 * little-endian u-coordinate.
 */
public final class X25519 {
    /** Length of every raw key and shared secret. */
    public static final int KEY_LENGTH = 32;
    private static final byte[] BASE_POINT = basePoint();

    private X25519() {}

    /** A fresh random private key (raw scalar). */
    public static byte[] generatePrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
            XECPrivateKey key = (XECPrivateKey) generator.generateKeyPair().getPrivate();
            byte[] scalar = key.getScalar().orElseThrow(() -> new IllegalStateException("no raw X25519 scalar"));
            if (scalar.length != KEY_LENGTH) {
                throw new IllegalStateException("unexpected X25519 scalar length " + scalar.length);
            }
            return scalar;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is not available", e);
        }
    }

    /** The public key of a raw private key: {@code X25519(k, 9)}. */
    public static byte[] publicKey(byte[] privateKey) {
        return agree(toPrivateKey(privateKey), BASE_POINT);
    }

    /**
     * The shared secret {@code X25519(privateKey, publicKey)}.
     *
     * @throws OpendeskException {@code protocol} "all-zero shared secret" for a low-order public key
     */
    public static byte[] agree(byte[] privateKey, byte[] publicKey) {
        return agree(toPrivateKey(privateKey), publicKey);
    }

    static byte[] agree(PrivateKey privateKey, byte[] publicKey) {
        byte[] secret;
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(privateKey);
            agreement.doPhase(toPublicKey(publicKey), true);
            secret = agreement.generateSecret();
        } catch (InvalidKeyException | IllegalStateException e) {
            // The JDK refuses small-order points itself ("Point has small order").
            throw allZero(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is not available", e);
        }
        int acc = 0;
        for (byte b : secret) {
            acc |= b;
        }
        if (acc == 0 || secret.length != KEY_LENGTH) {
            throw allZero(null);
        }
        return secret;
    }

    static PrivateKey toPrivateKey(byte[] raw) {
        checkLength(raw, "private key");
        try {
            return KeyFactory.getInstance("XDH")
                    .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, raw.clone()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad X25519 private key", e);
        }
    }

    static PublicKey toPublicKey(byte[] raw) {
        checkLength(raw, "public key");
        byte[] bigEndian = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH; i++) {
            bigEndian[i] = raw[KEY_LENGTH - 1 - i];
        }
        bigEndian[0] &= 0x7f; // RFC 7748 §5: mask the most significant bit of the u-coordinate
        BigInteger u = new BigInteger(1, bigEndian);
        try {
            return KeyFactory.getInstance("XDH").generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad X25519 public key", e);
        }
    }

    private static void checkLength(byte[] raw, String what) {
        requireNonNull(raw, what + " is null");
        if (raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException("X25519 " + what + " must be 32 bytes, got " + raw.length);
        }
    }

    private static OpendeskException allZero(Throwable cause) {
        return new OpendeskException(ErrorCode.PROTOCOL, "all-zero shared secret", cause);
    }

    private static byte[] basePoint() {
        byte[] u = new byte[KEY_LENGTH];
        u[0] = 9;
        return u;
    }
}
