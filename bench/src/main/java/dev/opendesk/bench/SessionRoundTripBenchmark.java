package dev.opendesk.bench;

import dev.opendesk.core.auth.HandshakeResult;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.PairingHandshake;
import dev.opendesk.core.auth.Psk;
import dev.opendesk.core.auth.ServerHandshake;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
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
import dev.opendesk.transport.local.LocalTransport;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * A controller's call round trip through the whole post-handshake stack over the in-process
 * transport: RemoteComputer → Peer → msgpack → ChaCha20-Poly1305 → host Peer → dispatcher →
 * Computer and back. The plaintext variants skip only the encryption, so their ratio is the
 * cost of the AEAD. {@code read1MiB} measures payload throughput (1 MiB per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SessionRoundTripBenchmark {
    private final LocalTransport transport = new LocalTransport();
    private final ScriptedComputer desktop = new ScriptedComputer();
    private final PointerEvent move = PointerEvent.move(new Point(812, 410));
    private Listener encryptedListener;
    private Listener plainListener;
    private RemoteComputer encrypted;
    private RemoteComputer plain;

    @Setup(Level.Trial)
    public void connect() throws Exception {
        desktop.recording = false;
        desktop.fileContents = new byte[1 << 20];
        Identity host = Identity.generate();
        Identity controller = Identity.generate();
        Psk psk = Psk.derive("123456");
        ServerHandshake handshake = new ServerHandshake(host, () -> Optional.of(psk), key -> true);
        Frame.Hello serverHello = Frame.Hello.server(WireModel.toWire(desktop.capabilities()));

        encryptedListener = transport.listen(new Endpoint("bench-encrypted", 0), connection -> {
            HandshakeResult result = handshake.accept(connection);
            Peer.open(result.encrypt(connection), serverHello, new ComputerDispatcher(desktop), PeerOptions.DEFAULTS);
        });
        Connection connection = transport.dial(encryptedListener.endpoint());
        HandshakeResult result = PairingHandshake.client(connection, "123456", controller);
        encrypted = new RemoteComputer(Peer.open(result.encrypt(connection), Frame.Hello.client(), null, PeerOptions.DEFAULTS));

        plainListener = transport.listen(new Endpoint("bench-plain", 0), accepted ->
                Peer.open(accepted, serverHello, new ComputerDispatcher(desktop), PeerOptions.DEFAULTS));
        Connection plainConnection = transport.dial(plainListener.endpoint());
        plain = new RemoteComputer(Peer.open(plainConnection, Frame.Hello.client(), null, PeerOptions.DEFAULTS));
        CompletableFuture.runAsync(() -> encrypted.pointer(move)).get(10, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void close() {
        ((Peer) encrypted.caller()).close();
        ((Peer) plain.caller()).close();
        encryptedListener.close();
        plainListener.close();
    }

    @Benchmark
    public void encryptedPointer() {
        encrypted.pointer(move);
    }

    @Benchmark
    public void plaintextPointer() {
        plain.pointer(move);
    }

    @Benchmark
    public byte[] encryptedRead1MiB() {
        return encrypted.readFile("/bench");
    }

    @Benchmark
    public byte[] plaintextRead1MiB() {
        return plain.readFile("/bench");
    }
}
