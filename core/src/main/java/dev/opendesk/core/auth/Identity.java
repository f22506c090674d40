package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.io.AtomicFiles;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

/**
 * This machine's long-lived X25519 key pair (protocol §4.1/§4.2). The private key lives in
 * {@code <home>/identity.key} as exactly 32 raw bytes (mode 0600, written atomically) and never
 * leaves this object; callers get the public key, the fingerprint and the agreement operation.
 */
public final class Identity {
    /** The key file name under the home directory. */
    public static final String FILE_NAME = "identity.key";

    private final PrivateKey privateKey;
    private final byte[] publicKey;

    private Identity(byte[] rawPrivateKey) {
        this.privateKey = X25519.toPrivateKey(rawPrivateKey);
        this.publicKey = X25519.publicKey(rawPrivateKey);
    }

    /**
     * Loads {@code <home>/identity.key}, creating the home directory (0700) and a fresh key (0600)
     * on first use. An existing file is never overwritten.
     *
     * @throws OpendeskException {@code internal} when the file cannot be read or written, or does
     *     not hold exactly 32 bytes (the message names the path)
     */
    public static Identity loadOrCreate(Path home) {
        Path file = requireNonNull(home, "home is null").resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                AtomicFiles.createDirectories(home);
                AtomicFiles.createIfAbsent(file, X25519.generatePrivateKey());
            }
            byte[] raw = Files.readAllBytes(file);
            if (raw.length != X25519.KEY_LENGTH) {
                throw new OpendeskException(ErrorCode.INTERNAL, "identity key file " + file + " holds "
                        + raw.length + " bytes, expected 32; refusing to use or replace it");
            }
            return new Identity(raw);
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot read or create identity key file " + file
                    + ": " + e, e);
        }
    }

    /** An in-memory identity with a fresh key (nothing is written). */
    public static Identity generate() {
        return new Identity(X25519.generatePrivateKey());
    }

    /** An in-memory identity from a raw 32-byte private key (nothing is written). */
    public static Identity fromPrivateKey(byte[] rawPrivateKey) {
        return new Identity(rawPrivateKey);
    }

    /** The raw 32-byte public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The display fingerprint of the public key. */
    public String fingerprint() {
        return Fingerprint.of(publicKey);
    }

    /**
     * {@code X25519(ourPrivate, peerPublicKey)}.
     *
     * @throws OpendeskException {@code protocol} "all-zero shared secret" for a low-order key
     */
    public byte[] agree(byte[] peerPublicKey) {
        return X25519.agree(privateKey, peerPublicKey);
    }

    @Override
    public String toString() {
        return "Identity[" + fingerprint() + "]";
    }
}
