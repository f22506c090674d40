package dev.opendesk.transport.local;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.ConnectionAcceptor;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Listener;
import dev.opendesk.core.transport.Transport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listeners and dialers that meet in one JVM-wide table keyed by endpoint. Each accepted
 * connection is handed to the acceptor on its own daemon thread, so an acceptor that blocks does
 * not hold up the dialer.
 */
public final class LocalTransport implements Transport {
    private static final Map<Endpoint, ConnectionAcceptor> LISTENERS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(40_000);
    private static final AtomicInteger NEXT_CLIENT_PORT = new AtomicInteger(50_000);

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Listener listen(Endpoint endpoint, ConnectionAcceptor acceptor) {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(acceptor, "acceptor is null");
        Endpoint bound = endpoint.port() == 0 ? new Endpoint(endpoint.host(), NEXT_PORT.getAndIncrement()) : endpoint;
        if (LISTENERS.putIfAbsent(bound, acceptor) != null) {
            throw new OpendeskException(ErrorCode.INTERNAL, "local endpoint already in use: " + bound);
        }
        return new LocalListener(bound);
    }

    @Override
    public Connection dial(Endpoint endpoint) {
        ConnectionAcceptor acceptor = LISTENERS.get(requireNonNull(endpoint, "endpoint is null"));
        if (acceptor == null) {
            throw new OpendeskException(ErrorCode.PROTOCOL, "connection refused: nothing listens on local " + endpoint);
        }
        String clientAddress = "local:" + NEXT_CLIENT_PORT.getAndIncrement();
        LocalConnection[] pair = LocalConnection.pair(clientAddress, endpoint.toString());
        Thread handoff = new Thread(() -> acceptor.accept(pair[1]), "local-accept-" + endpoint);
        handoff.setDaemon(true);
        handoff.start();
        return pair[0];
    }

    private static final class LocalListener implements Listener {
        private final Endpoint endpoint;
        private final AtomicBoolean closed = new AtomicBoolean();

        LocalListener(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public Endpoint endpoint() {
            return endpoint;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                LISTENERS.remove(endpoint);
            }
        }
    }
}
