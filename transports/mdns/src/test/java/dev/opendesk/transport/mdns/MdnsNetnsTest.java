package dev.opendesk.transport.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.opendesk.core.auth.Fingerprint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real thing between two hosts: a record advertised in network namespace A (10.77.0.1) is
 * found by a browse in namespace B with its name, key, fingerprint, address, port and
 * description; broken records next to it are skipped; once withdrawn it is gone. Each side is
 * its own JVM started with {@code ip netns exec}. Skipped, with the reason, where network
 * namespaces cannot be created (not root).
 */
@Timeout(120)
final class MdnsNetnsTest {
    private static NetnsLan lan;

    @BeforeAll
    static void createNamespaces() {
        try {
            lan = NetnsLan.create("m");
        } catch (IllegalStateException e) {
            System.err.println("MdnsNetnsTest skipped: " + e.getMessage());
            Assumptions.abort(e.getMessage());
        }
    }

    @AfterAll
    static void deleteNamespaces() {
        if (lan != null) {
            lan.close();
        }
    }

    private static List<String> java(String main, String... args) {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dslf4j.internal.verbosity=WARN", main));
        command.addAll(List.of(args));
        return command;
    }

    private static Process start(String ns, List<String> command) throws IOException {
        return new ProcessBuilder(NetnsLan.inside(ns, command)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Browses from B until {@code enough} holds or 20 s pass; the last result's JSON lines. */
    private static List<JsonObject> browseFromB(java.util.function.Predicate<List<JsonObject>> enough) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<JsonObject> peers;
        do {
            Process browser = start(lan.b(), java(BrowserMain.class.getName(), "2.0"));
            peers = new ArrayList<>();
            String last = "";
            try (BufferedReader out = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    last = line;
                    if (line.startsWith("{")) {
                        peers.add(JsonParser.parseString(line).getAsJsonObject());
                    }
                }
            }
            assertThat(browser.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(last).as("browser's last line").isEqualTo("done");
            if (enough.test(peers)) {
                return peers;
            }
        } while (System.nanoTime() < deadline);
        return peers;
    }

    private static String txtHex(byte[]... strings) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] s : strings) {
            out.write(s.length);
            out.writeBytes(s);
        }
        return HexFormat.of().formatHex(out.toByteArray());
    }

    @Test
    void aHostAdvertisedInOneNamespaceIsFoundInTheOtherAndGoneWhenWithdrawn() throws Exception {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String keyHex = HexFormat.of().formatHex(key);
        String name = "labhost-" + keyHex.substring(0, 6);
        String description = "Lab box ✓ — " + "ü".repeat(70); // 155 bytes: cut to 120 at a character
        String shortKey = txtHex("v=1".getBytes(StandardCharsets.US_ASCII), "pk=abc".getBytes(StandardCharsets.US_ASCII));
        String noKey = txtHex("v=1".getBytes(StandardCharsets.US_ASCII), "fp=1234".getBytes(StandardCharsets.US_ASCII));
        String truncated = HexFormat.of().formatHex(new byte[] {3, 'v', '=', '1', 40, 'p', 'k', '='});

        Process advertiser = start(lan.a(), java(AdvertiserMain.class.getName(), name, "8423", keyHex, Fingerprint.of(key),
                description, "shortkey", "9001", shortKey, "nokey", "9002", noKey, "truncated", "9003", truncated));
        BufferedReader advertiserOut = new BufferedReader(new InputStreamReader(advertiser.getInputStream(), StandardCharsets.UTF_8));
        Writer advertiserIn = new OutputStreamWriter(advertiser.getOutputStream(), StandardCharsets.UTF_8);
        try {
            assertThat(advertiserOut.readLine()).isEqualTo("ready");

            List<JsonObject> peers = browseFromB(found -> !found.isEmpty());
            assertThat(peers).as("only the well-formed record is a peer").hasSize(1);
            JsonObject peer = peers.get(0);
            assertThat(peer.get("name").getAsString()).isEqualTo(name);
            assertThat(peer.get("host").getAsString()).isEqualTo(NetnsLan.ADDRESS_A);
            assertThat(peer.get("port").getAsInt()).isEqualTo(8423);
            assertThat(peer.get("pk").getAsString()).isEqualTo(keyHex);
            assertThat(peer.get("fp").getAsString()).isEqualTo(Fingerprint.of(key));
            String advertised = peer.get("desc").getAsString();
            assertThat(advertised.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(120).isGreaterThan(117);
            assertThat(description).startsWith(advertised);
            assertThat(advertised).doesNotContain("\uFFFD");

            advertiserIn.write("stop\n");
            advertiserIn.flush();
            String closed = advertiserOut.readLine();
            assertThat(closed).startsWith("closed ");
            assertThat(Long.parseLong(closed.substring("closed ".length()))).as("ms to withdraw").isLessThan(3_500);
            assertThat(advertiser.waitFor(20, TimeUnit.SECONDS)).isTrue();

            assertThat(browseFromB(List::isEmpty)).as("withdrawn on close").isEmpty();
        } finally {
            advertiser.destroyForcibly();
        }
    }
}
