package dev.opendesk.transport.websocket;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.ConnectionAcceptor;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Listener;
import dev.opendesk.core.transport.Transport;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.websockets.client.WebSocketClient;
import io.undertow.websockets.core.WebSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoFuture;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * WebSocket over plain TCP on Undertow (protocol §1): binary messages only, no compression,
 * messages up to a limit (default 64 MiB), any request path accepted, keep-alive pings every 20 s
 * with a 20 s pong deadline. Accepted connections are handed to the acceptor on their own thread,
 * so a slow handshake never blocks Undertow's I/O threads.
 */
public final class WebSocketTransport implements Transport, AutoCloseable {
    /** The default limit on one message. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final long maxMessageBytes;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final XnioWorker worker;
    private final ByteBufferPool bufferPool = new DefaultByteBufferPool(true, 16 * 1024);
    private final ScheduledExecutorService keepAlive;
    private final ExecutorService acceptors;
    private final Set<WebSocketConnection> live = ConcurrentHashMap.newKeySet();
    private final Set<Undertow> servers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A transport with the defaults of protocol §1. */
    public WebSocketTransport() {
        this(DEFAULT_MAX_MESSAGE_BYTES, Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    /**
     * @param maxMessageBytes a longer message closes its connection
     * @param pingInterval how often to ping each connection
     * @param pongTimeout how long to wait for the answer before closing
     */
    public WebSocketTransport(long maxMessageBytes, Duration pingInterval, Duration pongTimeout) {
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive");
        }
        this.maxMessageBytes = maxMessageBytes;
        this.pingInterval = requireNonNull(pingInterval, "pingInterval is null");
        this.pongTimeout = requireNonNull(pongTimeout, "pongTimeout is null");
        try {
            this.worker = Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, 2)
                    .set(Options.WORKER_TASK_CORE_THREADS, 2)
                    .set(Options.WORKER_TASK_MAX_THREADS, 16)
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.THREAD_DAEMON, true)
                    .set(Options.WORKER_NAME, "opendesk-ws")
                    .getMap());
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot start the WebSocket worker: " + e.getMessage(), e);
        }
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(daemon("opendesk-ws-keepalive"));
        this.acceptors = Executors.newCachedThreadPool(daemon("opendesk-ws-accept"));
        long periodMillis = Math.max(10, pingInterval.toMillis());
        keepAlive.scheduleAtFixedRate(() -> live.forEach(c -> c.keepAlive(pingInterval, pongTimeout)),
                periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public Listener listen(Endpoint endpoint, ConnectionAcceptor acceptor) {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(acceptor, "acceptor is null");
        Undertow server = Undertow.builder()
                .setWorker(worker)
                .setByteBufferPool(bufferPool)
                .addHttpListener(endpoint.port(), endpoint.host())
                .setHandler(Handlers.websocket((exchange, channel) -> {
                    WebSocketConnection connection = track(channel, false);
                    acceptors.execute(() -> acceptor.accept(connection));
                }))
                .build();
        if (closed) {
            throw new OpendeskException(ErrorCode.INTERNAL, "transport closed");
        }
        try {
            server.start();
            servers.add(server);
        } catch (RuntimeException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot listen on " + endpoint + ": " + rootMessage(e), e);
        }
        InetSocketAddress bound = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        Endpoint actual = new Endpoint(endpoint.host(), bound.getPort());
        LOG.debug("listening on {}", actual);
        return new Listener() {
            @Override
            public Endpoint endpoint() {
                return actual;
            }

            @Override
            public void close() {
                if (servers.remove(server)) {
                    server.stop(); // once the transport is closed its worker is gone: stopping then would spin
                }
            }
        };
    }

    @Override
    public Connection dial(Endpoint endpoint) {
        URI uri;
        try {
            uri = new URI("ws", null, endpoint.host(), endpoint.port(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new OpendeskException(ErrorCode.INVALID_ARGUMENT, "bad endpoint " + endpoint + ": " + e.getMessage(), e);
        }
        IoFuture<WebSocketChannel> future = new WebSocketClient.ConnectionBuilder(worker, bufferPool, uri)
                .setOptionMap(OptionMap.create(Options.TCP_NODELAY, true))
                .connect();
        IoFuture.Status status = future.await(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        switch (status) {
            case DONE:
                try {
                    return track(future.get(), true);
                } catch (IOException e) {
                    throw unreachable(endpoint, e);
                }
            case FAILED:
                throw unreachable(endpoint, future.getException());
            default:
                future.cancel();
                throw new OpendeskException(ErrorCode.TIMEOUT, "cannot reach " + endpoint + " within "
                        + CONNECT_TIMEOUT.toSeconds() + " s");
        }
    }

    private WebSocketConnection track(WebSocketChannel channel, boolean clientSide) {
        WebSocketConnection connection = new WebSocketConnection(channel, maxMessageBytes, clientSide);
        live.add(connection);
        channel.addCloseTask(ch -> live.remove(connection));
        connection.start();
        return connection;
    }

    private static OpendeskException unreachable(Endpoint endpoint, IOException e) {
        return new OpendeskException(ErrorCode.PROTOCOL, "cannot connect to ws://" + endpoint + "/: " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Stops the worker and every connection of this transport. */
    @Override
    public void close() {
        closed = true;
        for (Undertow server : servers) {
            server.stop();
        }
        servers.clear();
        live.forEach(WebSocketConnection::close);
        keepAlive.shutdownNow();
        acceptors.shutdownNow();
        worker.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
