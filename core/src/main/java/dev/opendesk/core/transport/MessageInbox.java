package dev.opendesk.core.transport;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The receiving side of a {@link Connection} implementation: whole messages queued in arrival
 * order, then a close marker after which every receive fails with {@code protocol} and the close
 * reason. Messages queued before the close are still delivered first. Thread-safe.
 */
public final class MessageInbox {
    private static final byte[] CLOSED = new byte[0];

    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private volatile String closeReason = "connection closed";

    /** Queues one received message (ignored once closed). */
    public void put(byte[] message) {
        queue.add(requireNonNull(message, "message is null"));
    }

    /** Marks the end: receivers fail with {@code reason} once the queued messages are taken. */
    public void close(String reason) {
        closeReason = requireNonNull(reason, "reason is null");
        queue.add(CLOSED);
    }

    /** Why the inbox was closed. */
    public String closeReason() {
        return closeReason;
    }

    /** Blocks for the next message; see {@link Connection#receive()}. */
    public byte[] take() {
        try {
            return unwrap(queue.take());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpendeskException(ErrorCode.CANCELLED, "interrupted while receiving", e);
        }
    }

    /** Waits at most {@code timeout}; see {@link Connection#receive(Duration)}. */
    public Optional<byte[]> poll(Duration timeout) {
        try {
            byte[] message = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return message == null ? Optional.empty() : Optional.of(unwrap(message));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpendeskException(ErrorCode.CANCELLED, "interrupted while receiving", e);
        }
    }

    private byte[] unwrap(byte[] message) {
        if (message == CLOSED) {
            queue.add(CLOSED); // later receivers fail too
            throw new OpendeskException(ErrorCode.PROTOCOL, closeReason);
        }
        return message;
    }
}
