package dev.opendesk.app.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.opendesk.core.audit.JsonlAuditLog;
import dev.opendesk.core.auth.HandshakeSettings;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.TrustedPeer;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.protocol.PeerOptions;
import dev.opendesk.core.remote.Controller;
import dev.opendesk.core.remote.HostServer;
import dev.opendesk.core.remote.Target;
import dev.opendesk.core.remote.TargetResolver;
import dev.opendesk.core.transport.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Helpers shared by the remote tests: hosts and controllers on real homes, the audit files, deadlines. */
final class RemoteFixture {
    static final String CODE = "424242";
    static final Duration DEADLINE = Duration.ofSeconds(10);

    private RemoteFixture() {
    }

    /** Fast settings: 3 guesses, 200 ms penalty, 300 ms busy grace, 3 s handshake timeout. */
    static HostServer.Settings fastSettings() {
        return new HostServer.Settings(3, Duration.ofMillis(200), Duration.ofMillis(300),
                HandshakeSettings.defaults().withTimeout(Duration.ofSeconds(3)), PeerOptions.DEFAULTS);
    }

    static Controller controller(Path home, Transport transport) {
        return new Controller(Identity.loadOrCreate(home), new TrustedPeerStore(home), transport,
                HandshakeSettings.defaults().withTimeout(Duration.ofSeconds(3)), PeerOptions.DEFAULTS);
    }

    /** The controller's trusted host called {@code name}, at its cached endpoint. */
    static Target targetOf(Path home, String name) {
        return new TargetResolver(new TrustedPeerStore(home), new HomeFiles(home), Optional.empty(), Duration.ofMillis(10))
                .resolve(Optional.of(name));
    }

    /** The name the host gave to the controller of {@code controllerHome} when it paired ({@code peer-<6 hex>}). */
    static String hostSideName(Path hostHome, Path controllerHome) {
        return new TrustedPeerStore(hostHome).findByKey(Identity.loadOrCreate(controllerHome).publicKey())
                .map(TrustedPeer::name).orElseThrow(() -> new AssertionError("controller not trusted by the host"));
    }

    /** Polls {@code condition} every 20 ms until it holds or the deadline passes. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEADLINE.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Every raw line of every audit day file of {@code home}, in file then line order. */
    static List<String> auditLines(Path home) {
        Path directory = home.resolve(JsonlAuditLog.DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The audit records of {@code home}, parsed. */
    static List<JsonObject> audit(Path home) {
        return auditLines(home).stream().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
    }

    /** The audit records of one type. */
    static List<JsonObject> audit(Path home, String type) {
        return audit(home).stream().filter(r -> r.get("type").getAsString().equals(type)).toList();
    }

    /** Waits until an audit record of {@code type} matching {@code filter} exists, and returns the first one. */
    static JsonObject awaitAudit(Path home, String type, Predicate<JsonObject> filter) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            Optional<JsonObject> found = audit(home, type).stream().filter(filter).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type + " audit record as expected within " + DEADLINE.toSeconds()
                        + " s; the log holds:\n" + String.join("\n", auditLines(home)));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A string field of an audit record, "" when missing. */
    static String field(JsonObject record, String name) {
        JsonElement value = record.get(name);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    /** Checks that every object in {@code element} has its keys in code-point order (Python's sort_keys). */
    static void assertSortedKeys(JsonElement element, String line) {
        if (element.isJsonObject()) {
            List<String> keys = new ArrayList<>();
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                keys.add(entry.getKey());
                assertSortedKeys(entry.getValue(), line);
            }
            assertThat(keys).as("keys of %s", line).isSorted();
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> assertSortedKeys(e, line));
        }
    }
}
