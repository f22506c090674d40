package dev.opendesk.app.remote;

import static dev.opendesk.app.remote.RemoteFixture.CODE;
import static dev.opendesk.app.remote.RemoteFixture.assertSortedKeys;
import static dev.opendesk.app.remote.RemoteFixture.audit;
import static dev.opendesk.app.remote.RemoteFixture.auditLines;
import static dev.opendesk.app.remote.RemoteFixture.await;
import static dev.opendesk.app.remote.RemoteFixture.awaitAudit;
import static dev.opendesk.app.remote.RemoteFixture.field;
import static dev.opendesk.app.remote.RemoteFixture.hostSideName;
import static dev.opendesk.app.remote.RemoteFixture.targetOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.opendesk.app.cli.OpendeskCommand;
import dev.opendesk.core.audit.AuditRecord;
import dev.opendesk.core.audit.JsonlAuditLog;
import dev.opendesk.core.auth.AuthFailure;
import dev.opendesk.core.auth.AuthHandshake;
import dev.opendesk.core.auth.HandshakeResult;
import dev.opendesk.core.auth.HandshakeSettings;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.policy.AllowAllPolicy;
import dev.opendesk.core.policy.ConsolePolicy;
import dev.opendesk.core.policy.Policy;
import dev.opendesk.core.policy.Prompter;
import dev.opendesk.core.protocol.Frame;
import dev.opendesk.core.protocol.Peer;
import dev.opendesk.core.protocol.PeerOptions;
import dev.opendesk.core.protocol.RemoteComputer;
import dev.opendesk.core.remote.AdminClient;
import dev.opendesk.core.remote.AdminServer;
import dev.opendesk.core.remote.Controller;
import dev.opendesk.core.remote.HostServer;
import dev.opendesk.core.remote.PairingWindow;
import dev.opendesk.core.remote.RemoteSession;
import dev.opendesk.core.remote.SessionEvictedException;
import dev.opendesk.core.remote.SessionInfo;
import dev.opendesk.core.remote.Target;
import dev.opendesk.core.testing.ScriptedComputer;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.ConnectionAcceptor;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Listener;
import dev.opendesk.core.transport.Transport;
import dev.opendesk.transport.websocket.WebSocketTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java host and the Java controller end to end over a real Undertow WebSocket on loopback,
 * the host serving core's scripted Computer (no desktop needed): busy, bump, eviction through
 * the admin IPC and the CLI, reconnect after a host restart, bad input of every kind, the audit
 * file, admin replies byte for byte, racing controllers and the console policy.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
final class RemoteOverWebSocketTest {
    /** The host's message limit here: small, so that an oversized message is cheap to send. */
    private static final long HOST_MAX_MESSAGE = 2L * 1024 * 1024;

    @TempDir
    Path hostHome;
    @TempDir
    Path controllerHome;
    @TempDir
    Path otherHome;

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final WebSocketTransport controllerTransport = closeLater(new WebSocketTransport());
    private final ScriptedComputer desktop = new ScriptedComputer();
    private WebSocketTransport hostTransport;
    private Listener hostListener;
    private HostServer host;
    private JsonlAuditLog auditLog;
    private Endpoint endpoint;

    private <T extends AutoCloseable> T closeLater(T resource) {
        cleanup.add(resource);
        return resource;
    }

