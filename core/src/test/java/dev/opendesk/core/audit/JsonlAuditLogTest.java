package dev.opendesk.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JsonlAuditLogTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final String FP = "7b4e909bbe7ffe44";

    @TempDir
    Path home;

    private List<String> lines(LocalDate date) throws Exception {
        return Files.readAllLines(home.resolve("audit").resolve(date + ".jsonl"), StandardCharsets.UTF_8);
    }

    @Test
    void eachRecordTypeIsWrittenExactlyAsPythonJsonDumpsSortKeys() throws Exception {
        // Expected lines: python3 json.dumps({...}, sort_keys=True) of the same entries.
        try (JsonlAuditLog log = new JsonlAuditLog(home, UTC)) {
            log.record(AuditRecord.sessionOpened(1715512345.6789012, FP, "laptop", "1a2b3c4d", "192.168.1.5:51234",
                    "serve"));
            log.record(AuditRecord.sessionClosed(1715512400.5, FP, "laptop", "1a2b3c4d", 54.82149999, ""));
            log.record(AuditRecord.sessionRejected(1715512401.0, "", "", "?", "auth_failed: unknown_peer"));
            log.record(AuditRecord.callOk(1715512402.25, FP, "Zoë", "1a2b3c4d", "input.text", "type 5 chars: 'héllo'"));
            log.record(AuditRecord.callError(1715512403.125, FP, "laptop", "1a2b3c4d", "process.shell", "run shell: 'ls'",
                    "permission_denied", "laptop denied: run shell: 'ls' → " + "x".repeat(250)));
        }
        assertThat(lines(LocalDate.of(2024, 5, 12))).containsExactly(
                "{\"mode\": \"serve\", \"peer\": {\"fp\": \"7b4e909bbe7ffe44\", \"name\": \"laptop\"}, "
                        + "\"remote_addr\": \"192.168.1.5:51234\", \"session_id\": \"1a2b3c4d\", \"ts\": 1715512345.6789012, "
                        + "\"type\": \"session.opened\"}",
                "{\"duration\": 54.821, \"peer\": {\"fp\": \"7b4e909bbe7ffe44\", \"name\": \"laptop\"}, \"reason\": \"\", "
                        + "\"session_id\": \"1a2b3c4d\", \"ts\": 1715512400.5, \"type\": \"session.closed\"}",
                "{\"peer\": {\"fp\": \"\", \"name\": \"\"}, \"reason\": \"auth_failed: unknown_peer\", \"remote_addr\": \"?\", "
                        + "\"ts\": 1715512401.0, \"type\": \"session.rejected\"}",
                "{\"method\": \"input.text\", \"outcome\": \"ok\", \"peer\": {\"fp\": \"7b4e909bbe7ffe44\", \"name\": \"Zo\\u00eb\"}, "
                        + "\"session_id\": \"1a2b3c4d\", \"summary\": \"type 5 chars: 'h\\u00e9llo'\", \"ts\": 1715512402.25, "
                        + "\"type\": \"call\"}",
                "{\"error_code\": \"permission_denied\", \"error_message\": \"laptop denied: run shell: 'ls' \\u2192 "
                        + "x".repeat(200 - 33) + "\", \"method\": \"process.shell\", \"outcome\": \"error\", "
                        + "\"peer\": {\"fp\": \"7b4e909bbe7ffe44\", \"name\": \"laptop\"}, \"session_id\": \"1a2b3c4d\", "
                        + "\"summary\": \"run shell: 'ls'\", \"ts\": 1715512403.125, \"type\": \"call\"}");
        assertThat(Files.readString(home.resolve("audit/2024-05-12.jsonl"))).endsWith("}\n");
    }

    @Test
    void callErrorLeavesOutEmptyCodeAndMessage() {
        AuditRecord r = AuditRecord.callError(1.0, "", "", "s", "fs.read", "read file: /x", "", "");
        assertThat(r.fields()).containsOnlyKeys("session_id", "method", "summary", "outcome");
        assertThat(JsonlAuditLog.toJsonLine(r)).isEqualTo("{\"method\": \"fs.read\", \"outcome\": \"error\", "
                + "\"peer\": {\"fp\": \"\", \"name\": \"\"}, \"session_id\": \"s\", \"summary\": \"read file: /x\", "
                + "\"ts\": 1.0, \"type\": \"call\"}");
    }

    @Test
    void durationIsRoundedLikePythonRound3() {
        // python3: round(0.0005,3)=0.001  round(2.675,3)=2.675  round(1.0005,3)=1.0  round(0.1235,3)=0.123
        assertThat(AuditRecord.roundMillis(0.0005)).isEqualTo(0.001);
        assertThat(AuditRecord.roundMillis(2.675)).isEqualTo(2.675);
        assertThat(AuditRecord.roundMillis(1.0005)).isEqualTo(1.0);
        assertThat(AuditRecord.roundMillis(0.1235)).isEqualTo(0.123);
        assertThat(AuditRecord.sessionClosed(0, "", "", "s", 12.0, "").fields().get("duration")).isEqualTo(12.0);
    }

    @Test
    void recordValidation() {
        assertThatThrownBy(() -> new AuditRecord(1, "x", "", "", Map.of("ts", 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditRecord(Double.NaN, "x", "", "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditRecord.fingerprintOf(new byte[32])).isEqualTo("0000000000000000");
        assertThat(AuditRecord.fingerprintOf(new byte[0])).isEmpty();
        assertThat(AuditRecord.epochSeconds(Instant.ofEpochSecond(1715512345, 678_901_200)))
                .isCloseTo(1715512345.6789012, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void directoryIs0700AndFileIs0600() throws Exception {
        Files.createDirectories(home.resolve("audit"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(home.resolve("audit"), PosixFilePermissions.fromString("rwxr-xr-x"));
        try (JsonlAuditLog log = new JsonlAuditLog(home, UTC)) {
            log.record(AuditRecord.sessionRejected(1715512401.0, "", "", "?", "x"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("audit"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("audit/2024-05-12.jsonl"))))
                .isEqualTo("rw-------");
    }

    @Test
    void freshHomeGetsOwnerOnlyModes() throws Exception {
        Path fresh = home.resolve("nested/home");
        try (JsonlAuditLog log = new JsonlAuditLog(fresh, UTC)) {
            log.record(AuditRecord.sessionRejected(1715512401.0, "", "", "?", "x"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve("audit"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve("audit/2024-05-12.jsonl"))))
                .isEqualTo("rw-------");
    }

    @Test
    void newFileWhenTheLocalDayChanges() throws Exception {
        double beforeMidnight = AuditRecord.epochSeconds(Instant.parse("2024-05-12T23:59:59.900Z"));
        double afterMidnight = AuditRecord.epochSeconds(Instant.parse("2024-05-13T00:00:00.100Z"));
        try (JsonlAuditLog log = new JsonlAuditLog(home, UTC)) {
            log.record(AuditRecord.callOk(beforeMidnight, FP, "a", "s", "power.lock", "lock the screen"));
            log.record(AuditRecord.callOk(afterMidnight, FP, "a", "s", "power.lock", "lock the screen"));
            log.record(AuditRecord.callOk(afterMidnight + 1, FP, "a", "s", "power.lock", "lock the screen"));
        }
        assertThat(lines(LocalDate.of(2024, 5, 12))).hasSize(1);
        assertThat(lines(LocalDate.of(2024, 5, 13))).hasSize(2);
        // The date is the local one: 20:00 UTC is already the next day in Tokyo.
        try (JsonlAuditLog tokyo = new JsonlAuditLog(home.resolve("tokyo"), ZoneId.of("Asia/Tokyo"))) {
            tokyo.record(AuditRecord.callOk(AuditRecord.epochSeconds(Instant.parse("2024-05-12T20:00:00Z")), FP, "a",
                    "s", "power.lock", "lock the screen"));
        }
        assertThat(home.resolve("tokyo/audit/2024-05-13.jsonl")).exists();
    }

    @Test
    void appendsToAnExistingDayFile() throws Exception {
        try (JsonlAuditLog log = new JsonlAuditLog(home, UTC)) {
            log.record(AuditRecord.sessionRejected(1715512401.0, "", "", "?", "one"));
        }
        try (JsonlAuditLog log = new JsonlAuditLog(home, UTC)) {
            log.record(AuditRecord.sessionRejected(1715512402.0, "", "", "?", "two"));
        }
        assertThat(lines(LocalDate.of(2024, 5, 12))).hasSize(2);
    }

    @Test
    void concurrentWritersProduceWholeLines() throws Exception {
        int threads = 8;
        int perThread = 300;
        String longSummary = "run shell: '" + "y".repeat(3000) + "'";
        try (JsonlAuditLog a = new JsonlAuditLog(home, UTC); JsonlAuditLog b = new JsonlAuditLog(home, UTC)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                JsonlAuditLog log = t % 2 == 0 ? a : b; // two instances: two open file descriptions
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        log.record(AuditRecord.callOk(1715512401.0 + i, FP, "peer" + thread, "s" + i, "process.shell",
                                longSummary));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
        }
        List<String> lines = lines(LocalDate.of(2024, 5, 12));
        assertThat(lines).hasSize(threads * perThread);
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            AuditRecord r = AuditReader.parseLine(line).orElseThrow(() -> new AssertionError("torn line: " + line));
            assertThat(r.field("summary")).isEqualTo(longSummary);
            seen.add(r.peerName() + "/" + r.field("session_id"));
        }
        assertThat(seen).hasSize(threads * perThread);
    }

    @Test
    void writeFailuresAreSwallowed() throws Exception {
        Path notADirectory = home.resolve("file");
        Files.writeString(notADirectory, "x");
        try (JsonlAuditLog log = new JsonlAuditLog(notADirectory, UTC)) {
            assertThatCode(() -> log.record(AuditRecord.sessionRejected(1.0, "", "", "?", "x"))).doesNotThrowAnyException();
        }
    }

    @Test
    void recordsAfterCloseAreDropped() throws Exception {
        JsonlAuditLog log = new JsonlAuditLog(home, UTC);
        log.record(AuditRecord.sessionRejected(1715512401.0, "", "", "?", "one"));
        log.close();
        log.record(AuditRecord.sessionRejected(1715512402.0, "", "", "?", "two"));
        log.close();
        assertThat(lines(LocalDate.of(2024, 5, 12))).hasSize(1);
    }

    @Test
    void disabledLogKeepsNothing() {
        assertThatCode(() -> AuditLog.disabled().record(AuditRecord.sessionRejected(1, "", "", "?", "x")))
                .doesNotThrowAnyException();
    }
}
