package dev.opendesk.core.transport;

/**
 * Receives each connection a {@link Listener} accepts. Called on a transport thread: hand long work
 * to another thread and return.
 */
@FunctionalInterface
public interface ConnectionAcceptor {
    /** Takes ownership of a freshly accepted connection. */
    void accept(Connection connection);
}
