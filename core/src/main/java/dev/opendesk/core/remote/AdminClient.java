package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.protocol.LengthPrefixedMessages;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The CLI side of the admin IPC (protocol §13): {@code sessions}, {@code disconnect} and the
 * session kick of {@code unpair}. Every call is its own connection (one request, one reply), as
 * the server closes after replying. Thread-safe; holds nothing open between calls.
 */
public final class AdminClient {
    /** The longest one call may take before it fails. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "opendesk-admin-client-timeout");
        t.setDaemon(true);
        return t;
    });

    private final SocketAddress address;
    private final StandardProtocolFamily family;
    private final Duration timeout;

    /**
     * One live session as the server lists it.
     *
     * @param session what the host knows of it
     * @param ageSeconds its age when the server answered
     */
    public record ListedSession(SessionInfo session, double ageSeconds) {
        public ListedSession {
            requireNonNull(session, "session is null");
            if (!(ageSeconds >= 0)) {
                throw new IllegalArgumentException("ageSeconds must be >= 0, got " + ageSeconds);
            }
        }
    }

    private AdminClient(SocketAddress address, StandardProtocolFamily family, Duration timeout) {
        this.address = address;
        this.family = family;
        this.timeout = timeout;
    }

    /**
     * Finds the admin endpoint of a running {@code opendesk serve} under {@code home}.
     *
     * @return empty when there is no endpoint file or nothing accepts connections there (the CLI
     *     then prints {@code ERROR: } + {@link AdminProtocol#notRunningMessage(Path)})
     */
    public static Optional<AdminClient> connect(Path home) {
        return connect(home, AdminProtocol.usesTcp(), DEFAULT_TIMEOUT);
    }

    /** As {@link #connect(Path)} with the endpoint kind and the per-call timeout given. */
    static Optional<AdminClient> connect(Path home, boolean tcp, Duration timeout) {
        requireNonNull(home, "home is null");
        requireNonNull(timeout, "timeout is null");
        AdminClient client;
        if (tcp) {
            Path portFile = AdminProtocol.portPath(home);
            int port;
            try {
                port = Integer.parseInt(Files.readString(portFile, StandardCharsets.UTF_8).strip());
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
            if (port <= 0 || port > 65535) {
                return Optional.empty();
            }
            client = new AdminClient(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    StandardProtocolFamily.INET, timeout);
        } else {
            Path socket = AdminProtocol.socketPath(home);
            if (!Files.exists(socket)) {
                return Optional.empty();
            }
            client = new AdminClient(UnixDomainSocketAddress.of(socket), StandardProtocolFamily.UNIX, timeout);
        }
        // Probe: a stale endpoint file with nobody listening counts as "not running".
        try {
            client.open().close();
            return Optional.of(client);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code list}: the live sessions (0 or 1 under the single-controller rule). */
    public List<ListedSession> list() throws IOException {
        Map<String, @Nullable Object> reply = call(AdminProtocol.listRequest());
        requireOk(reply, "list failed");
        if (!(reply.get("sessions") instanceof List<?> items)) {
            return List.of();
        }
        List<ListedSession> sessions = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m)) {
                throw new IOException("malformed admin reply: session entry is not a map");
            }
            try {
                SessionInfo info = new SessionInfo(string(m, "id"), string(m, "peer_name"),
                        string(m, "peer_pubkey_hex"), string(m, "remote_addr"), number(m, "started_at"),
                        string(m, "mode"));
                sessions.add(new ListedSession(info, Math.max(0, number(m, "age_seconds"))));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IOException("malformed admin reply: " + e.getMessage(), e);
            }
        }
        return List.copyOf(sessions);
    }

    /**
     * {@code kill}: evicts one session.
     *
     * @return whether a session with that id was live and is now closed
     */
    public boolean kill(String sessionId) throws IOException {
        Map<String, @Nullable Object> reply = call(AdminProtocol.killRequest(sessionId));
        return Boolean.TRUE.equals(reply.get("ok"));
    }

    /**
     * {@code kill_all}: evicts every session.
     *
     * @return how many were closed
     */
    public int killAll() throws IOException {
        Map<String, @Nullable Object> reply = call(AdminProtocol.killAllRequest());
        requireOk(reply, "kill_all failed");
        return reply.get("killed") instanceof Number n ? n.intValue() : 0;
    }

    /**
     * Sends one request on a fresh connection and returns the reply map.
     *
     * @throws IOException if the server cannot be reached, does not answer within the timeout,
     *     or answers with something that is not one length-prefixed msgpack map
     */
    public Map<String, @Nullable Object> call(Map<String, ?> request) throws IOException {
        requireNonNull(request, "request is null");
        try (SocketChannel channel = open()) {
            ScheduledFuture<?> expiry = TIMER.schedule(() -> closeQuietly(channel), timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                LengthPrefixedMessages.write(Channels.newOutputStream(channel), request);
                return LengthPrefixedMessages.read(Channels.newInputStream(channel), AdminProtocol.MAX_MESSAGE);
            } catch (RuntimeException e) { // the codec's protocol errors
                throw new IOException("bad admin reply: " + e.getMessage(), e);
            } finally {
                expiry.cancel(false);
            }
        }
    }

    private SocketChannel open() throws IOException {
        SocketChannel channel = SocketChannel.open(family);
        try {
            channel.connect(address);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void requireOk(Map<String, @Nullable Object> reply, String fallback) throws IOException {
        if (!Boolean.TRUE.equals(reply.get("ok"))) {
            Object error = reply.get("error");
            throw new IOException(error instanceof String s && !s.isEmpty() ? s : fallback);
        }
    }

    private static String string(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("'" + key + "' is not a string");
        }
        return s;
    }

    private static double number(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("'" + key + "' is not a number");
        }
        return n.doubleValue();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
