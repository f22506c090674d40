package dev.opendesk.core.transport;

/**
 * The Transport port: listens for and dials {@link Connection}s of one kind (WebSocket,
 * in-process). Both sides then run the same handshake and frames over it.
 */
public interface Transport {
    /** A short name for logs and configuration, e.g. {@code websocket}. */
    String name();

    /**
     * Binds {@code endpoint} and passes every accepted connection to {@code acceptor}.
     *
     * @throws dev.opendesk.core.model.OpendeskException when the endpoint cannot be bound
     */
    Listener listen(Endpoint endpoint, ConnectionAcceptor acceptor);

    /**
     * Opens a connection to {@code endpoint}.
     *
     * @throws dev.opendesk.core.model.OpendeskException with code {@code protocol} or
     *     {@code timeout} when it cannot be reached
     */
    Connection dial(Endpoint endpoint);
}
