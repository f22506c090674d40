package dev.opendesk.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.audit.AuditLog;
import dev.opendesk.core.audit.AuditRecord;
import dev.opendesk.core.auth.AuthFailure;
import dev.opendesk.core.auth.HandshakeSettings;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.policy.AllowAllPolicy;
import dev.opendesk.core.policy.Policy;
import dev.opendesk.core.policy.PolicyDecision;
import dev.opendesk.core.protocol.PeerOptions;
import dev.opendesk.core.protocol.RemoteComputer;
import dev.opendesk.core.testing.PipeTransport;
import dev.opendesk.core.testing.ScriptedComputer;
import dev.opendesk.core.transport.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Host server ↔ controller end to end over in-memory pipes (the WebSocket variant lives with the transport). */
@Timeout(60)
final class HostServerTest {
    private static final Endpoint HOST = new Endpoint("host", 8423);

    @TempDir
    Path hostHome;
    @TempDir
    Path controllerHome;
    @TempDir
    Path otherHome;

    private final PipeTransport transport = new PipeTransport();
    private final ScriptedComputer desktop = new ScriptedComputer();
    private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    private volatile Policy policy = new AllowAllPolicy();
    private HostServer host;

    private HostServer startHost() {
        HostServer.Settings settings = new HostServer.Settings(3, Duration.ofMillis(200), Duration.ofMillis(300),
                HandshakeSettings.defaults().withTimeout(Duration.ofSeconds(2)), PeerOptions.DEFAULTS);
        host = new HostServer(Identity.loadOrCreate(hostHome), new TrustedPeerStore(hostHome), new HomeFiles(hostHome),
                desktop, request -> policy.decide(request), (AuditLog) audit::add, settings);
        host.listen(transport, HOST);
        return host;
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private Controller controller(Path home) {
        return new Controller(Identity.loadOrCreate(home), new TrustedPeerStore(home), transport,
                HandshakeSettings.defaults().withTimeout(Duration.ofSeconds(2)), PeerOptions.DEFAULTS);
    }

    private Target targetOf(Path home, String name) {
        return new TargetResolver(new TrustedPeerStore(home), new HomeFiles(home), Optional.empty(), Duration.ofMillis(10))
                .resolve(Optional.of(name));
    }

    private List<String> auditTypes() {
        return audit.stream().map(AuditRecord::type).toList();
    }

    private Target pair(Path home, String name) throws Exception {
        CompletableFuture<PairingWindow.PairedController> paired = host.pairing().open("424242", Duration.ofSeconds(30));
        controller(home).pairWith(HOST, "424242", name);
        assertThat(paired.get(5, TimeUnit.SECONDS).publicKey()).isEqualTo(Identity.loadOrCreate(home).publicKey());
        // the pairing connection is closed by the controller; the host lets go of it asynchronously
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!host.sessions().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(host.sessions()).as("sessions left after pairing").isEmpty();
        return targetOf(home, name);
    }

    @Test
    void pairsAfterAWrongCodeThenDrivesTheDesktopWithAuditedCalls() throws Exception {
        startHost();
        CompletableFuture<PairingWindow.PairedController> paired = host.pairing().open("424242", Duration.ofSeconds(30));
        assertThatThrownBy(() -> controller(controllerHome).pairWith(HOST, "111111", "desk"))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.reason()).isEqualTo(AuthFailure.Reason.WRONG_CODE));
        long before = System.nanoTime();
        Controller.PairedHost pairedHost = controller(controllerHome).pairWith(HOST, "424242", "desk");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(150)); // the penalty
        assertThat(pairedHost.name()).isEqualTo("desk");
        assertThat(paired.get(5, TimeUnit.SECONDS).name()).startsWith("peer-");
        assertThat(host.pairing().isOpen()).isFalse();
        assertThat(new TrustedPeerStore(controllerHome).find("desk").orElseThrow().lastPort()).isEqualTo(8423);

        try (RemoteSession session = controller(controllerHome).connect(targetOf(controllerHome, "desk"), false)) {
            RemoteComputer remote = new RemoteComputer(session);
            remote.pointer(PointerEvent.move(new Point(812, 410)));
            assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
            assertThat(host.sessions()).singleElement().satisfies(s -> assertThat(s.mode()).isEqualTo("serve"));
        }
        awaitAudit("session.closed", 2);
        assertThat(auditTypes()).contains("session.rejected", "session.opened", "call", "session.closed");
        AuditRecord call = audit.stream().filter(r -> r.type().equals("call")).findFirst().orElseThrow();
        assertThat(call.fields()).containsEntry("method", "input.pointer").containsEntry("outcome", "ok");
        assertThat(String.valueOf(call.fields().get("summary"))).contains("812");
        // the controller notices the wrong code at pair_offer and hangs up: the host sees a protocol failure
        assertThat(audit.stream().filter(r -> r.type().equals("session.rejected")).findFirst().orElseThrow().fields())
                .containsEntry("reason", "auth_failed: protocol");
    }

    @Test
    void theWindowClosesAfterTooManyGuessesButGarbageDoesNotCount() throws Exception {
        startHost();
        CompletableFuture<PairingWindow.PairedController> paired = host.pairing().open("424242", Duration.ofSeconds(30));
        var garbage = transport.dial(HOST);
        garbage.send(new byte[] {1, 2, 3});
        awaitAudit("session.rejected", 1);
        assertThat(host.pairing().failures()).isZero();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> controller(controllerHome).pairWith(HOST, "999999", "x")).isInstanceOf(AuthFailure.class);
        }
        assertThatThrownBy(() -> paired.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OpendeskException.class)
                .hasMessageContaining("failed attempts");
        assertThat(host.pairing().isOpen()).isFalse();
        // the right code no longer helps: the window is shut, so this is an auth handshake of an unknown key
        assertThatThrownBy(() -> controller(controllerHome).pairWith(HOST, "424242", "x")).isInstanceOf(AuthFailure.class);
    }

    @Test
    void aSecondControllerIsBusyAndTheSameOneBumpsItsOldSession() throws Exception {
        startHost();
        Target first = pair(controllerHome, "desk");
        Target second = pair(otherHome, "desk");
        RemoteSession one = controller(controllerHome).connect(first, false);
        assertThat(new RemoteComputer(one).cursorPosition()).isEqualTo(new Point(50, 60));
        assertThatThrownBy(() -> controller(otherHome).connect(second, false))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY))
                .hasMessageContaining("is the active controller");
        awaitAudit("session.rejected", 1);
        assertThat(audit.stream().filter(r -> r.type().equals("session.rejected")).findFirst().orElseThrow().fields().get("reason"))
                .asString().startsWith("busy: ");

        RemoteSession again = controller(controllerHome).connect(first, false);
        assertThat(new RemoteComputer(again).cursorPosition()).isEqualTo(new Point(50, 60));
        assertThatThrownBy(() -> new RemoteComputer(one).cursorPosition()).isInstanceOf(SessionEvictedException.class);
        assertThat(host.sessions()).hasSize(1);
        again.close();
    }

    @Test
    void anAdminKillEvictsAndStopsReconnecting() throws Exception {
        startHost();
        Target target = pair(controllerHome, "desk");
        RemoteSession session = controller(controllerHome).connect(target, true);
        assertThat(host.killAll()).isEqualTo(1);
        awaitAudit("session.closed", 2);
        assertThatThrownBy(() -> new RemoteComputer(session).cursorPosition()).isInstanceOf(SessionEvictedException.class);
        assertThat(session.isEvicted()).isTrue();
        assertThat(host.sessions()).as(audit.toString()).isEmpty();
    }

    @Test
    void aLostConnectionHealsAndIdempotentCallsAreReplayed() throws Exception {
        startHost();
        Target target = pair(controllerHome, "desk");
        RemoteSession session = controller(controllerHome).connect(target, true);
        RemoteComputer remote = new RemoteComputer(session);
        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
        transport.cutAll();
        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60)); // replayed after reconnecting
        session.close();
    }

    @Test
    void aDeniedCallIsPermissionDeniedAndTheSessionGoesOn() throws Exception {
        startHost();
        policy = request -> request.method().startsWith("input.") ? PolicyDecision.deny(request.peerName() + " denied: "
                + request.summary()) : PolicyDecision.allow();
        Target target = pair(controllerHome, "desk");
        try (RemoteSession session = controller(controllerHome).connect(target, false)) {
            RemoteComputer remote = new RemoteComputer(session);
            assertThatThrownBy(() -> remote.pointer(PointerEvent.move(new Point(1, 2))))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
                    .hasMessageContaining("denied: ");
            assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
        }
        assertThat(audit.stream().filter(r -> r.type().equals("call")).findFirst().orElseThrow().fields())
                .containsEntry("outcome", "error").containsEntry("error_code", "permission_denied");
        assertThat(desktop.calls).isEmpty();
    }

    @Test
    void twoControllersRacingExactlyOneWins() throws Exception {
        startHost();
        Target first = pair(controllerHome, "desk");
        Target second = pair(otherHome, "desk");
        CompletableFuture<Object> a = CompletableFuture.supplyAsync(() -> controller(controllerHome).connect(first, false));
        CompletableFuture<Object> b = CompletableFuture.supplyAsync(() -> controller(otherHome).connect(second, false));
        int busy = 0;
        List<RemoteSession> winners = new java.util.ArrayList<>();
        for (CompletableFuture<Object> attempt : List.of(a, b)) {
            try {
                winners.add((RemoteSession) attempt.get(10, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfSatisfying(OpendeskException.class,
                        x -> assertThat(x.code()).isEqualTo(ErrorCode.BUSY));
                busy++;
            }
        }
        winners.forEach(RemoteSession::close);
        assertThat(winners).hasSize(1);
        assertThat(busy).isEqualTo(1);
    }

    private void awaitAudit(String type, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (audit.stream().filter(r -> r.type().equals(type)).count() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
