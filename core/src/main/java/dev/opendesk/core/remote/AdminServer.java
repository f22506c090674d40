package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.io.AtomicFiles;
import dev.opendesk.core.protocol.LengthPrefixedMessages;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's admin IPC listener (protocol §13) over a {@link SessionAdmin}: on POSIX a
 * Unix-domain stream socket at {@code <home>/admin.sock} (a stale file is unlinked first; mode
 * 0600 right after bind; removed by {@link #close()}), on Windows a TCP listener on an ephemeral
 * port of 127.0.0.1 whose number is written to {@code <home>/admin.port}.
 *
 * <p>Each connection carries one length-prefixed msgpack request and gets one reply, then is
 * closed (replies: {@link AdminProtocol}). A request that is not a msgpack map gets an
 * {@code {"ok": false, "error": …}} reply; an oversized length prefix, a truncated request, or a
 * client that stays silent past the deadline just has its connection closed. One daemon thread
 * accepts; each connection is served on a pool of daemon threads, at most
 * {@value #MAX_CONNECTIONS} at once (further clients wait in the listen backlog), each with a
 * deadline after which it is closed, so a stuck client cannot block the others for long.
 */
public final class AdminServer implements AutoCloseable {
    /** The longest a connection may take, from accept to reply. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);
    /** How many connections are served at the same time. */
    public static final int MAX_CONNECTIONS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    private final SessionAdmin admin;
    private final Clock clock;
    private final Duration deadline;
    private final ServerSocketChannel server;
    private final Path endpointFile;
    private final @Nullable Object endpointKey;
    private final boolean tcp;
    private final Thread acceptThread;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private volatile boolean closed;

    private AdminServer(SessionAdmin admin, Clock clock, Duration deadline, ServerSocketChannel server,
                        Path endpointFile, @Nullable Object endpointKey, boolean tcp) {
        this.admin = admin;
        this.clock = clock;
        this.deadline = deadline;
        this.server = server;
        this.endpointFile = endpointFile;
        this.endpointKey = endpointKey;
        this.tcp = tcp;
        this.workers = Executors.newCachedThreadPool(daemonThreads("opendesk-admin-conn"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("opendesk-admin-deadline"));
        this.acceptThread = daemonThreads("opendesk-admin-accept").newThread(this::acceptLoop);
    }

    /**
     * Starts the listener for this platform under {@code home} (created {@code 0700} if missing).
     *
     * @throws IOException if the endpoint cannot be created
     */
    public static AdminServer start(Path home, SessionAdmin admin) throws IOException {
        return start(home, admin, Clock.systemUTC(), DEFAULT_DEADLINE, AdminProtocol.usesTcp());
    }

    /** As {@link #start(Path, SessionAdmin)} with a clock (for {@code age_seconds}), a deadline and the endpoint kind forced. */
    static AdminServer start(Path home, SessionAdmin admin, Clock clock, Duration deadline, boolean tcp)
            throws IOException {
        requireNonNull(home, "home is null");
        requireNonNull(admin, "admin is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(deadline, "deadline is null");
        AtomicFiles.createDirectories(home);
        AdminServer started;
        if (tcp) {
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
                Path portFile = AdminProtocol.portPath(home);
                AtomicFiles.writeString(portFile, Integer.toString(port));
                started = new AdminServer(admin, clock, deadline, channel, portFile, Integer.toString(port), true);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } else {
            Path socket = AdminProtocol.socketPath(home);
            Files.deleteIfExists(socket); // stale from a crashed serve
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.bind(UnixDomainSocketAddress.of(socket));
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                Object key = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        .fileKey();
                started = new AdminServer(admin, clock, deadline, channel, socket, key, false);
            } catch (IOException | RuntimeException e) {
                channel.close();
                Files.deleteIfExists(socket);
                throw e;
            }
        }
        started.acceptThread.start();
        LOG.debug("admin IPC listening at {}", started.endpointFile);
        return started;
    }

    /** The file that advertises this listener: {@code admin.sock} or {@code admin.port}. */
    public Path endpointFile() {
        return endpointFile;
    }

    /** Stops accepting, removes the endpoint file (if it is still this server's) and ends the threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("admin IPC: closing the listener failed: {}", e.toString());
        }
        acceptThread.interrupt();
        workers.shutdownNow();
        timer.shutdownNow();
        try {
            if (isStillOurs()) {
                Files.deleteIfExists(endpointFile);
            }
        } catch (IOException e) {
            LOG.warn("admin IPC: cannot remove {}: {}", endpointFile, e.toString());
        }
    }

    /** Whether the endpoint file is the one this server created (another serve may have replaced it). */
    private boolean isStillOurs() throws IOException {
        if (!Files.exists(endpointFile, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (tcp) {
            return Files.readString(endpointFile, StandardCharsets.UTF_8).strip().equals(endpointKey);
        }
        Object key = Files.readAttributes(endpointFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        return endpointKey == null || key == null || endpointKey.equals(key);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                slots.acquire(); // at most MAX_CONNECTIONS in service; further clients wait in the backlog
            } catch (InterruptedException e) {
                return;
            }
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (ClosedChannelException e) {
                slots.release();
                return;
            } catch (IOException e) {
                slots.release();
                if (closed) {
                    return;
                }
                LOG.warn("admin IPC: accept failed: {}", e.toString());
                pause();
                continue;
            }
            try {
                workers.execute(() -> {
                    try {
                        serve(connection);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                slots.release();
                closeQuietly(connection);
            }
        }
    }

    private void serve(SocketChannel connection) {
        ScheduledFuture<?> expiry;
        try {
            expiry = timer.schedule(() -> closeQuietly(connection), deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            closeQuietly(connection);
            return;
        }
        try (connection) {
            Optional<byte[]> frame = readFrame(Channels.newInputStream(connection));
            if (frame.isEmpty()) {
                return; // oversized, truncated or silent: just close
            }
            Map<String, Object> reply;
            try {
                reply = handle(LengthPrefixedMessages.parse(frame.get(), AdminProtocol.MAX_MESSAGE));
            } catch (RuntimeException e) { // a complete frame whose body is not one msgpack map
                LOG.debug("admin IPC: bad request: {}", e.toString());
                reply = AdminProtocol.errorReply(describe(e));
            }
            LengthPrefixedMessages.write(Channels.newOutputStream(connection), reply);
        } catch (IOException e) {
            LOG.debug("admin IPC: connection failed: {}", e.toString());
        } finally {
            expiry.cancel(false);
        }
    }

    /**
     * Reads one whole frame (prefix and body) without interpreting the body.
     *
     * @return empty if the stream ends early or the length exceeds {@link AdminProtocol#MAX_MESSAGE}
     */
    private static Optional<byte[]> readFrame(InputStream in) throws IOException {
        byte[] header = in.readNBytes(LengthPrefixedMessages.HEADER_LENGTH);
        if (header.length < LengthPrefixedMessages.HEADER_LENGTH) {
            return Optional.empty();
        }
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(header).getInt());
        if (length > AdminProtocol.MAX_MESSAGE) {
            LOG.debug("admin IPC: request of {} bytes refused", length);
            return Optional.empty();
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            return Optional.empty();
        }
        byte[] frame = new byte[header.length + body.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(body, 0, frame, header.length, body.length);
        return Optional.of(frame);
    }

    /** Computes the reply to one decoded request; never throws. */
    Map<String, Object> handle(Map<String, @Nullable Object> request) {
        try {
            Object op = request.get("op");
            if (AdminProtocol.OP_LIST.equals(op)) {
                return AdminProtocol.listReply(admin.sessions(), nowSeconds());
            }
            if (AdminProtocol.OP_KILL.equals(op)) {
                if (!(request.get("id") instanceof String id)) {
                    return AdminProtocol.errorReply("missing 'id'");
                }
                return AdminProtocol.killReply(admin.kill(id));
            }
            if (AdminProtocol.OP_KILL_ALL.equals(op)) {
                return AdminProtocol.killAllReply(admin.killAll());
            }
            return AdminProtocol.unknownOpReply(op);
        } catch (RuntimeException e) {
            LOG.warn("admin IPC: request failed: {}", e.toString());
            return AdminProtocol.errorReply(describe(e));
        }
    }

    private double nowSeconds() {
        Instant now = clock.instant();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
