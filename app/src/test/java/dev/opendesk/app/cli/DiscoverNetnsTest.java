package dev.opendesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.opendesk.app.Main;
import dev.opendesk.core.auth.Fingerprint;
import dev.opendesk.core.auth.Identity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole LAN story with the real CLI, each side its own JVM in its own network
 * namespace (A = host at 10.77.0.1, B = controller at 10.77.0.2, joined by a veth pair):
 * {@code pair} in A advertises over mDNS; {@code discover} in B finds it with its name, address,
 * fingerprint and description; {@code pair-with} pairs; with the cached endpoint erased,
 * {@code serve} in A is found by key and {@code connect NAME} reaches it through mDNS, and also
 * when the cached endpoint points somewhere dead; after {@code serve} stops, the LAN is empty.
 * The host serves core's scripted Computer. Skipped, with the reason, where network namespaces
 * cannot be created (not root).
 */
@Timeout(300)
final class DiscoverNetnsTest {
    private static final String A_ADDRESS = "10.77.0.1";
    private static final String CODE = "135790";
    private static String nsA;
    private static String nsB;

    @TempDir
    Path hostHome;
    @TempDir
    Path controllerHome;

    @BeforeAll
    static void createNamespaces() throws Exception {
        String suffix = "c" + (ProcessHandle.current().pid() % 100_000);
        nsA = "odA" + suffix;
        nsB = "odB" + suffix;
        String vethA = "oda" + suffix;
        String vethB = "odb" + suffix;
        Result probe = run(List.of("ip", "netns", "add", nsA));
        if (probe.exit != 0) {
            String reason = "cannot create network namespaces (`ip netns add` failed: " + probe.output.strip() + ")";
            System.err.println("DiscoverNetnsTest skipped: " + reason);
            nsA = null;
            Assumptions.abort(reason);
        }
        check("ip", "netns", "add", nsB);
        check("ip", "link", "add", vethA, "type", "veth", "peer", "name", vethB);
        check("ip", "link", "set", vethA, "netns", nsA);
        check("ip", "link", "set", vethB, "netns", nsB);
        for (String[] side : new String[][] {{nsA, vethA, A_ADDRESS}, {nsB, vethB, "10.77.0.2"}}) {
            check("ip", "-n", side[0], "addr", "add", side[2] + "/24", "dev", side[1]);
            check("ip", "-n", side[0], "link", "set", side[1], "up");
            check("ip", "-n", side[0], "link", "set", "lo", "up");
            check("ip", "-n", side[0], "route", "add", "224.0.0.0/4", "dev", side[1]);
        }
    }

    @AfterAll
    static void deleteNamespaces() throws Exception {
        if (nsA != null) {
            run(List.of("ip", "netns", "del", nsA));
            run(List.of("ip", "netns", "del", nsB));
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static void check(String... command) throws Exception {
        Result result = run(List.of(command));
        assertThat(result.exit).as("%s: %s", String.join(" ", command), result.output).isZero();
    }

    /** {@code opendesk ARGS} in a namespace, as a command line. */
    private static List<String> opendesk(String ns, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns,
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-D" + ScriptedBackendProvider.ENABLED + "=true",
                Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** A long-running command (pair, serve) with its output collected as it comes. */
    private static final class Running implements AutoCloseable {
        final Process process;
        final StringBuffer out = new StringBuffer();
        final StringBuffer err = new StringBuffer();
        private final Thread outPump;

        Running(List<String> command) throws IOException {
            process = new ProcessBuilder(command).start();
            outPump = pump(process.getInputStream(), out);
            pump(process.getErrorStream(), err);
        }

        /** Waits for the process to end and its output to be read; its exit code. */
        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited; out=%s err=%s", out, err).isTrue();
            outPump.join(5_000);
            return process.exitValue();
        }

        private static Thread pump(InputStream in, StringBuffer into) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // process ended
                }
            });
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        void awaitOutput(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!out.toString().contains(text)) {
                assertThat(process.isAlive() && System.nanoTime() < deadline)
                        .as("waiting for '%s'; out=%s err=%s", text, out, err).isTrue();
                Thread.sleep(50);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Runs {@code discover} in B until its output satisfies {@code enough} (or 30 s pass); that output. */
    private String discoverUntil(Predicate<String> enough) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Result result;
        do {
            result = run(opendesk(nsB, "discover", "--timeout", "2", "--home", controllerHome.toString()));
            assertThat(result.exit).as(result.output).isZero();
        } while (!enough.test(result.output) && System.nanoTime() < deadline);
        return result.output;
    }

