package dev.opendesk.core.transport;

import java.time.Duration;
import java.util.Optional;

/**
 * One bidirectional, message-oriented connection between two peers (protocol §1): each
 * {@link #send} is exactly one binary message on the other side's {@link #receive}; messages are
 * never split or coalesced. Safe for one sender thread and one receiver thread at a time.
 */
public interface Connection extends AutoCloseable {
    /**
     * Sends one whole binary message.
     *
     * @throws dev.opendesk.core.model.OpendeskException with code {@code protocol} when closed
     */
    void send(byte[] message);

    /**
     * Blocks until the next whole message arrives.
     *
     * @throws dev.opendesk.core.model.OpendeskException with code {@code protocol} once the
     *     connection is closed (by either side) or the peer broke the transport's rules
     */
    byte[] receive();

    /**
     * Waits at most {@code timeout} for the next message.
     *
     * @return the message, or empty when none arrived in time
     * @throws dev.opendesk.core.model.OpendeskException with code {@code protocol} once closed
     */
    Optional<byte[]> receive(Duration timeout);

    /** The peer's address as {@code ip:port}, or {@code ?} when unknown. */
    String remoteAddress();

    /** Whether messages can still be sent and received. */
    boolean isOpen();

    /** Closes the connection; idempotent. A blocked {@link #receive()} fails promptly. */
    @Override
    void close();
}
