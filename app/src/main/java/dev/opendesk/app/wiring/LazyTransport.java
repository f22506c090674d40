package dev.opendesk.app.wiring;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.ConnectionAcceptor;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Listener;
import dev.opendesk.core.transport.Transport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} created the first time it listens or dials. The WebSocket transport starts
 * an I/O worker with threads as soon as it exists; a process that never reaches a peer (most
 * {@code opendesk mcp} runs) should not pay for it at start-up.
 */
final class LazyTransport implements Transport, AutoCloseable {
    private final String name;
    private final Supplier<Transport> factory;
    private @Nullable Transport created;
    private boolean closed;

    LazyTransport(String name, Supplier<Transport> factory) {
        this.name = requireNonNull(name, "name is null");
        this.factory = requireNonNull(factory, "factory is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Listener listen(Endpoint endpoint, ConnectionAcceptor acceptor) {
        return transport().listen(endpoint, acceptor);
    }

    @Override
    public Connection dial(Endpoint endpoint) {
        return transport().dial(endpoint);
    }

    /** Whether the real transport exists yet. */
    synchronized boolean isCreated() {
        return created != null;
    }

    /** Closes the real transport if it was ever created; later calls create nothing. */
    @Override
    public void close() throws Exception {
        Transport toClose;
        synchronized (this) {
            closed = true;
            toClose = created;
        }
        if (toClose instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private synchronized Transport transport() {
        if (closed) {
            throw new IllegalStateException("transport " + name + " is closed");
        }
        if (created == null) {
            created = requireNonNull(factory.get(), "the transport factory returned null");
        }
        return created;
    }
}
