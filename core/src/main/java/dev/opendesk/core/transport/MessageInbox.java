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
 *
 * <p>With flow control ({@link #MessageInbox(long, Runnable, Runnable)}) the inbox is bounded
 * without ever blocking the transport's thread: once the queued messages reach the high-water
 * mark it asks the transport to stop reading ({@code pause}, e.g. suspend receives; TCP then
 * pushes back on the sender), and once the receiver has drained them to half of it, to read again
 * ({@code resume}). A receiver slower than its sender (a controller decrypting a stream of frames)
 * then holds a bounded backlog instead of an ever-growing one.
 */
public final class MessageInbox {
    private static final byte[] CLOSED = new byte[0];

    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private volatile String closeReason = "connection closed";
    private final long highWaterBytes;
    private final Runnable pause;
    private final Runnable resume;
    private final Object flow = new Object();
    private long queuedBytes;
    private boolean paused;

    /** An inbox without flow control: the transport queues whatever arrives. */
    public MessageInbox() {
        this(Long.MAX_VALUE, () -> { }, () -> { });
    }

    /**
     * An inbox that asks its transport to stop reading at {@code highWaterBytes} queued and to
     * read again at half of it. The callbacks run under the inbox's lock, in order, and must not
     * block (they typically flag the transport's reader or hand it a task).
     */
    public MessageInbox(long highWaterBytes, Runnable pause, Runnable resume) {
        if (highWaterBytes <= 0) {
            throw new IllegalArgumentException("highWaterBytes must be positive");
        }
        this.highWaterBytes = highWaterBytes;
        this.pause = requireNonNull(pause, "pause is null");
        this.resume = requireNonNull(resume, "resume is null");
    }

    /**
     * Whether the transport was asked to stop reading (the backlog reached the high-water mark).
     * Meanwhile it cannot see the peer's keep-alive answers either; the backlog itself shows the
     * peer is alive.
     */
    public boolean isPaused() {
        synchronized (flow) {
            return paused;
        }
    }

    /** Bytes of the messages queued and not yet taken. */
    public long queuedBytes() {
        synchronized (flow) {
            return queuedBytes;
        }
    }

    /** Queues one received message (ignored once closed). */
    public void put(byte[] message) {
        requireNonNull(message, "message is null");
        synchronized (flow) {
            queuedBytes += message.length;
            queue.add(message);
            if (!paused && queuedBytes >= highWaterBytes) {
                paused = true;
                pause.run();
            }
        }
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
        synchronized (flow) {
            queuedBytes -= message.length;
            if (paused && queuedBytes <= highWaterBytes / 2) {
                paused = false;
                resume.run();
            }
        }
        return message;
    }
}
