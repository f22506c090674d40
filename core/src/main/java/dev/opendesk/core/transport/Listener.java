package dev.opendesk.core.transport;

/** A bound server endpoint that hands every accepted {@link Connection} to its acceptor. */
public interface Listener extends AutoCloseable {
    /** The endpoint actually bound (with the real port when {@code 0} was asked for). */
    Endpoint endpoint();

    /** Stops accepting; connections already accepted stay open. Idempotent. */
    @Override
    void close();
}
