package dev.opendesk.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.auth.AuthHandshake;
import dev.opendesk.core.auth.HandshakeResult;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.PairingHandshake;
import dev.opendesk.core.auth.Psk;
import dev.opendesk.core.auth.ServerHandshake;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.protocol.ComputerDispatcher;
import dev.opendesk.core.protocol.Frame;
import dev.opendesk.core.protocol.Peer;
import dev.opendesk.core.protocol.PeerOptions;
import dev.opendesk.core.protocol.RemoteComputer;
import dev.opendesk.core.protocol.WireModel;
import dev.opendesk.core.testing.ScriptedComputer;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Listener;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
final class WebSocketTransportTest {
    private final WebSocketTransport transport = new WebSocketTransport(8 * 1024 * 1024, Duration.ofMillis(200), Duration.ofMillis(400));
    private final BlockingQueue<Connection> accepted = new LinkedBlockingQueue<>();
    private final Listener listener = transport.listen(new Endpoint("127.0.0.1", 0), accepted::add);

    @AfterEach
    void stop() {
        listener.close();
        transport.close();
    }

    private Connection accept() throws InterruptedException {
        Connection connection = accepted.poll(5, TimeUnit.SECONDS);
        assertThat(connection).as("accepted connection").isNotNull();
        return connection;
    }

