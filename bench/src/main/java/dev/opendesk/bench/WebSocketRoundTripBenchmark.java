package dev.opendesk.bench;

import dev.opendesk.core.audit.AuditLog;
import dev.opendesk.core.auth.HandshakeResult;
import dev.opendesk.core.auth.HandshakeSettings;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.PairingHandshake;
import dev.opendesk.core.auth.Psk;
import dev.opendesk.core.auth.ServerHandshake;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.policy.AllowAllPolicy;
import dev.opendesk.core.protocol.ComputerDispatcher;
import dev.opendesk.core.protocol.Frame;
import dev.opendesk.core.protocol.Peer;
import dev.opendesk.core.protocol.PeerOptions;
import dev.opendesk.core.protocol.RemoteComputer;
import dev.opendesk.core.protocol.RequestHandler;
import dev.opendesk.core.protocol.WireModel;
import dev.opendesk.core.remote.Controller;
import dev.opendesk.core.remote.HostServer;
import dev.opendesk.core.remote.RemoteSession;
import dev.opendesk.core.remote.Target;
import dev.opendesk.core.testing.ScriptedComputer;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Listener;
import dev.opendesk.transport.websocket.WebSocketTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calls over a real Undertow WebSocket on loopback, Java controller ↔ Java host:
 * <ul>
 *   <li>{@code encryptedPointer}: an {@code input.pointer} round trip through Peer → msgpack →
 *       ChaCha20-Poly1305 → WebSocket → host Peer → dispatcher → scripted Computer and back;</li>
 *   <li>{@code hostServerPointer}: the same through the real {@link HostServer} (policy and audit
 *       gate, allow-all policy, audit records dropped) and a {@link RemoteSession};</li>
 *   <li>{@code plaintextPointer}: the same call with no handshake and no encryption (Peer straight
 *       on the WebSocket connection), so {@code encrypted / plaintext} is the AEAD's cost;</li>
 *   <li>{@code echo128}: 128 raw bytes echoed by the host's acceptor thread, the floor of any call
 *       on this stack;</li>
 *   <li>{@code capture300KB}: {@code display.capture} answered with a 300 KB PNG-sized pixmap,
 *       encrypted, in transfers per second.</li>
 * </ul>
 * Run: {@code bench/run.sh WebSocketRoundTrip -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WebSocketRoundTripBenchmark {
    private static final String CODE = "123456";
    private static final int CAPTURE_BYTES = 300 * 1024;

    private final ScriptedComputer desktop = new ScriptedComputer();
    private final PointerEvent move = PointerEvent.move(new Point(812, 410));
    private final byte[] echoMessage = new byte[128];
    private WebSocketTransport hostTransport;
    private WebSocketTransport controllerTransport;
    private Listener encryptedListener;
    private Listener plainListener;
    private Listener echoListener;
    private RemoteComputer encrypted;
    private RemoteComputer plain;
    private Connection echo;
    private Path hostHome;
    private Path controllerHome;
    private HostServer hostServer;
    private RemoteSession hostSession;
    private RemoteComputer viaHostServer;

    @Setup(Level.Trial)
    public void connect() throws Exception {
        desktop.recording = false;
        hostTransport = new WebSocketTransport();
        controllerTransport = new WebSocketTransport();
        Endpoint loopback = new Endpoint("127.0.0.1", 0);
        Frame.Hello serverHello = Frame.Hello.server(WireModel.toWire(desktop.capabilities()));
        RequestHandler handler = withBigCaptures(new ComputerDispatcher(desktop));

        // (a) encrypted: pairing handshake, then the frames under ChaCha20-Poly1305
        Identity host = Identity.generate();
        Identity controller = Identity.generate();
        ServerHandshake handshake = new ServerHandshake(host, () -> Optional.of(Psk.derive(CODE)), key -> true);
        encryptedListener = hostTransport.listen(loopback, connection -> {
            HandshakeResult result = handshake.accept(connection);
            Peer.open(result.encrypt(connection), serverHello, handler, PeerOptions.DEFAULTS);
        });
        Connection connection = controllerTransport.dial(encryptedListener.endpoint());
        HandshakeResult result = PairingHandshake.client(connection, CODE, controller);
        encrypted = new RemoteComputer(Peer.open(result.encrypt(connection), Frame.Hello.client(), null, PeerOptions.DEFAULTS));

        // (b) plaintext: the same Peer and dispatcher straight on the WebSocket
        plainListener = hostTransport.listen(loopback, accepted -> Peer.open(accepted, serverHello, handler, PeerOptions.DEFAULTS));
        plain = new RemoteComputer(Peer.open(controllerTransport.dial(plainListener.endpoint()), Frame.Hello.client(), null,
                PeerOptions.DEFAULTS));

        // (c) echo: raw binary messages bounced by the acceptor thread
        new Random(1).nextBytes(echoMessage);
        echoListener = hostTransport.listen(loopback, accepted -> {
            try {
                while (true) {
                    accepted.send(accepted.receive());
                }
            } catch (RuntimeException closed) {
                accepted.close();
            }
        });
        echo = controllerTransport.dial(echoListener.endpoint());

        // (a') the real host server: pair through its window, then an authenticated session
        hostHome = Files.createTempDirectory("opendesk-bench-host");
        controllerHome = Files.createTempDirectory("opendesk-bench-controller");
        HostServer.Settings settings = new HostServer.Settings(5, Duration.ofMillis(100), Duration.ofSeconds(2),
                HandshakeSettings.defaults(), PeerOptions.DEFAULTS);
        hostServer = new HostServer(Identity.loadOrCreate(hostHome), new TrustedPeerStore(hostHome), new HomeFiles(hostHome),
                desktop, new AllowAllPolicy(), (AuditLog) record -> { }, settings);
        Endpoint hostEndpoint = hostServer.listen(hostTransport, loopback);
        var paired = hostServer.pairing().open(CODE, Duration.ofSeconds(30));
        Controller client = new Controller(Identity.loadOrCreate(controllerHome), new TrustedPeerStore(controllerHome),
                controllerTransport, HandshakeSettings.defaults(), PeerOptions.DEFAULTS);
        client.pairWith(hostEndpoint, CODE, "bench");
        paired.get(10, TimeUnit.SECONDS);
        hostSession = client.connect(new Target("bench", hostEndpoint, Identity.loadOrCreate(hostHome).publicKey()), false);
        viaHostServer = new RemoteComputer(hostSession);

        CompletableFuture.runAsync(() -> {
            encrypted.pointer(move);
            plain.pointer(move);
            viaHostServer.pointer(move);
            echo.send(echoMessage);
            echo.receive();
        }).get(10, TimeUnit.SECONDS);
    }

    /** The dispatcher, but {@code display.capture} answers with a 300 KB incompressible "PNG". */
    private static RequestHandler withBigCaptures(RequestHandler inner) {
        byte[] data = new byte[CAPTURE_BYTES];
        new Random(2).nextBytes(data);
        Map<String, @Nullable Object> capture = WireModel.toWire(new Pixmap(data, PixmapFormat.PNG, 1280, 800, 1280, 800, "1",
                1_700_000_000.0));
        return new RequestHandler() {
            @Override
            public @Nullable Map<String, @Nullable Object> handle(String method, Map<String, @Nullable Object> params) {
                return method.equals("display.capture") ? capture : inner.handle(method, params);
            }

            @Override
            public void handleStream(String method, Map<String, @Nullable Object> params, StreamSink sink) {
                inner.handleStream(method, params, sink);
            }
        };
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        hostSession.close();
        hostServer.close();
        ((Peer) encrypted.caller()).close();
        ((Peer) plain.caller()).close();
        echo.close();
        encryptedListener.close();
        plainListener.close();
        echoListener.close();
        controllerTransport.close();
        hostTransport.close();
        for (Path home : new Path[] {hostHome, controllerHome}) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    public void encryptedPointer() {
        encrypted.pointer(move);
    }

    @Benchmark
    public void hostServerPointer() {
        viaHostServer.pointer(move);
    }

    @Benchmark
    public void plaintextPointer() {
        plain.pointer(move);
    }

    @Benchmark
    public byte[] echo128() {
        echo.send(echoMessage);
        return echo.receive();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Pixmap capture300KB() {
        return encrypted.capture();
    }
}
