package dev.opendesk.core.auth;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ChaCha20-Poly1305 under one key for {@link EncryptedConnection}, no AAD: {@link #forKey} picks
 * the faster of two byte-identical implementations for the running JDK. Up to JDK 20 the JDK's
 * provider is plain Java and {@link ChaCha20Poly1305} is faster; from JDK 21 the provider's
 * ChaCha20 is a vector intrinsic on x86-64 and AArch64 and wins.
 */
interface MessageAead {
    /** The first JDK whose provider is used. */
    int JDK_PROVIDER_FROM = 21;

    /** {@code ciphertext || tag}. */
    byte[] seal(byte[] nonce, byte[] plaintext);

    /** The plaintext of {@code ciphertext || tag}. */
    byte[] open(byte[] nonce, byte[] sealed) throws AEADBadTagException;

    /** The faster implementation for this JDK. */
    static MessageAead forKey(byte[] key) {
        return Runtime.version().feature() >= JDK_PROVIDER_FROM ? new Jdk(key) : new Own(new ChaCha20Poly1305(key));
    }

    /** core.auth's own implementation. */
    record Own(ChaCha20Poly1305 aead) implements MessageAead {
        @Override
        public byte[] seal(byte[] nonce, byte[] plaintext) {
            return aead.seal(nonce, plaintext);
        }

        @Override
        public byte[] open(byte[] nonce, byte[] sealed) throws AEADBadTagException {
            return aead.open(nonce, sealed);
        }
    }

    /** The JDK provider's cipher, initialised per message. Not thread-safe: the caller serialises. */
    final class Jdk implements MessageAead {
        private final SecretKeySpec key;
        private final Cipher cipher;

        Jdk(byte[] key) {
            this.key = new SecretKeySpec(key, "ChaCha20");
            try {
                this.cipher = Cipher.getInstance(HandshakeCrypto.AEAD);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("ChaCha20-Poly1305 is not available", e);
            }
        }

        @Override
        public byte[] seal(byte[] nonce, byte[] plaintext) {
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
                return cipher.doFinal(plaintext);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
            }
        }

        @Override
        public byte[] open(byte[] nonce, byte[] sealed) throws AEADBadTagException {
            try {
                cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
                return cipher.doFinal(sealed);
            } catch (AEADBadTagException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                AEADBadTagException failure = new AEADBadTagException("decryption failed: " + e.getMessage());
                failure.initCause(e);
                throw failure;
            }
        }
    }
}
