package dev.opendesk.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.auth.AuthFailure;
import dev.opendesk.core.auth.AuthHandshake;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole post-TCP stack over the in-process transport: pairing or auth handshake, encrypted
 * connection, HELLO, and a RemoteComputer driving a host's Computer through the dispatcher.
 */
@Timeout(60)
final class EncryptedSessionOverLocalTransportTest {
    private final LocalTransport transport = new LocalTransport();
    private final Identity hostIdentity = Identity.generate();
    private final Identity controllerIdentity = Identity.generate();
    private final ScriptedComputer desktop = new ScriptedComputer();
    private final Set<String> trustedControllers = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Optional<Psk>> pairingWindow = new AtomicReference<>(Optional.empty());
    private final List<Throwable> hostFailures = new CopyOnWriteArrayList<>();
    private final List<Peer> hostSessions = new CopyOnWriteArrayList<>();
    private Listener listener;

    @BeforeEach
    void startHost() {
        ServerHandshake handshake = new ServerHandshake(hostIdentity, pairingWindow::get,
                key -> trustedControllers.contains(hex(key)));
        listener = transport.listen(new Endpoint("e2e-host", 0), connection -> {
            try {
                HandshakeResult result = handshake.accept(connection);
                if (pairingWindow.get().isPresent()) {
                    trustedControllers.add(result.peerPublicKeyHex());
                    pairingWindow.set(Optional.empty()); // one-shot, as the reference
                }
                hostSessions.add(Peer.open(result.encrypt(connection), Frame.Hello.server(WireModel.toWire(desktop.capabilities())),
                        new ComputerDispatcher(desktop), PeerOptions.DEFAULTS));
            } catch (RuntimeException e) {
                hostFailures.add(e);
            }
        });
    }

    @AfterEach
    void stopHost() {
        listener.close();
        hostSessions.forEach(Peer::close);
    }

    private static String hex(byte[] key) {
        return java.util.HexFormat.of().formatHex(key);
    }

    private RemoteComputer open(HandshakeResult result, Connection connection) {
        return new RemoteComputer(Peer.open(result.encrypt(connection), Frame.Hello.client(), null, PeerOptions.DEFAULTS));
    }

    @Test
    void pairThenReconnectWithStaticKeysAndDrive() {
        pairingWindow.set(Optional.of(Psk.derive("424242")));
        Connection first = transport.dial(listener.endpoint());
        HandshakeResult paired = PairingHandshake.client(first, "424242", controllerIdentity);
        assertThat(paired.peerPublicKey()).isEqualTo(hostIdentity.publicKey());
        RemoteComputer remote = open(paired, first);
        assertThat(remote.capabilities().backend()).isEqualTo("test/scripted");
        remote.pointer(PointerEvent.move(new Point(812, 410)));
        assertThat(remote.environment()).isEqualTo(ScriptedComputer.ENVIRONMENT);
        ((Peer) remote.caller()).close();
        assertThat(trustedControllers).containsExactly(hex(controllerIdentity.publicKey()));

        Connection second = transport.dial(listener.endpoint());
        HandshakeResult authed = AuthHandshake.client(second, controllerIdentity, hostIdentity.publicKey());
        RemoteComputer again = open(authed, second);
        desktop.fileContents = new byte[1 << 20];
        Arrays.fill(desktop.fileContents, (byte) 7);
        assertThat(again.readFile("/big")).isEqualTo(desktop.fileContents);
        assertThat(again.cursorPosition()).isEqualTo(new Point(50, 60));
        ((Peer) again.caller()).close();
        assertThat(hostFailures).isEmpty();
    }

    @Test
    void aWrongCodeIsRefusedAndTheWindowStaysOpen() {
        pairingWindow.set(Optional.of(Psk.derive("424242")));
        Connection connection = transport.dial(listener.endpoint());
        assertThatThrownBy(() -> PairingHandshake.client(connection, "000000", controllerIdentity))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.reason()).isEqualTo(AuthFailure.Reason.WRONG_CODE));
        assertThat(trustedControllers).isEmpty();
        Connection retry = transport.dial(listener.endpoint());
        assertThat(PairingHandshake.client(retry, "424242", controllerIdentity).peerPublicKey()).isEqualTo(hostIdentity.publicKey());
    }

    @Test
    void anUnpairedControllerCannotTellRejectionFromAWrongHost() {
        Connection connection = transport.dial(listener.endpoint());
        assertThatThrownBy(() -> AuthHandshake.client(connection, controllerIdentity, hostIdentity.publicKey()))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.reason()).isEqualTo(AuthFailure.Reason.UNEXPECTED_PEER));
        trustedControllers.add(hex(controllerIdentity.publicKey()));
        Connection wrongHost = transport.dial(listener.endpoint());
        assertThatThrownBy(() -> AuthHandshake.client(wrongHost, controllerIdentity, Identity.generate().publicKey()))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.reason()).isEqualTo(AuthFailure.Reason.UNEXPECTED_PEER));
    }
}