    @Test
    void carriesWholeBinaryMessagesBothWays() throws Exception {
        Connection client = transport.dial(listener.endpoint());
        Connection server = accept();
        byte[] big = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(big);
        client.send(new byte[] {1, 2, 3});
        client.send(new byte[0]);
        client.send(big);
        assertThat(server.receive()).containsExactly(1, 2, 3);
        assertThat(server.receive()).isEmpty();
        byte[] got = server.receive();
        assertThat(got.length).isEqualTo(big.length);
        int firstDiff = Arrays.mismatch(got, big);
        assertThat(firstDiff).as("first differing byte").isEqualTo(-1);
        server.send(new byte[] {9});
        assertThat(client.receive(Duration.ofSeconds(5))).hasValueSatisfying(m -> assertThat(m).containsExactly(9));
        assertThat(server.remoteAddress()).startsWith("127.0.0.1:");
        client.close();
        assertThatThrownBy(server::receive).isInstanceOfSatisfying(OpendeskException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL));
    }

    @Test
    void aReceiverSlowerThanItsSenderHoldsABoundedBacklog() throws Exception {
        // The production keep-alive (20 s): a peer that stops reading for longer is dropped, as the
        // reference's websockets library drops it; this receiver pauses for one second.
        try (WebSocketTransport patient = new WebSocketTransport(8 * 1024 * 1024, Duration.ofSeconds(20), Duration.ofSeconds(20))) {
            BlockingQueue<Connection> hosts = new LinkedBlockingQueue<>();
            Listener hostListener = patient.listen(new Endpoint("127.0.0.1", 0), hosts::add);
            try {
                Connection client = patient.dial(hostListener.endpoint());
                Connection server = hosts.poll(5, TimeUnit.SECONDS);
                assertThat(server).isNotNull();
                byte[] frame = new byte[1024 * 1024];
                // 96 MB: twelve times the high-water mark, and more than the socket buffers can hold
                // (Linux lets a loopback receive buffer grow to tcp_rmem's maximum, 32 MB here)
                int frames = 96;
                Thread sender = new Thread(() -> {
                    for (int i = 0; i < frames; i++) {
                        frame[0] = (byte) i;
                        server.send(frame); // blocks once the client stops reading and TCP fills up
                    }
                });
                sender.start();
                WebSocketConnection receiving = (WebSocketConnection) client;
                long mostQueued = 0;
                for (int i = 0; i < 20; i++) { // nobody receives for a second
                    Thread.sleep(50);
                    mostQueued = Math.max(mostQueued, receiving.queuedBytes());
                }
                assertThat(sender.isAlive()).as("the sender is held back").isTrue();
                for (int i = 0; i < frames; i++) {
                    byte[] got = client.receive();
                    assertThat(got).hasSize(frame.length);
                    assertThat(got[0]).isEqualTo((byte) i);
                    mostQueued = Math.max(mostQueued, receiving.queuedBytes());
                }
                sender.join(10_000);
                assertThat(mostQueued).isBetween(WebSocketConnection.INBOX_HIGH_WATER_BYTES,
                        WebSocketConnection.INBOX_HIGH_WATER_BYTES + 4L * frame.length);
                assertThat(client.isOpen()).isTrue();
            } finally {
                hostListener.close();
            }
        }
    }

    @Test
    void aTextMessageClosesThatConnectionOnly() throws Exception {
        Connection bystander = transport.dial(listener.endpoint());
        Connection bystanderServer = accept();
        CompletableFuture<Integer> closedWith = new CompletableFuture<>();
        WebSocket raw = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + listener.endpoint().port() + "/any/path"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closedWith.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closedWith.complete(-1);
                    }
                }).get(5, TimeUnit.SECONDS);
        Connection server = accept();
        raw.sendText("hello", true).get(5, TimeUnit.SECONDS);
        assertThatThrownBy(server::receive).isInstanceOf(OpendeskException.class).hasMessageContaining("text message");
        closedWith.get(5, TimeUnit.SECONDS);
        bystander.send(new byte[] {4});
        assertThat(bystanderServer.receive()).containsExactly(4);
    }

    @Test
    void anOversizedMessageClosesTheConnection() throws Exception {
        try (WebSocketTransport small = new WebSocketTransport(1024, Duration.ofSeconds(20), Duration.ofSeconds(20))) {
            BlockingQueue<Connection> got = new LinkedBlockingQueue<>();
            Listener smallListener = small.listen(new Endpoint("127.0.0.1", 0), got::add);
            try {
                Connection client = small.dial(smallListener.endpoint());
                Connection server = got.poll(5, TimeUnit.SECONDS);
                client.send(new byte[512]);
                assertThat(server.receive()).hasSize(512);
                client.send(new byte[4096]);
                assertThatThrownBy(server::receive).isInstanceOf(OpendeskException.class);
                assertThat(server.isOpen()).isFalse();
            } finally {
                smallListener.close();
            }
        }
    }

    @Test
    void pingsKeepTheConnectionAliveAndArePaced() throws Exception {
        CountDownLatch pings = new CountDownLatch(2);
        WebSocket raw = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + listener.endpoint().port() + "/"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
                        pings.countDown();
                        webSocket.request(1);
                        return null; // the JDK client answers with a pong by itself
                    }
                }).get(5, TimeUnit.SECONDS);
        Connection server = accept();
        assertThat(pings.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(600);
        assertThat(server.isOpen()).isTrue();
        raw.abort();
    }

    @Test
    void neverNegotiatesCompression() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", listener.endpoint().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            while (!response.toString().contains("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                response.append((char) b);
            }
            assertThat(response.toString()).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("permessage-deflate");
        }
    }

    @Test
    void refusedAndUnreachableEndpointsAreClearErrors() {
        listener.close();
        assertThatThrownBy(() -> transport.dial(listener.endpoint()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL))
                .hasMessageContaining("cannot connect to ws://127.0.0.1:");
    }

    @Test
    void anEncryptedSessionRunsOverIt() throws Exception {
        Identity host = Identity.generate();
        Identity controller = Identity.generate();
        ScriptedComputer desktop = new ScriptedComputer();
        ServerHandshake handshake = new ServerHandshake(host, () -> Optional.of(Psk.derive("123456")), key -> false);
        try (WebSocketTransport hostTransport = new WebSocketTransport()) {
            Listener hostListener = hostTransport.listen(new Endpoint("127.0.0.1", 0), connection -> {
                HandshakeResult result = handshake.accept(connection);
                Peer.open(result.encrypt(connection), Frame.Hello.server(WireModel.toWire(desktop.capabilities())),
                        new ComputerDispatcher(desktop), PeerOptions.DEFAULTS);
            });
            try {
                Connection connection = transport.dial(hostListener.endpoint());
                HandshakeResult paired = PairingHandshake.client(connection, "123456", controller);
                try (Peer peer = Peer.open(paired.encrypt(connection), Frame.Hello.client(), null, PeerOptions.DEFAULTS)) {
                    RemoteComputer remote = new RemoteComputer(peer);
                    assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
                    desktop.fileContents = new byte[3 * 1024 * 1024];
                    assertThat(remote.readFile("/x")).hasSize(3 * 1024 * 1024);
                }
                // while the pairing window is open, an auth handshake is refused
                Connection authAttempt = transport.dial(hostListener.endpoint());
                assertThatThrownBy(() -> AuthHandshake.client(authAttempt, controller, host.publicKey()))
                        .isInstanceOf(OpendeskException.class);
            } finally {
                hostListener.close();
            }
        }
    }
}
