package dev.opendesk.core.testing;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.ConnectionAcceptor;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Listener;
import dev.opendesk.core.transport.Transport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Transport over {@link PipeConnections} for core's tests: dialing hands the server end to the
 * listener's acceptor on a new thread. Keeps the server ends so a test can cut connections.
 */
public final class PipeTransport implements Transport {
    private final Map<Endpoint, ConnectionAcceptor> listeners = new ConcurrentHashMap<>();
    /** Every server-side end handed out, in order. */
    public final List<Connection> accepted = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "pipe";
    }

    @Override
    public Listener listen(Endpoint endpoint, ConnectionAcceptor acceptor) {
        listeners.put(endpoint, acceptor);
        return new Listener() {
            @Override
            public Endpoint endpoint() {
                return endpoint;
            }

            @Override
            public void close() {
                listeners.remove(endpoint, acceptor);
            }
        };
    }

    @Override
    public Connection dial(Endpoint endpoint) {
        ConnectionAcceptor acceptor = listeners.get(endpoint);
        if (acceptor == null) {
            throw new OpendeskException(ErrorCode.PROTOCOL, "connection refused: " + endpoint);
        }
        PipeConnections.Pipe[] pair = PipeConnections.pair();
        accepted.add(pair[1]);
        Thread thread = new Thread(() -> acceptor.accept(pair[1]), "pipe-accept");
        thread.setDaemon(true);
        thread.start();
        return pair[0];
    }

    /** Cuts every connection handed out so far, as a crash would (no goodbye). */
    public void cutAll() {
        accepted.forEach(Connection::close);
    }
}
