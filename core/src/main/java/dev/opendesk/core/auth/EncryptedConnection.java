package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import java.time.Duration;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import org.jspecify.annotations.Nullable;

/**
 * The post-handshake channel of protocol §3: every message is ChaCha20-Poly1305
 * {@code ciphertext || tag} under the direction's key, with a 96-bit big-endian per-direction
 * message counter (from 0) as nonce and no AAD. Any decryption failure (tamper, replay, drop,
 * reorder, wrong key) closes the underlying connection and throws {@link OpendeskException}
 * {@code protocol}; there is no resync. Sends are serialised, so several threads may send;
 * receive from one thread at a time.
 *
 * <p>The AEAD is {@link ChaCha20Poly1305} up to JDK 20 (about 1.5 times the JDK 17 provider's
 * rate) and the JDK's provider from JDK 21, whose ChaCha20 is a vector intrinsic; both produce
 * the same bytes.
 */
public final class EncryptedConnection implements Connection {
    /** Bytes the AEAD adds to every message. */
    public static final int TAG_LENGTH = 16;

    private final Connection inner;
    private final Object sendLock = new Object();
    private final Object receiveLock = new Object();
    private final MessageAead sendCipher;
    private final MessageAead receiveCipher;
    private final byte[] sendNonce = new byte[12];
    private final byte[] receiveNonce = new byte[12];
    private long sendCounter;
    private long receiveCounter;

    /** Wraps {@code inner} with the session keys, {@code side} choosing which key sends. */
    public EncryptedConnection(Connection inner, SessionKeys keys, Side side) {
        this.inner = requireNonNull(inner, "inner is null");
        requireNonNull(keys, "keys is null");
        requireNonNull(side, "side is null");
        this.sendCipher = MessageAead.forKey(keys.sendKey(side));
        this.receiveCipher = MessageAead.forKey(keys.receiveKey(side));
    }

    @Override
    public void send(byte[] message) {
        requireNonNull(message, "message is null");
        synchronized (sendLock) {
            if (sendCounter == Long.MAX_VALUE) {
                throw new OpendeskException(ErrorCode.PROTOCOL, "send nonce counter exhausted");
            }
            byte[] sealed = sendCipher.seal(nonce(sendNonce, sendCounter), message);
            sendCounter++;
            inner.send(sealed);
        }
    }

    @Override
    public byte[] receive() {
        synchronized (receiveLock) {
            return open(inner.receive());
        }
    }

    @Override
    public Optional<byte[]> receive(Duration timeout) {
        synchronized (receiveLock) {
            Optional<byte[]> message = inner.receive(timeout);
            return message.isPresent() ? Optional.of(open(message.get())) : Optional.empty();
        }
    }

    private byte[] open(byte[] sealed) {
        if (sealed.length < TAG_LENGTH) {
            throw fail("encrypted message too short (" + sealed.length + " bytes)", null);
        }
        if (receiveCounter == Long.MAX_VALUE) {
            throw fail("receive nonce counter exhausted", null);
        }
        byte[] plain;
        try {
            plain = receiveCipher.open(nonce(receiveNonce, receiveCounter), sealed);
        } catch (AEADBadTagException | RuntimeException e) {
            throw fail("decryption failed (tampered, replayed, reordered or wrong key); connection closed", e);
        }
        receiveCounter++;
        return plain;
    }

    private OpendeskException fail(String message, @Nullable Throwable cause) {
        inner.close();
        return new OpendeskException(ErrorCode.PROTOCOL, message, cause);
    }

    private static byte[] nonce(byte[] buffer, long counter) {
        // 96-bit big-endian: the top 4 bytes stay zero for a long counter
        for (int i = 0; i < 8; i++) {
            buffer[11 - i] = (byte) (counter >>> (8 * i));
        }
        return buffer;
    }

    @Override
    public String remoteAddress() {
        return inner.remoteAddress();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public String toString() {
        return "EncryptedConnection[" + inner.remoteAddress() + "]";
    }
}
