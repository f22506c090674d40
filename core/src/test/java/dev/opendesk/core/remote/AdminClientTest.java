package dev.opendesk.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AdminClientTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1715512400, 750_000_000), ZoneOffset.UTC);
    private static final SessionInfo SESSION = new SessionInfo("1a2b3c4d", "laptop", "ab".repeat(32),
            "192.168.1.5:51234", 1715512345.5, "pair");

    @TempDir
    Path home;

    private final AdminServerTest.FakeSessions sessions = new AdminServerTest.FakeSessions();

    private AdminServer start(boolean tcp) throws IOException {
        return AdminServer.start(home, sessions, CLOCK, Duration.ofSeconds(5), tcp);
    }

    @Test
    void roundTripOverTheUnixSocket() throws Exception {
        roundTrip(false);
    }

    @Test
    void roundTripOverTheWindowsTcpEndpoint() throws Exception {
        roundTrip(true);
    }

    private void roundTrip(boolean tcp) throws Exception {
        sessions.live.add(SESSION);
        AdminServer server = start(tcp);
        try {
            AdminClient client = AdminClient.connect(home, tcp, Duration.ofSeconds(5)).orElseThrow();
            List<AdminClient.ListedSession> listed = client.list();
            assertThat(listed).containsExactly(new AdminClient.ListedSession(SESSION, 55.25));
            assertThat(client.kill("other")).isFalse();
            assertThat(client.kill("1a2b3c4d")).isTrue();
            assertThat(client.list()).isEmpty();
            sessions.live.add(SESSION);
            sessions.live.add(SESSION);
            assertThat(client.killAll()).isEqualTo(2);
            assertThat(client.killAll()).isZero();
            assertThat(client.call(Map.of("op", "reboot"))).containsEntry("error", "unknown op 'reboot'");
        } finally {
            server.close();
        }
    }

    @Test
    void noEndpointMeansNoClient() throws Exception {
        assertThat(AdminClient.connect(home)).isEmpty();
        assertThat(AdminClient.connect(home, true, Duration.ofSeconds(1))).isEmpty();
        Files.writeString(home.resolve("admin.port"), "not a port");
        assertThat(AdminClient.connect(home, true, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aStaleSocketWithNobodyListeningMeansNoClient() throws Exception {
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(home.resolve("admin.sock")));
        dead.close();
        assertThat(AdminClient.connect(home)).isEmpty();
        AdminServer server = start(false);
        assertThat(AdminClient.connect(home)).isPresent();
        server.close();
        assertThat(AdminClient.connect(home)).isEmpty();
    }

    @Test
    void serverErrorsSurfaceAsIOExceptions() throws Exception {
        sessions.failure = new IllegalStateException("registry is gone");
        AdminServer server = start(false);
        try {
            AdminClient client = AdminClient.connect(home).orElseThrow();
            assertThatThrownBy(client::list).isInstanceOf(IOException.class).hasMessage("registry is gone");
        } finally {
            server.close();
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocketChannel mute = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            mute.bind(UnixDomainSocketAddress.of(home.resolve("admin.sock")));
            AdminClient client = AdminClient.connect(home, false, Duration.ofMillis(300)).orElseThrow();
            long t0 = System.nanoTime();
            assertThatThrownBy(client::killAll).isInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void notRunningMessageMatchesTheReference() {
        assertThat(AdminProtocol.notRunningMessage(home))
                .isEqualTo("No opendesk admin socket at " + home.resolve("admin.sock") + ".  Is `opendesk serve` running?");
    }
}
