package dev.opendesk.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.audit.AuditLog;
import dev.opendesk.core.auth.HandshakeSettings;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.policy.AllowAllPolicy;
import dev.opendesk.core.protocol.PeerOptions;
import dev.opendesk.core.testing.PipeTransport;
import dev.opendesk.core.testing.ScriptedComputer;
import dev.opendesk.core.transport.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The MCPSession routing rules and the opendesk_* admin tools (spec/surface.md §2, acceptance 8–20). */
@Timeout(60)
final class PeerRouterTest {
    @TempDir
    Path controllerHome;
    @TempDir
    Path miniHome;
    @TempDir
    Path deskHome;

    private final PipeTransport transport = new PipeTransport();
    private final ScriptedComputer localDesktop = new ScriptedComputer();
    private final List<HostServer> hosts = new ArrayList<>();
    private PeerRouter router;

    @AfterEach
    void stop() {
        if (router != null) {
            router.close();
        }
        hosts.forEach(HostServer::close);
    }

    private ScriptedComputer host(Path home, String endpointName, String peerName) throws Exception {
        ScriptedComputer desktop = new ScriptedComputer();
        HostServer host = new HostServer(Identity.loadOrCreate(home), new TrustedPeerStore(home), new HomeFiles(home), desktop,
                new AllowAllPolicy(), AuditLog.disabled(), HostServer.Settings.defaults());
        hosts.add(host);
        Endpoint endpoint = new Endpoint(endpointName, 8423);
        host.listen(transport, endpoint);
        var paired = host.pairing().open("123123", Duration.ofSeconds(30));
        controller().pairWith(endpoint, "123123", peerName);
        paired.get(5, TimeUnit.SECONDS);
        return desktop;
    }

    private Controller controller() {
        return new Controller(Identity.loadOrCreate(controllerHome), new TrustedPeerStore(controllerHome), transport,
                HandshakeSettings.defaults(), PeerOptions.DEFAULTS);
    }

    private PeerRouter router() {
        TrustedPeerStore trust = new TrustedPeerStore(controllerHome);
        HomeFiles home = new HomeFiles(controllerHome);
        router = new PeerRouter(trust, home, controller(), new TargetResolver(trust, home, Optional.empty(), Duration.ofMillis(10)),
                () -> localDesktop);
        return router;
    }

    private PeerAdminTools tools() {
        return new PeerAdminTools(router, new TrustedPeerStore(controllerHome), Optional.empty());
    }

    @Test
    void withoutPeersEverythingIsLocal() {
        router();
        PeerRouter.Resolution target = router.resolve(Optional.empty());
        assertThat(target).isEqualTo(new PeerRouter.Resolution("local", PeerRouter.Source.LOCAL));
        router.computer(target).writeClipboard(ClipboardContents.ofText("x"));
        assertThat(localDesktop.calls).hasSize(1);
        assertThat(tools().status()).startsWith("Default peer: local (local)").contains("Open connections: none");
        assertThat(tools().peers()).contains("Available peers:").contains("  local  [default]")
                .contains("no trusted remote peers").contains("opendesk_describe");
    }

    @Test
    void oneTrustedPeerIsTheImplicitTargetAndLocalStaysReachable() throws Exception {
        ScriptedComputer mini = host(miniHome, "mini-host", "mini");
        router();
        PeerRouter.Resolution target = router.resolve(Optional.empty());
        assertThat(target.target()).isEqualTo("mini");
        assertThat(target.source()).isEqualTo(PeerRouter.Source.IMPLICIT);
        router.computer(target).writeClipboard(ClipboardContents.ofText("to mini"));
        assertThat(mini.calls).hasSize(1);
        assertThat(localDesktop.calls).isEmpty();
        assertThat(router.resolve(Optional.of("local")).isLocal()).isTrue();
        assertThat(tools().status()).contains("Default peer: mini (implicit)").contains("single paired peer").contains("Open connections: mini");
        assertThat(tools().peers()).contains("  mini  [default (implicit), active]");
        assertThat(tools().capabilities(Optional.of("mini"))).contains("Peer: mini").contains("Backend: test/scripted")
                .contains("  - display.capture");
        assertThat(tools().disconnect(Optional.empty())).isEqualTo("Closed 1 connection(s).");
        assertThat(tools().status()).contains("Open connections: none");
    }

    @Test
    void twoPeersWithoutDefaultAreAmbiguousUntilOneIsChosen() throws Exception {
        host(miniHome, "mini-host", "mini");
        ScriptedComputer desk = host(deskHome, "desk-host", "desk");
        router();
        assertThatThrownBy(() -> router.resolve(Optional.empty()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("Multiple peers paired (").hasMessageContaining("mini").hasMessageContaining("desk")
                .hasMessageContaining("opendesk_use");
        assertThat(tools().status()).contains("(none — multiple peers paired)").contains("opendesk_use");
        assertThat(tools().use(Optional.of("ghost"))).startsWith("ERROR:").contains("opendesk pair");
        assertThat(tools().use(Optional.empty())).isEqualTo("ERROR: `peer` is required (use 'local' to revert)");
        assertThat(tools().use(Optional.of("desk"))).isEqualTo("Default peer is now: desk");
        router.computer(router.resolve(Optional.empty())).writeClipboard(ClipboardContents.ofText("to desk"));
        assertThat(desk.calls).hasSize(1);
        assertThat(tools().use(Optional.of("local"))).isEqualTo("Default peer is now: local");
        assertThat(router.resolve(Optional.empty()).isLocal()).isTrue();
        assertThatThrownBy(() -> router.resolve(Optional.of("ghost"))).hasMessageContaining("ghost");
    }

    @Test
    void describeShowsOverrideOrBroadcast() throws Exception {
        new HomeFiles(miniHome).writeDescription("Mac mini in the lab\nsecond line");
        host(miniHome, "mini-host", "mini");
        router();
        assertThat(tools().describe(Optional.of("ghost"))).isEqualTo("ERROR: unknown peer: 'ghost'");
        assertThat(tools().describe(Optional.of("mini"))).contains("broadcast").contains("Mac mini in the lab\nsecond line");
        new TrustedPeerStore(controllerHome).setDescriptionOverride("mini", "my test box");
        assertThat(tools().describe(Optional.of("mini"))).contains("override").contains("my test box");
        assertThat(tools().peers()).contains("      my test box");
        assertThat(tools().describe(Optional.of("local"))).contains("This machine");
    }
}
