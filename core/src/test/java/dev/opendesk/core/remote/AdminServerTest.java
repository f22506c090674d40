package dev.opendesk.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.protocol.LengthPrefixedMessages;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AdminServerTest {
    private static final HexFormat HEX = HexFormat.of();
    /** 1715512400.75: the age of a session started at 1715512345.5 is 55.25 s. */
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1715512400, 750_000_000), ZoneOffset.UTC);
    private static final SessionInfo SESSION = new SessionInfo("1a2b3c4d", "laptop", "ab".repeat(32),
            "192.168.1.5:51234", 1715512345.5, "serve");

    /** A session registry that records kills. */
    static final class FakeSessions implements SessionAdmin {
        final List<SessionInfo> live = new CopyOnWriteArrayList<>();
        final List<String> killed = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;

        @Override
        public List<SessionInfo> sessions() {
            if (failure != null) {
                throw failure;
            }
            return List.copyOf(live);
        }

        @Override
        public int kill(String sessionId) {
            killed.add(sessionId);
            return live.removeIf(s -> s.id().equals(sessionId)) ? 1 : 0;
        }

        @Override
        public int killAll() {
            int n = live.size();
            live.clear();
            return n;
        }
    }

    @TempDir
    Path home;

    private final FakeSessions sessions = new FakeSessions();
    private final List<AdminServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(AdminServer::close);
    }

    private AdminServer start(Duration deadline) throws IOException {
        AdminServer server = AdminServer.start(home, sessions, CLOCK, deadline, false);
        servers.add(server);
        return server;
    }

    private AdminServer start() throws IOException {
        return start(Duration.ofSeconds(5));
    }

    private SocketChannel connect() throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(home.resolve("admin.sock")));
    }

    /** Sends raw bytes and returns everything the server sends until it closes. */
    private byte[] exchange(String requestHex) throws IOException {
        try (SocketChannel channel = connect()) {
            channel.write(ByteBuffer.wrap(HEX.parseHex(requestHex)));
            return Channels.newInputStream(channel).readAllBytes();
        }
    }

    /** The server hangs up without a byte (unread request bytes may turn the close into a reset). */
    private void assertClosedWithoutReply(String requestHex) throws IOException {
        try {
            assertThat(exchange(requestHex)).isEmpty();
        } catch (java.net.SocketException e) {
            assertThat(e).hasMessageContaining("reset");
        }
    }

    private Map<String, Object> decode(byte[] reply) {
        return LengthPrefixedMessages.parse(reply, 1 << 20);
    }

    @Test
    void listRequestVectorGetsAByteExactReply() throws Exception {
        sessions.live.add(SESSION);
        start();
        byte[] reply = exchange("0000000981a26f70a46c697374"); // protocol.md test vector: admin {"op":"list"}
        // Hand-assembled msgpack of {"ok": true, "sessions": [{id, peer_name, peer_pubkey_hex, remote_addr,
        // started_at, age_seconds, mode}]} in §13 key order, floats as float64 (cb …):
        String expected = "000000d1" + "82" + "a26f6b" + "c3" + "a873657373696f6e73" + "91" + "87"
                + "a26964" + "a83161326233633464"
                + "a9706565725f6e616d65" + "a66c6170746f70"
                + "af706565725f7075626b65795f686578" + "d940" + "6162".repeat(32)
                + "ab72656d6f74655f61646472" + "b13139322e3136382e312e353a3531323334"
                + "aa737461727465645f6174" + "cb41d9902906600000"
                + "ab6167655f7365636f6e6473" + "cb404ba00000000000"
                + "a46d6f6465" + "a57365727665";
        assertThat(HEX.formatHex(reply)).isEqualTo(expected);
        Map<String, Object> decoded = decode(reply);
        assertThat(decoded).containsEntry("ok", true);
        assertThat((List<?>) decoded.get("sessions")).singleElement().isEqualTo(Map.of("id", "1a2b3c4d",
                "peer_name", "laptop", "peer_pubkey_hex", "ab".repeat(32), "remote_addr", "192.168.1.5:51234",
                "started_at", 1715512345.5, "age_seconds", 55.25, "mode", "serve"));
    }

    @Test
    void emptyList() throws Exception {
        start();
        assertThat(HEX.formatHex(exchange("0000000981a26f70a46c697374")))
                .isEqualTo("0000000f82a26f6bc3a873657373696f6e7390");
    }

    @Test
    void killKillAllAndTheirErrors() throws Exception {
        sessions.live.add(SESSION);
        start();
        // {"op":"kill","id":"nope"} → {"ok": false, "killed": 0}
        assertThat(HEX.formatHex(exchange("0000001182a26f70a46b696c6ca26964a46e6f7065")))
                .isEqualTo("0000000d82a26f6bc2a66b696c6c656400");
        // {"op":"kill","id":"1a2b3c4d"} → {"ok": true, "killed": 1}
        assertThat(HEX.formatHex(exchange("0000001582a26f70a46b696c6ca26964a83161326233633464")))
                .isEqualTo("0000000d82a26f6bc3a66b696c6c656401");
        assertThat(sessions.killed).containsExactly("nope", "1a2b3c4d");
        // {"op":"kill"} and {"op":"kill","id":7} → {"ok": false, "error": "missing 'id'"}
        String missingId = "0000001882a26f6bc2a56572726f72ac6d697373696e672027696427";
        assertThat(HEX.formatHex(exchange("0000000981a26f70a46b696c6c"))).isEqualTo(missingId);
        assertThat(HEX.formatHex(exchange("0000000d82a26f70a46b696c6ca2696407"))).isEqualTo(missingId);
        // {"op":"kill_all"} → {"ok": true, "killed": 2}
        sessions.live.add(SESSION);
        sessions.live.add(SESSION);
        assertThat(HEX.formatHex(exchange("0000000d81a26f70a86b696c6c5f616c6c")))
                .isEqualTo("0000000d82a26f6bc3a66b696c6c656402");
        assertThat(sessions.live).isEmpty();
    }

    @Test
    void unknownOps() throws Exception {
        start();
        // {"op":"stop"} → {"ok": false, "error": "unknown op 'stop'"}
        assertThat(HEX.formatHex(exchange("0000000981a26f70a473746f70")))
                .isEqualTo("0000001d82a26f6bc2a56572726f72b1756e6b6e6f776e206f70202773746f7027");
        assertThat(decode(exchange("0000000581a26f70c0"))).containsEntry("error", "unknown op None");
        assertThat(decode(exchange("0000000180"))).containsEntry("error", "unknown op None"); // {}
    }

    @Test
    void failuresBecomeErrorReplies() throws Exception {
        sessions.failure = new IllegalStateException("registry is gone");
        start();
        assertThat(decode(exchange("0000000981a26f70a46c697374")))
                .isEqualTo(Map.of("ok", false, "error", "registry is gone"));
    }

    @Test
    void aCompleteFrameThatIsNotAMapGetsAnErrorReply() throws Exception {
        start();
        Map<String, Object> reply = decode(exchange("00000001c1")); // 0xc1: never valid msgpack
        assertThat(reply).containsEntry("ok", false).containsKey("error");
        assertThat(decode(exchange("0000000392a1a1"))).containsEntry("ok", false); // an array, not a map
    }

    @Test
    void oversizedOrTruncatedRequestsJustCloseTheConnection() throws Exception {
        start();
        assertClosedWithoutReply("7fffffff81a26f70");
        assertClosedWithoutReply("00100001"); // 1 MiB + 1
        try (SocketChannel channel = connect()) { // truncated: the client gives up half-way
            channel.write(ByteBuffer.wrap(HEX.parseHex("0000000981a26f")));
            channel.shutdownOutput();
            assertThat(Channels.newInputStream(channel).readAllBytes()).isEmpty();
        }
        // and the server still serves
        assertThat(decode(exchange("0000000981a26f70a46c697374"))).containsEntry("ok", true);
    }

    @Test
    void aSilentClientIsDroppedAndDoesNotBlockOthers() throws Exception {
        start(Duration.ofMillis(300));
        try (SocketChannel silent = connect()) {
            for (int i = 0; i < 5; i++) {
                assertThat(decode(exchange("0000000981a26f70a46c697374"))).containsEntry("ok", true);
            }
            long t0 = System.nanoTime();
            InputStream in = Channels.newInputStream(silent);
            assertThat(in.read()).isEqualTo(-1); // closed by the server at its deadline
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void manyConcurrentClients() throws Exception {
        sessions.live.add(SESSION);
        start();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<byte[]>> replies = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            replies.add(pool.submit(() -> exchange("0000000981a26f70a46c697374")));
        }
        for (Future<byte[]> f : replies) {
            assertThat(decode(f.get(20, TimeUnit.SECONDS))).containsEntry("ok", true);
        }
        pool.shutdown();
    }

    @Test
    void socketIsOwnerOnlyAndRemovedAtClose() throws Exception {
        AdminServer server = start();
        Path socket = home.resolve("admin.sock");
        assertThat(server.endpointFile()).isEqualTo(socket);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        server.close();
        assertThat(socket).doesNotExist();
        server.close(); // idempotent
    }

    @Test
    void aStaleSocketIsReplaced() throws Exception {
        Path socket = home.resolve("admin.sock");
        // what a crashed serve leaves behind: a bound socket file nobody listens on
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(socket));
        dead.close();
        assertThat(socket).exists();
        start();
        assertThat(decode(exchange("0000000981a26f70a46c697374"))).containsEntry("ok", true);
        // a plain leftover file is replaced too
        servers.forEach(AdminServer::close);
        Files.writeString(socket, "junk");
        start();
        assertThat(decode(exchange("0000000981a26f70a46c697374"))).containsEntry("ok", true);
    }

    @Test
    void closeLeavesAReplacementServersSocketAlone() throws Exception {
        AdminServer first = start();
        AdminServer second = start(); // a second serve on the same home takes the path over
        first.close();
        assertThat(home.resolve("admin.sock")).exists();
        assertThat(decode(exchange("0000000981a26f70a46c697374"))).containsEntry("ok", true);
        second.close();
        assertThat(home.resolve("admin.sock")).doesNotExist();
    }

    @Test
    void homeIsCreatedOwnerOnly() throws Exception {
        Path fresh = home.resolve("fresh");
        try (AdminServer server = AdminServer.start(fresh, sessions, CLOCK, Duration.ofSeconds(5), false)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
            assertThat(server.endpointFile()).exists();
        }
    }

    @Test
    void windowsStyleTcpEndpoint() throws Exception {
        sessions.live.add(SESSION);
        try (AdminServer server = AdminServer.start(home, sessions, CLOCK, Duration.ofSeconds(5), true)) {
            Path portFile = home.resolve("admin.port");
            assertThat(server.endpointFile()).isEqualTo(portFile);
            int port = Integer.parseInt(Files.readString(portFile));
            try (SocketChannel channel = SocketChannel.open(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port))) {
                channel.write(ByteBuffer.wrap(HEX.parseHex("0000000981a26f70a46c697374")));
                byte[] reply = Channels.newInputStream(channel).readAllBytes();
                assertThat(decode(reply)).containsEntry("ok", true);
            }
            assertThat(home.resolve("admin.sock")).doesNotExist();
        }
        assertThat(home.resolve("admin.port")).doesNotExist();
    }
}
