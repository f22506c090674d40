package dev.opendesk.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The derivations and one-shot AEAD of the handshakes (protocol §5.3–§6.3). */
final class HandshakeCrypto {
    static final byte[] INFO_PAIR_K1 = ascii("opendesk-pair-k1");
    static final byte[] INFO_PAIR_K2 = ascii("opendesk-pair-k2");
    static final byte[] INFO_AUTH_K = ascii("opendesk-auth-k");
    static final byte[] INFO_SESSION = ascii("opendesk-session-keys");
    static final byte[] AUTH_OK = ascii("ok");
    private static final byte[] ZERO_NONCE = new byte[12];
    static final String AEAD = "ChaCha20-Poly1305";

    private HandshakeCrypto() {}

    /** Thrown by {@link #open} for a tag failure (or a blob too short to hold a tag). */
    static final class BadTag extends Exception {
        private static final long serialVersionUID = 1L;

        BadTag(Throwable cause) {
            super("AEAD tag mismatch", cause);
        }
    }

    /** ChaCha20-Poly1305 with the all-zero nonce and no AAD. */
    static byte[] seal(byte[] key, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance(AEAD);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(ZERO_NONCE));
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", e);
        }
    }

    static byte[] open(byte[] key, byte[] ciphertext) throws BadTag {
        Cipher cipher;
        try {
            cipher = Cipher.getInstance(AEAD);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(ZERO_NONCE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 is not available", e);
        }
        try {
            return cipher.doFinal(ciphertext);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new BadTag(e);
        }
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    static byte[] hkdf32(byte[] salt, byte[] ikm, byte[] info) {
        return Hkdf.derive(salt, ikm, info, 32);
    }

    static SessionKeys sessionKeys(byte[] transcript, byte[] ikm) {
        return SessionKeys.split(Hkdf.derive(transcript, ikm, INFO_SESSION, 64));
    }

    /** X25519 with a peer-supplied key: a low-order point (or any other refusal) is a protocol failure. */
    static byte[] dh(byte[] privateKey, byte[] peerPublicKey) {
        try {
            return X25519.agree(privateKey, peerPublicKey);
        } catch (RuntimeException e) {
            throw new AuthFailure(AuthFailure.Reason.PROTOCOL, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    static byte[] dh(Identity identity, byte[] peerPublicKey) {
        try {
            return identity.agree(peerPublicKey);
        } catch (RuntimeException e) {
            throw new AuthFailure(AuthFailure.Reason.PROTOCOL, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