    private JsonObject controllersViewOfHost() throws IOException {
        JsonArray peers = JsonParser.parseString(Files.readString(controllerHome.resolve("trusted-peers.json"))).getAsJsonArray();
        assertThat(peers).hasSize(1);
        return peers.get(0).getAsJsonObject();
    }

    private void setCachedEndpoint(String host, int port) throws IOException {
        JsonObject peer = controllersViewOfHost();
        peer.addProperty("last_host", host);
        peer.addProperty("last_port", port);
        JsonArray peers = new JsonArray();
        peers.add(peer);
        Files.writeString(controllerHome.resolve("trusted-peers.json"), peers.toString());
    }

    @Test
    void discoverPairAndConnectByNameAcrossTwoHosts() throws Exception {
        byte[] hostKey = Identity.loadOrCreate(hostHome).publicKey();
        String instance = DiscoverCommand.hostName() + "-" + Fingerprint.hex(hostKey).substring(0, 6);
        assertThat(CliRun.of("describe", "Lab box ✓ — the one by the window", "--home", hostHome.toString()).exitCode()).isZero();

        try (Running pair = new Running(opendesk(nsA, "pair", "--code", CODE, "--timeout", "120", "--home", hostHome.toString()))) {
            pair.awaitOutput("Pairing code:  " + CODE);
            String found = discoverUntil(out -> out.contains(instance));
            String row = found.lines().filter(l -> l.startsWith(instance)).findFirst().orElseThrow();
            assertThat(found).startsWith("NAME");
            assertThat(row).contains(A_ADDRESS + ":8423").contains(Fingerprint.of(hostKey))
                    .endsWith("Lab box ✓ — the one by the window").doesNotContain("[paired as");

            Result paired = run(opendesk(nsB, "pair-with", A_ADDRESS, CODE, "--name", "lab", "--home", controllerHome.toString()));
            assertThat(paired.output).contains("✓ Paired with lab (" + Fingerprint.of(hostKey) + ")");
            assertThat(pair.awaitExit()).isZero();
            assertThat(pair.out.toString()).contains("✓ Paired with peer-");
        }

        setCachedEndpoint("", 0); // forget where it was: only mDNS can find it now
        try (Running serve = new Running(opendesk(nsA, "serve", "--backend", "scripted", "--home", hostHome.toString()))) {
            serve.awaitOutput("opendesk serve listening on 0.0.0.0:8423");
            String found = discoverUntil(out -> out.contains("[paired as lab]"));
            assertThat(found).contains(instance + "  [paired as lab]");

            Result connected = run(opendesk(nsB, "connect", "lab", "--home", controllerHome.toString()));
            assertThat(connected.output).as("connect through mDNS").contains("Connected to lab  backend=");
            assertThat(controllersViewOfHost().get("last_host").getAsString()).isEqualTo(A_ADDRESS);

            setCachedEndpoint("127.0.0.1", 8423); // a dead endpoint: refused inside B
            Result moved = run(opendesk(nsB, "connect", "lab", "--home", controllerHome.toString()));
            assertThat(moved.output).as("connect falls back to mDNS").contains("Connected to lab  backend=");
            assertThat(controllersViewOfHost().get("last_host").getAsString()).isEqualTo(A_ADDRESS);

            // SIGTERM (Process.destroy would also close our end of its output): orderly shutdown withdraws the advertisement
            check("kill", "-TERM", Long.toString(serve.process.pid()));
            assertThat(serve.awaitExit()).as("serve's exit code; err=%s", serve.err).isZero();
            assertThat(serve.out.toString()).as("serve's err: %s", serve.err).contains("Shutting down.");
        }
        assertThat(discoverUntil(out -> out.contains("No opendesk peers found on the LAN.")))
                .isEqualTo("No opendesk peers found on the LAN.\n");
    }
}