    @AfterEach
    void stop() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            try {
                cleanup.get(i).close();
            } catch (Exception e) {
                // best effort
            }
        }
    }

    // ------------------------------------------------------------------ fixture

    private HostServer startHost(Policy policy) {
        return startHost(policy, 0);
    }

    /** A host on 127.0.0.1:{@code port} (0 = any) with its own transport and the file audit log in its home. */
    private HostServer startHost(Policy policy, int port) {
        hostTransport = closeLater(new WebSocketTransport(HOST_MAX_MESSAGE, Duration.ofSeconds(20), Duration.ofSeconds(20)));
        auditLog = closeLater(new JsonlAuditLog(hostHome));
        host = closeLater(new HostServer(Identity.loadOrCreate(hostHome), new TrustedPeerStore(hostHome),
                new HomeFiles(hostHome), desktop, policy, auditLog, RemoteFixture.fastSettings()));
        WebSocketTransport transport = hostTransport;
        Transport capturing = new Transport() { // lets a test stop the listener without HostServer.close()'s eviction
            @Override
            public String name() {
                return transport.name();
            }

            @Override
            public Listener listen(Endpoint where, ConnectionAcceptor acceptor) {
                hostListener = transport.listen(where, acceptor);
                return hostListener;
            }

            @Override
            public Connection dial(Endpoint where) {
                return transport.dial(where);
            }
        };
        endpoint = host.listen(capturing, new Endpoint("127.0.0.1", port));
        return host;
    }

    /**
     * A host crash as the controller sees it: the listener and the WebSocket stack go away under
     * the session, and no eviction is pushed (HostServer.close() would push one). The listener is
     * stopped before the transport: see the report on WebSocketTransport.close() — stopping an
     * Undertow listener after its transport was closed spins forever.
     */
    private HostServer crashHost() {
        HostServer crashed = host;
        cleanup.remove(crashed);
        hostListener.close();
        hostTransport.close();
        return crashed;
    }

    private Controller controller(Path home) {
        return RemoteFixture.controller(home, controllerTransport);
    }

    private Target pair(Path home) throws Exception {
        CompletableFuture<PairingWindow.PairedController> paired = host.pairing().open(CODE, Duration.ofSeconds(30));
        controller(home).pairWith(endpoint, CODE, "desk");
        assertThat(paired.get(10, TimeUnit.SECONDS).publicKey()).isEqualTo(Identity.loadOrCreate(home).publicKey());
        return targetOf(home, "desk");
    }

    private RemoteSession connect(Path home, Target target, boolean autoReconnect) {
        return closeLater(controller(home).connect(target, autoReconnect));
    }

    private static void assertCode(Throwable error, ErrorCode code) {
        assertThat(error).isInstanceOf(OpendeskException.class);
        assertThat(((OpendeskException) error).code()).as(String.valueOf(error.getMessage())).isEqualTo(code);
    }

    /** Runs the CLI in-process. */
    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OpendeskCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    private String sessionIdOnHost() {
        return host.sessions().stream().findFirst().map(SessionInfo::id).orElseThrow();
    }

    // ------------------------------------------------------------------ single controller

    @Test
    void aSecondControllerIsBusyAndTheSameOneBumpsItsOldSession() throws Exception {
        startHost(new AllowAllPolicy());
        Target first = pair(controllerHome);
        Target second = pair(otherHome);
        RemoteSession one = connect(controllerHome, first, false);
        assertThat(new RemoteComputer(one).cursorPosition()).isEqualTo(new Point(50, 60));

        long before = System.nanoTime();
        assertThatThrownBy(() -> connect(otherHome, second, false))
                .satisfies(e -> assertCode(e, ErrorCode.BUSY))
                .hasMessageContaining(hostSideName(hostHome, controllerHome) + " is the active controller");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
        JsonObject rejected = awaitAudit(hostHome, AuditRecord.SESSION_REJECTED, r -> field(r, "reason").startsWith("busy: "));
        assertThat(field(rejected, "reason")).isEqualTo("busy: " + hostSideName(hostHome, controllerHome));
        assertThat(rejected.getAsJsonObject("peer").get("name").getAsString()).isEqualTo(hostSideName(hostHome, otherHome));
        assertThat(new RemoteComputer(one).cursorPosition()).as("the active session is undisturbed").isEqualTo(new Point(50, 60));

        String oldId = sessionIdOnHost();
        RemoteSession again = connect(controllerHome, first, false);
        assertThat(new RemoteComputer(again).cursorPosition()).isEqualTo(new Point(50, 60));
        assertThatThrownBy(() -> new RemoteComputer(one).cursorPosition()).isInstanceOf(SessionEvictedException.class)
                .hasMessageContaining("admin_disconnect");
        assertThat(one.isEvicted()).isTrue();
        assertThat(host.sessions()).singleElement().satisfies(s -> assertThat(s.id()).isNotEqualTo(oldId).matches("[0-9a-f]{8}"));
        awaitAudit(hostHome, AuditRecord.SESSION_CLOSED, r -> field(r, "session_id").equals(oldId));
    }

    @Test
    void twoControllersRacingToConnectExactlyOneWins() throws Exception {
        startHost(new AllowAllPolicy());
        Target first = pair(controllerHome);
        Target second = pair(otherHome);
        for (int round = 0; round < 3; round++) {
            CompletableFuture<RemoteSession> a = CompletableFuture.supplyAsync(() -> controller(controllerHome).connect(first, false));
            CompletableFuture<RemoteSession> b = CompletableFuture.supplyAsync(() -> controller(otherHome).connect(second, false));
            List<RemoteSession> winners = new ArrayList<>();
            int busy = 0;
            for (CompletableFuture<RemoteSession> attempt : List.of(a, b)) {
                try {
                    winners.add(attempt.get(10, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertCode(e.getCause(), ErrorCode.BUSY);
                    busy++;
                }
            }
            assertThat(winners).as("round %d", round).hasSize(1);
            assertThat(busy).isEqualTo(1);
            assertThat(new RemoteComputer(winners.get(0)).cursorPosition()).isEqualTo(new Point(50, 60));
            assertThat(host.sessions()).hasSize(1);
            winners.forEach(RemoteSession::close);
            await("the winner's session to end", () -> host.sessions().isEmpty());
        }
    }

    // ------------------------------------------------------------------ eviction

    @Test
    void theDisconnectCommandEvictsThroughTheAdminSocketAndStopsReconnecting() throws Exception {
        startHost(new AllowAllPolicy());
        closeLater(AdminServer.start(hostHome, host));
        Target target = pair(controllerHome);
        RemoteSession session = connect(controllerHome, target, true);
        RemoteComputer remote = new RemoteComputer(session);
        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
        String id = sessionIdOnHost();

        String[] run = cli("disconnect", "--home", hostHome.toString());
        assertThat(run[0]).as(run[2]).isEqualTo("0");
        assertThat(run[1]).contains("Disconnected the active controller.");

        await("the eviction push", session::isEvicted);
        assertThatThrownBy(remote::cursorPosition).isInstanceOfSatisfying(SessionEvictedException.class,
                e -> assertThat(e.reason()).isEqualTo("admin_disconnect"));
        assertThatThrownBy(remote::cursorPosition).isInstanceOf(SessionEvictedException.class);
        assertThat(host.sessions()).isEmpty();
        awaitAudit(hostHome, AuditRecord.SESSION_CLOSED, r -> field(r, "session_id").equals(id));
        assertThat(audit(hostHome, AuditRecord.SESSION_OPENED)).as("no reconnect after an eviction")
                .filteredOn(r -> field(r, "mode").equals("serve")).hasSize(1);
        assertThat(cli("disconnect", "--home", hostHome.toString())[1]).contains("No active session to disconnect.");
    }

    @Test
    void unpairingThePeerOnTheHostKicksItsSessionAndItCannotComeBack() throws Exception {
        startHost(new AllowAllPolicy());
        closeLater(AdminServer.start(hostHome, host));
        Target target = pair(controllerHome);
        RemoteSession session = connect(controllerHome, target, true);
        RemoteComputer remote = new RemoteComputer(session);
        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
        String name = hostSideName(hostHome, controllerHome);

        String[] run = cli("unpair", name, "--home", hostHome.toString());
        assertThat(run[0]).as(run[2]).isEqualTo("0");
        assertThat(run[1]).contains("Unpaired " + name + " and disconnected the active session.");
        await("the eviction push", session::isEvicted);
        assertThatThrownBy(remote::cursorPosition).isInstanceOf(SessionEvictedException.class);
        assertThat(host.sessions()).isEmpty();

        // the key is no longer trusted: the ambiguous §6.4 rejection on the controller, untrusted_peer in the audit
        assertThatThrownBy(() -> connect(controllerHome, target, true)).isInstanceOfSatisfying(AuthFailure.class,
                e -> assertThat(e.reason()).isEqualTo(AuthFailure.Reason.UNEXPECTED_PEER));
        JsonObject rejected = awaitAudit(hostHome, AuditRecord.SESSION_REJECTED,
                r -> field(r, "reason").equals("auth_failed: untrusted_peer"));
        assertThat(field(rejected, "remote_addr")).startsWith("127.0.0.1:");
    }

    // ------------------------------------------------------------------ reconnect

    @Test
    void theControllerReconnectsAfterTheHostRestartsAndReplaysAnIdempotentCall() throws Exception {
        startHost(new AllowAllPolicy());
        Target target = pair(controllerHome);
        RemoteSession session = connect(controllerHome, target, true);
        RemoteComputer remote = new RemoteComputer(session);
        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
        int port = endpoint.port();

        HostServer crashed = crashHost();
        await("the old session to end on the host", () -> crashed.sessions().isEmpty());
        assertThat(session.isEvicted()).isFalse();

        startHost(new AllowAllPolicy(), port);
        assertThat(endpoint.port()).isEqualTo(port);
        long before = System.nanoTime();
        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
        assertThat(host.sessions()).singleElement()
                .satisfies(s -> assertThat(s.peerPublicKeyHex()).isEqualTo(HexFormat.of().formatHex(Identity.loadOrCreate(controllerHome).publicKey())));
        remote.pointer(PointerEvent.move(new Point(1, 2)));
        assertThat(audit(hostHome, AuditRecord.SESSION_OPENED)).filteredOn(r -> field(r, "mode").equals("serve")).hasSize(2);
    }

    @Test
    void aCallInFlightWhenTheHostDiesIsReplayedIfIdempotent() throws Exception {
        startHost(new AllowAllPolicy());
        Target target = pair(controllerHome);
        RemoteSession session = connect(controllerHome, target, true);
        RemoteComputer remote = new RemoteComputer(session);
        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
        int port = endpoint.port();
        crashHost();
        // the next call finds the session dead, heals with backoff while the host comes back
        CompletableFuture<Point> call = CompletableFuture.supplyAsync(remote::cursorPosition);
        startHost(new AllowAllPolicy(), port);
        assertThat(call.get(15, TimeUnit.SECONDS)).isEqualTo(new Point(50, 60));
    }

    // ------------------------------------------------------------------ bad input

    /** A connection that flips one bit of the next message it sends once armed. */
    private static final class TamperingConnection implements Connection {
        private final Connection inner;
        final AtomicBoolean armed = new AtomicBoolean();

        TamperingConnection(Connection inner) {
            this.inner = inner;
        }

        @Override
        public void send(byte[] message) {
            byte[] copy = message.clone();
            if (armed.getAndSet(false)) {
                copy[copy.length / 2] ^= 0x01;
            }
            inner.send(copy);
        }

        @Override
        public byte[] receive() {
            return inner.receive();
        }

        @Override
        public Optional<byte[]> receive(Duration timeout) {
            return inner.receive(timeout);
        }

        @Override
        public String remoteAddress() {
            return inner.remoteAddress();
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void aTamperedFrameClosesThatSessionOnlyAndTheServerGoesOn() throws Exception {
        startHost(new AllowAllPolicy());
        Target target = pair(controllerHome);
        pair(otherHome);

        // a hand-made controller: real auth handshake and HELLOs, then one ciphertext with a flipped bit
        Connection raw = controllerTransport.dial(endpoint);
        TamperingConnection tampering = new TamperingConnection(raw);
        HandshakeResult result = AuthHandshake.client(tampering, Identity.loadOrCreate(otherHome),
                Identity.loadOrCreate(hostHome).publicKey(), HandshakeSettings.defaults().withTimeout(Duration.ofSeconds(3)));
        Peer peer = closeLater(Peer.open(result.encrypt(tampering), Frame.Hello.client(), null, PeerOptions.DEFAULTS));
        RemoteComputer tamperer = new RemoteComputer(peer);
        assertThat(tamperer.cursorPosition()).isEqualTo(new Point(50, 60));
        String id = sessionIdOnHost();
        tampering.armed.set(true);
        assertThatThrownBy(() -> tamperer.pointer(PointerEvent.move(new Point(3, 4)))).satisfies(e -> assertCode(e, ErrorCode.PROTOCOL));
        await("the tampered connection to close", () -> !raw.isOpen());
        JsonObject closed = awaitAudit(hostHome, AuditRecord.SESSION_CLOSED, r -> field(r, "session_id").equals(id));
        assertThat(field(closed, "reason")).startsWith("error: ").contains("decryption failed");
        assertThat(desktop.calls).as("the tampered call never reached the desktop")
                .noneMatch(call -> call.get(0).equals("pointer"));
        assertThat(host.sessions()).isEmpty();

        // the server goes on serving
        RemoteSession next = connect(controllerHome, target, false);
        assertThat(new RemoteComputer(next).cursorPosition()).isEqualTo(new Point(50, 60));
    }

    @Test
    void garbageTextAndOversizedMessagesCloseOnlyTheirConnection() throws Exception {
        startHost(new AllowAllPolicy());
        Target target = pair(controllerHome);
        RemoteSession session = connect(controllerHome, target, false);
        RemoteComputer remote = new RemoteComputer(session);
        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
        String id = sessionIdOnHost();
        int rejectedBefore = audit(hostHome, AuditRecord.SESSION_REJECTED).size();

        // 1. garbage instead of a handshake
        Connection garbage = controllerTransport.dial(endpoint);
        garbage.send(new byte[] {(byte) 0xc1, 0, 1, 2, 3});
        await("the garbage connection to close", () -> !garbage.isOpen());
        assertThatThrownBy(garbage::receive).satisfies(e -> assertCode(e, ErrorCode.PROTOCOL));

        // 2. a text message (a JDK WebSocket client, since ours only speaks binary)
        CompletableFuture<Integer> textClosed = new CompletableFuture<>();
        WebSocket text = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + endpoint.port() + "/"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        textClosed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        textClosed.complete(-1);
                    }
                }).get(5, TimeUnit.SECONDS);
        text.sendText("{\"type\":\"auth_hello\"}", true).get(5, TimeUnit.SECONDS);
        textClosed.get(10, TimeUnit.SECONDS);

        // 3. a message over the host's limit, before the handshake
        Connection big = controllerTransport.dial(endpoint);
        big.send(new byte[(int) HOST_MAX_MESSAGE + 1024]);
        await("the oversized connection to close", () -> !big.isOpen());

        await("three rejections in the audit", () -> audit(hostHome, AuditRecord.SESSION_REJECTED).size() >= rejectedBefore + 3);
        List<JsonObject> rejected = audit(hostHome, AuditRecord.SESSION_REJECTED);
        assertThat(rejected.subList(rejectedBefore, rejected.size())).allSatisfy(r -> {
            assertThat(field(r, "reason")).matches("(auth_failed|handshake_error): .+");
            assertThat(field(r, "remote_addr")).startsWith("127.0.0.1:");
        });

        // the active session never noticed
        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
        assertThat(sessionIdOnHost()).isEqualTo(id);
        assertThat(audit(hostHome, AuditRecord.SESSION_CLOSED)).noneMatch(r -> field(r, "session_id").equals(id));

        // 4. an oversized message inside the session closes that session, audited with the reason
        assertThatThrownBy(() -> remote.writeFile("/big", new byte[(int) HOST_MAX_MESSAGE + 1024]))
                .satisfies(e -> assertCode(e, ErrorCode.PROTOCOL));
        JsonObject closed = awaitAudit(hostHome, AuditRecord.SESSION_CLOSED, r -> field(r, "session_id").equals(id));
        // (WebSocketConnection means to say "message exceeds the limit of N bytes" but does not recognise
        // Undertow's "UT002040: Message exceeded max message size of N", so the raw error shows; both name N)
        assertThat(field(closed, "reason")).startsWith("error: ").contains(String.valueOf(HOST_MAX_MESSAGE));

        // and the server still serves
        RemoteSession next = connect(controllerHome, target, false);
        assertThat(new RemoteComputer(next).cursorPosition()).isEqualTo(new Point(50, 60));
    }

    // ------------------------------------------------------------------ audit file

    @Test
    void theAuditFileHoldsSortedOneLineRecordsOfTheSession() throws Exception {
        startHost(new AllowAllPolicy());
        Target target = pair(controllerHome);
        String name = hostSideName(hostHome, controllerHome);
        String fp = AuditRecord.fingerprintOf(Identity.loadOrCreate(controllerHome).publicKey());
        String id;
        try (RemoteSession session = controller(controllerHome).connect(target, false)) {
            RemoteComputer remote = new RemoteComputer(session);
            id = sessionIdOnHost();
            remote.pointer(PointerEvent.move(new Point(812, 410)));
            desktop.fileContents = "secret payload".getBytes(StandardCharsets.UTF_8);
            assertThat(remote.readFile("/etc/secret")).isEqualTo(desktop.fileContents);
            assertThatThrownBy(() -> session.call("no.such.method", Map.of())).satisfies(e -> assertCode(e, ErrorCode.CAPABILITY_UNSUPPORTED));
        }
        JsonObject closed = awaitAudit(hostHome, AuditRecord.SESSION_CLOSED, r -> field(r, "session_id").equals(id));

        Path directory = hostHome.resolve(JsonlAuditLog.DIRECTORY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        try (var files = Files.list(directory)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file -> {
                assertThat(file.getFileName().toString()).matches("\\d{4}-\\d{2}-\\d{2}\\.jsonl");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            });
        }
        List<String> lines = auditLines(hostHome);
        for (String line : lines) {
            assertSortedKeys(JsonParser.parseString(line), line);
            assertThat(line).startsWith("{\"").endsWith("}").contains("\": ").doesNotContain("secret payload");
        }
        List<JsonObject> ours = audit(hostHome).stream()
                .filter(r -> r.has("session_id") && field(r, "session_id").equals(id)).toList();
        assertThat(ours).extracting(r -> field(r, "type"))
                .containsExactly("session.opened", "call", "call", "call", "session.closed");
        JsonObject opened = ours.get(0);
        assertThat(opened.keySet()).containsExactly("mode", "peer", "remote_addr", "session_id", "ts", "type");
        assertThat(field(opened, "mode")).isEqualTo("serve");
        assertThat(field(opened, "remote_addr")).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(opened.getAsJsonObject("peer").keySet()).containsExactly("fp", "name");
        assertThat(opened.getAsJsonObject("peer").get("fp").getAsString()).isEqualTo(fp).hasSize(16);
        assertThat(opened.getAsJsonObject("peer").get("name").getAsString()).isEqualTo(name);
        assertThat(opened.get("ts").getAsDouble()).isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));

        JsonObject pointer = ours.get(1);
        assertThat(pointer.keySet()).containsExactly("method", "outcome", "peer", "session_id", "summary", "ts", "type");
        assertThat(field(pointer, "method")).isEqualTo("input.pointer");
        assertThat(field(pointer, "outcome")).isEqualTo("ok");
        assertThat(field(pointer, "summary")).isEqualTo("send pointer move at (812.0, 410.0)");
        assertThat(field(ours.get(2), "summary")).isEqualTo("read file: /etc/secret");
        JsonObject unknown = ours.get(3);
        assertThat(field(unknown, "outcome")).isEqualTo("error");
        assertThat(field(unknown, "error_code")).isEqualTo("capability_unsupported");
        assertThat(field(unknown, "error_message")).isNotEmpty().hasSizeLessThanOrEqualTo(200);

        assertThat(closed.keySet()).containsExactly("duration", "peer", "reason", "session_id", "ts", "type");
        assertThat(field(closed, "reason")).isEmpty();
        String durationText = closed.get("duration").getAsJsonPrimitive().getAsString();
        assertThat(durationText).matches("\\d+\\.\\d{1,3}");
    }

    // ------------------------------------------------------------------ admin IPC

    /** Sends one request body as raw bytes to the admin socket and returns the raw reply (prefix included). */
    private byte[] rawAdmin(byte[] body) throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(hostHome.resolve("admin.sock")));
            ByteBuffer out = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(4096);
            while (channel.read(in) >= 0) { // the server closes after its one reply
                reply.write(in.array(), 0, in.position());
                in.clear();
            }
            return reply.toByteArray();
        }
    }

    /** Hand-written msgpack (independent of our codec): fixmap, fixstr, bools, positive fixints. */
    private static byte[] msgpack(Object... keysAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | keysAndValues.length / 2);
        for (Object item : keysAndValues) {
            if (item instanceof String s) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                out.write(0xa0 | bytes.length);
                out.writeBytes(bytes);
            } else if (item instanceof Boolean b) {
                out.write(b ? 0xc3 : 0xc2);
            } else if (item instanceof Integer i) {
                out.write(i);
            } else if (item instanceof byte[] raw) {
                out.writeBytes(raw);
            }
        }
        return out.toByteArray();
    }

    private static byte[] framed(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    @Test
    void adminRepliesAreByteExactWithTheSpec() throws Exception {
        startHost(new AllowAllPolicy());
        closeLater(AdminServer.start(hostHome, host));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hostHome.resolve("admin.sock")))).isEqualTo("rw-------");

        assertThat(rawAdmin(msgpack("op", "list"))).isEqualTo(framed(msgpack("ok", true, "sessions", new byte[] {(byte) 0x90})));
        assertThat(rawAdmin(msgpack("op", "kill_all"))).isEqualTo(framed(msgpack("ok", true, "killed", 0)));
        assertThat(rawAdmin(msgpack("op", "bogus"))).isEqualTo(framed(msgpack("ok", false, "error", "unknown op 'bogus'")));
        assertThat(rawAdmin(msgpack("op", "kill"))).isEqualTo(framed(msgpack("ok", false, "error", "missing 'id'")));
        assertThat(rawAdmin(msgpack("op", "kill", "id", "deadbeef"))).isEqualTo(framed(msgpack("ok", false, "killed", 0)));

        Target target = pair(controllerHome);
        RemoteSession session = connect(controllerHome, target, false);
        assertThat(new RemoteComputer(session).cursorPosition()).isEqualTo(new Point(50, 60));
        AdminClient admin = AdminClient.connect(hostHome).orElseThrow();

        Map<String, Object> reply = admin.call(Map.of("op", "list"));
        assertThat(reply.keySet()).containsExactly("ok", "sessions");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) reply.get("sessions");
        assertThat(sessions).hasSize(1);
        Map<String, Object> listed = sessions.get(0);
        assertThat(listed.keySet()).containsExactly("id", "peer_name", "peer_pubkey_hex", "remote_addr", "started_at",
                "age_seconds", "mode");
        assertThat((String) listed.get("id")).matches("[0-9a-f]{8}").isEqualTo(sessionIdOnHost());
        assertThat(listed.get("peer_name")).isEqualTo(hostSideName(hostHome, controllerHome));
        assertThat(listed.get("peer_pubkey_hex")).isEqualTo(HexFormat.of().formatHex(Identity.loadOrCreate(controllerHome).publicKey()));
        assertThat((String) listed.get("remote_addr")).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(listed.get("started_at")).isInstanceOf(Double.class);
        assertThat(listed.get("age_seconds")).isInstanceOf(Double.class);
        assertThat((Double) listed.get("age_seconds")).isBetween(0.0, 60.0);
        assertThat(listed.get("mode")).isEqualTo("serve");
        assertThat(admin.list()).singleElement().satisfies(s -> assertThat(s.session().id()).isEqualTo(listed.get("id")));

        assertThat(rawAdmin(msgpack("op", "kill", "id", (String) listed.get("id"))))
                .isEqualTo(framed(msgpack("ok", true, "killed", 1)));
        await("the eviction push", session::isEvicted);
        assertThat(admin.list()).isEmpty();
        assertThat(admin.killAll()).isZero();
    }

    // ------------------------------------------------------------------ console policy

    /** A fake terminal: answers from a queue and remembers the prompts. */
    private static final class ScriptedPrompter implements Prompter {
        final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        final List<String> prompts = new CopyOnWriteArrayList<>();
        final boolean interactive;

        ScriptedPrompter(boolean interactive, String... answers) {
            this.interactive = interactive;
            this.answers.addAll(List.of(answers));
        }

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public Optional<String> ask(String prompt) {
            prompts.add(prompt);
            return Optional.ofNullable(answers.poll());
        }
    }

    @Test
    void theConsolePolicyAsksAndADenialLeavesTheSessionUsable() throws Exception {
        ScriptedPrompter tty = new ScriptedPrompter(true, "y", "no");
        startHost(new ConsolePolicy(tty));
        Target target = pair(controllerHome);
        String name = hostSideName(hostHome, controllerHome);
        RemoteSession session = connect(controllerHome, target, false);
        RemoteComputer remote = new RemoteComputer(session);

        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60)); // observation: no prompt
        remote.pointer(PointerEvent.move(new Point(812, 410))); // "y"
        assertThatThrownBy(() -> remote.pointer(PointerEvent.move(new Point(5, 6)))) // "no"
                .satisfies(e -> assertCode(e, ErrorCode.PERMISSION_DENIED))
                .hasMessageContaining(name + " denied: send pointer move at (5.0, 6.0)");
        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
        assertThat(remote.environment()).isEqualTo(ScriptedComputer.ENVIRONMENT);
        assertThat(tty.prompts).containsExactly(
                "[opendesk] " + name + " wants to send pointer move at (812.0, 410.0). Allow? [y/N] ",
                "[opendesk] " + name + " wants to send pointer move at (5.0, 6.0). Allow? [y/N] ");
        assertThat(desktop.calls).filteredOn(call -> call.get(0).equals("pointer")).hasSize(1);
        JsonObject denied = awaitAudit(hostHome, AuditRecord.CALL, r -> field(r, "outcome").equals("error"));
        assertThat(field(denied, "error_code")).isEqualTo("permission_denied");
        assertThat(host.sessions()).hasSize(1);
    }

    @Test
    void withoutATerminalTheConsolePolicyDeniesActions() throws Exception {
        startHost(new ConsolePolicy(new ScriptedPrompter(false)));
        Target target = pair(controllerHome);
        String name = hostSideName(hostHome, controllerHome);
        RemoteComputer remote = new RemoteComputer(connect(controllerHome, target, false));
        assertThatThrownBy(() -> remote.lock()).satisfies(e -> assertCode(e, ErrorCode.PERMISSION_DENIED))
                .hasMessageContaining(name + " → lock the screen: no TTY for interactive approval");
        assertThat(remote.displays()).containsExactly(ScriptedComputer.DISPLAY);
    }
}
