package dev.opendesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host and controller commands end to end, in-process, over a real WebSocket on loopback:
 * pair (wrong code, then right), pair-with, peers, describe, serve, connect, sessions,
 * disconnect, unpair and audit. The host serves core's scripted Computer (no desktop needed).
 */
@Timeout(120)
final class RemoteCliTest {
    @TempDir
    Path hostHome;
    @TempDir
    Path controllerHome;
    @TempDir
    Path work;

    @BeforeEach
    void enableScriptedBackend() {
        System.setProperty(ScriptedBackendProvider.ENABLED, "true");
    }

    @AfterEach
    void disableScriptedBackend() {
        ShutdownSignal.trigger();
        System.clearProperty(ScriptedBackendProvider.ENABLED);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A long-running command on its own thread, with what it printed so far. */
    private static final class Background {
        final java.io.StringWriter out = new java.io.StringWriter();
        final java.io.StringWriter err = new java.io.StringWriter();
        final CompletableFuture<Integer> exit;

        Background(String... args) {
            exit = CompletableFuture.supplyAsync(() -> OpendeskCommand.commandLine(
                    new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true)).execute(args));
        }

        void awaitOutput(String text) throws InterruptedException {
            await(() -> out.toString().contains(text) || exit.isDone(), "output '" + text + "'; err=" + err);
            assertThat(out.toString()).as("stderr: " + err).contains(text);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void pairServeConnectAndManageSessions() throws Exception {
        int port = freePort();
        String host = hostHome.toString();
        String controller = controllerHome.toString();

        Background pair = new Background("pair", "--home", host, "--port", String.valueOf(port), "--code", "123456",
                "--no-mdns", "--timeout", "60");
        pair.awaitOutput("Pairing code:  123456");
        assertThat(pair.out.toString()).contains("opendesk pairing").contains("opendesk pair-with ").contains("Fingerprint:");

        CliRun wrong = CliRun.of("pair-with", "127.0.0.1", "000000", "--port", String.valueOf(port), "--home", controller,
                "--name", "desk");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("ERROR: wrong_code");

        CliRun right = CliRun.of("pair-with", "127.0.0.1", "123456", "--port", String.valueOf(port), "--home", controller,
                "--name", "desk");
        assertThat(right.exitCode()).as(right.err()).isZero();
        assertThat(right.out()).startsWith("✓ Paired with desk (").contains("Now reachable as: opendesk connect desk");
        assertThat(pair.exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(pair.out.toString()).containsPattern("✓ Paired with peer-[0-9a-f]{6} \\([0-9a-f:]{19}\\)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hostHome.resolve("trusted-peers.json"))))
                .isEqualTo("rw-------");

        CliRun peers = CliRun.of("peers", "--home", controller);
        assertThat(peers.out()).contains("NAME").contains("desk").contains("127.0.0.1:" + port);
        assertThat(CliRun.of("peers", "default", "desk", "--home", controller).out()).contains("Default peer is now: desk");
        assertThat(CliRun.of("describe", "Build box in the lab", "--home", host).out())
                .contains("Description saved.  Next session will broadcast it.");

        Background serve = new Background("serve", "--home", host, "--port", String.valueOf(port), "--no-mdns",
                "--backend", "scripted");
        serve.awaitOutput("opendesk serve listening on 0.0.0.0:" + port);

        Path shot = work.resolve("shot.png");
        CliRun connect = CliRun.of("connect", "--home", controller, "--screenshot", shot.toString());
        assertThat(connect.exitCode()).as(connect.err()).isZero();
        assertThat(connect.out()).contains("Connected to desk (default)  backend=test/scripted")
                .contains("Capabilities: [display.capture, input.pointer]")
                .contains("Saved screenshot (1920x1080) → " + shot);
        assertThat(Files.size(shot)).isPositive();
        assertThat(CliRun.of("peers", "describe", "desk", "--home", controller).out()).contains("broadcast: Build box in the lab");

        assertThat(CliRun.of("sessions", "--home", host).out()).isEqualToIgnoringNewLines("No active session.");
        assertThat(CliRun.of("disconnect", "--home", host).out()).contains("No active session to disconnect.");

        CliRun audit = CliRun.of("audit", "--home", host);
        assertThat(audit.exitCode()).isZero();
        assertThat(audit.out()).contains("session.opened").contains("capture the screen").contains("session.rejected");

        CliRun unpair = CliRun.of("unpair", "peer-" + "doesnotexist", "--home", host);
        assertThat(unpair.exitCode()).isEqualTo(1);
        assertThat(unpair.err()).contains("No peer matched 'peer-doesnotexist'.");

        ShutdownSignal.trigger();
        assertThat(serve.exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(serve.out.toString()).contains("Shutting down.");
        assertThat(Files.exists(hostHome.resolve("admin.sock"))).isFalse();
        CliRun noServer = CliRun.of("sessions", "--home", host);
        assertThat(noServer.exitCode()).isEqualTo(1);
        assertThat(noServer.err()).contains("No opendesk admin socket at ").contains("Is `opendesk serve` running?");
    }

    @Test
    void serveWithoutTrustedPeersPointsAtPair() {
        CliRun run = CliRun.of("serve", "--home", hostHome.toString(), "--no-mdns");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ERROR: no trusted peers yet.  Run `opendesk pair` first.");
    }

    @Test
    void peersAndDescribeWorkOnAnEmptyHome() {
        assertThat(CliRun.of("peers", "--home", controllerHome.toString()).out()).isEqualToIgnoringNewLines("No trusted peers.");
        assertThat(CliRun.of("describe", "--home", hostHome.toString()).out()).isEqualToIgnoringNewLines("(no description set)");
        assertThat(CliRun.of("describe", "--clear", "--home", hostHome.toString()).out()).contains("No description was set.");
        CliRun unknownDefault = CliRun.of("peers", "default", "ghost", "--home", controllerHome.toString());
        assertThat(unknownDefault.exitCode()).isEqualTo(1);
        assertThat(unknownDefault.err()).contains("No trusted peer named 'ghost'.");
    }
}
