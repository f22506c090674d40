package dev.opendesk.core.computer;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The consumer side of a subscription ({@code display.subscribe}, {@code input.subscribe}).
 * Items arrive in order. A stream ends cleanly, ends with an error (thrown by {@link #next()} or
 * {@link #poll(Duration)} as an {@link dev.opendesk.core.model.OpendeskException} carrying the
 * wire code), or is closed by its consumer, which cancels the subscription (wire {@code cancel}).
 *
 * @param <T> the item type
 */
public interface EventStream<T> extends AutoCloseable {
    /**
     * Blocks until the next item arrives.
     *
     * @throws NoSuchElementException when the stream has ended cleanly or was closed
     * @throws dev.opendesk.core.model.OpendeskException when the stream ended with an error,
     *     or {@code cancelled} when the waiting thread is interrupted
     */
    T next();

    /**
     * Waits up to {@code timeout} for the next item.
     *
     * @return the item, or empty when none arrived in time
     * @throws NoSuchElementException when the stream has ended cleanly or was closed
     * @throws dev.opendesk.core.model.OpendeskException when the stream ended with an error
     */
    Optional<T> poll(Duration timeout);

    /** Whether more items may still arrive (false once ended or closed, even if items remain buffered). */
    boolean isOpen();

    /** Closes the stream and cancels the subscription; idempotent. */
    @Override
    void close();
}
