package dev.opendesk.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AuditReaderTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final LocalDate DAY = LocalDate.of(2024, 5, 12);
    private static final String FP = "7b4e909bbe7ffe44";

    @TempDir
    Path home;

    private static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), UTC);
    }

    private void writeDay() {
        try (JsonlAuditLog log = new JsonlAuditLog(home, UTC)) {
            log.record(AuditRecord.sessionOpened(1715512345.0, FP, "laptop", "s1", "10.0.0.1:5000", "serve"));
            log.record(AuditRecord.callOk(1715512346.0, FP, "laptop", "s1", "power.lock", "lock the screen"));
            log.record(AuditRecord.sessionRejected(1715512347.0, "0011223344556677", "", "10.0.0.9:1", "busy: laptop"));
            log.record(AuditRecord.callOk(1715512348.0, FP, "laptop", "s1", "fs.read", "read file: /x"));
        }
    }

    @Test
    void readsADayAndSkipsBadLines() throws Exception {
        writeDay();
        Path file = home.resolve("audit/2024-05-12.jsonl");
        Files.writeString(file, "not json\n[1,2]\n\n{\"broken\": \n", StandardOpenOption.APPEND);
        try (JsonlAuditLog log = new JsonlAuditLog(home, UTC)) {
            log.record(AuditRecord.callOk(1715512349.0, FP, "laptop", "s1", "ui.action", "ui action 'click' on OK"));
        }
        Files.writeString(file, "{\"ts\": 1715512350.0, \"type\": \"call\"", StandardOpenOption.APPEND); // being written
        AuditReader reader = new AuditReader(home, clockAt("2024-05-12T12:00:00Z"));
        List<AuditRecord> records = reader.read(DAY);
        assertThat(records).extracting(AuditRecord::type)
                .containsExactly("session.opened", "call", "session.rejected", "call", "call");
        AuditRecord first = records.get(0);
        assertThat(first.timestamp()).isEqualTo(1715512345.0);
        assertThat(first.peerFingerprint()).isEqualTo(FP);
        assertThat(first.peerName()).isEqualTo("laptop");
        assertThat(first.fields()).isEqualTo(Map.of("session_id", "s1", "remote_addr", "10.0.0.1:5000", "mode", "serve"));
        assertThat(reader.read(DAY.minusDays(1))).isEmpty();
        assertThat(reader.today()).isEqualTo(DAY);
    }

    @Test
    void parsesNumbersAsPythonWould() {
        AuditRecord r = AuditReader.parseLine("{\"duration\": 5.0, \"n\": 3, \"peer\": {\"fp\": \"ab\", \"name\": \"x\"}, "
                + "\"ts\": 10, \"type\": \"session.closed\", \"z\": null}").orElseThrow();
        assertThat(r.fields()).containsEntry("duration", 5.0).containsEntry("n", 3L).doesNotContainKey("z");
        assertThat(r.timestamp()).isEqualTo(10.0);
        assertThat(AuditReader.parseLine("{\"type\": 1}")).isPresent(); // lenient: no ts, odd type
        assertThat(AuditReader.parseLine("{\"a\": }")).isEmpty();
        assertThat(AuditReader.parseLine("{} trailing")).isEmpty();
    }

    @Test
    void peerFilterMatchesNameOrFingerprintAndLimitIsAppliedFirst() throws Exception {
        writeDay();
        AuditReader reader = new AuditReader(home, clockAt("2024-05-12T12:00:00Z"));
        assertThat(reader.query(new AuditQuery(DAY, "lap", 0))).hasSize(3);
        assertThat(reader.query(new AuditQuery(DAY, "4455", 0))).extracting(AuditRecord::type)
                .containsExactly("session.rejected");
        assertThat(reader.query(new AuditQuery(DAY, FP.substring(0, 6), 0))).hasSize(3);
        assertThat(reader.query(new AuditQuery(DAY, "nobody", 0))).isEmpty();
        // --limit keeps the last N before filtering, as the reference CLI does
        assertThat(reader.query(new AuditQuery(DAY, "", 2))).extracting(r -> r.field("remote_addr"))
                .containsExactly("10.0.0.9:1", "");
        assertThat(reader.query(new AuditQuery(DAY, "laptop", 2))).hasSize(1);
        assertThat(reader.query(AuditQuery.allOf(DAY))).hasSize(4);
    }

    @Test
    void followEmitsTheSelectionThenNewLinesUntilClosed() throws Exception {
        writeDay();
        AuditReader reader = new AuditReader(home, clockAt("2024-05-12T12:00:00Z"));
        List<AuditRecord> seen = new CopyOnWriteArrayList<>();
        AuditReader.Follower follower = reader.follow(new AuditQuery(DAY, "laptop", 3), seen::add, Duration.ofMillis(20));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                follower.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        awaitSize(seen, 2); // last 3 = call, rejected, call → the two laptop ones
        try (JsonlAuditLog log = new JsonlAuditLog(home, UTC)) {
            log.record(AuditRecord.callOk(1715512360.0, FP, "laptop", "s1", "input.key", "send key down 'a'"));
            log.record(AuditRecord.callOk(1715512361.0, "ffff", "other", "s2", "input.key", "send key up 'a'"));
            log.record(AuditRecord.sessionClosed(1715512362.0, FP, "laptop", "s1", 17.0, ""));
        }
        awaitSize(seen, 4);
        // A half-written line is held back until its newline arrives.
        Path file = home.resolve("audit/2024-05-12.jsonl");
        String line = JsonlAuditLog.toJsonLine(AuditRecord.callOk(1715512363.0, FP, "laptop", "s1", "power.lock",
                "lock the screen"));
        Files.writeString(file, line.substring(0, 20), StandardOpenOption.APPEND);
        Thread.sleep(100);
        assertThat(seen).hasSize(4);
        Files.writeString(file, line.substring(20) + "\n", StandardOpenOption.APPEND);
        awaitSize(seen, 5);
        follower.close();
        thread.join(5_000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(seen).extracting(AuditRecord::type)
                .containsExactly("call", "call", "call", "session.closed", "call");
        assertThat(seen).allMatch(r -> r.peerName().equals("laptop"));
    }

    @Test
    void followingTodayMovesOnToTheNextDayFile() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-05-12T23:59:59Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        AuditReader reader = new AuditReader(home, clock);
        List<AuditRecord> seen = new CopyOnWriteArrayList<>();
        AuditReader.Follower follower = reader.follow(AuditQuery.allOf(reader.today()), seen::add, Duration.ofMillis(20));
        Thread thread = new Thread(() -> {
            try {
                follower.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        try (JsonlAuditLog log = new JsonlAuditLog(home, UTC)) {
            log.record(AuditRecord.callOk(AuditRecord.epochSeconds(Instant.parse("2024-05-12T23:59:59.5Z")), FP, "a",
                    "s", "power.lock", "lock the screen"));
            awaitSize(seen, 1);
            now.set(Instant.parse("2024-05-13T00:00:01Z"));
            log.record(AuditRecord.callOk(AuditRecord.epochSeconds(Instant.parse("2024-05-13T00:00:01Z")), FP, "a",
                    "s", "fs.read", "read file: /x"));
        }
        awaitSize(seen, 2);
        follower.close();
        thread.join(5_000);
        assertThat(seen).extracting(r -> r.field("method")).containsExactly("power.lock", "fs.read");
    }

    @Test
    void formatterMatchesTheReferenceCli() {
        // Expected lines: the reference cmd_audit._format, run with TZ=UTC on the same entries.
        assertThat(AuditFormatter.format(AuditRecord.sessionOpened(1715512345.6789012, FP, "laptop", "1a2b3c4d",
                "192.168.1.5:51234", "serve"), UTC))
                .isEqualTo("2024-05-12 11:12:25  laptop            session.opened                          "
                        + "id=1a2b3c4d from 192.168.1.5:51234");
        assertThat(AuditFormatter.format(AuditRecord.sessionClosed(1715512400.5, FP, "laptop", "1a2b3c4d", 54.821,
                "error: it's gone"), UTC))
                .isEqualTo("2024-05-12 11:13:20  laptop            session.closed                          "
                        + "id=1a2b3c4d  duration=54.821s  reason=\"error: it's gone\"");
        assertThat(AuditFormatter.format(AuditRecord.sessionRejected(1715512401.0, "", "", "?",
                "auth_failed: unknown_peer"), UTC))
                .isEqualTo("2024-05-12 11:13:21  ?                 session.rejected                          "
                        + "reason=auth_failed: unknown_peer  from ?");
        assertThat(AuditFormatter.format(AuditRecord.callOk(1715512402.25, FP, "", "1a2b3c4d", "input.text",
                "type 5 chars: 'héllo'"), UTC))
                .isEqualTo("2024-05-12 11:13:22  7b4e909bbe7ffe44  call            ok                      "
                        + "type 5 chars: 'héllo'");
        assertThat(AuditFormatter.format(AuditRecord.callError(1715512403.125, FP, "laptop", "1a2b3c4d",
                "process.shell", "run shell: 'ls'", "permission_denied", "no"), UTC))
                .isEqualTo("2024-05-12 11:13:23  laptop            call            error/permission_denied  "
                        + "run shell: 'ls'");
        assertThat(AuditFormatter.format(AuditRecord.callOk(1715512404.0, FP, "laptop", "1a2b3c4d", "power.lock", ""),
                UTC))
                .isEqualTo("2024-05-12 11:13:24  laptop            call            ok                      power.lock");
        AuditRecord weird = AuditReader.parseLine("{\"peer\": {\"fp\": \"7b4e909bbe7ffe44\", \"name\": \"laptop\"}, "
                + "\"ts\": 1715512405.0, \"type\": \"weird\", \"x\": [1, null, true], \"y\": 2.5}").orElseThrow();
        assertThat(AuditFormatter.format(weird, UTC)).isEqualTo("2024-05-12 11:13:25  laptop            weird  "
                + "{'peer': {'fp': '7b4e909bbe7ffe44', 'name': 'laptop'}, 'ts': 1715512405.0, 'type': 'weird', "
                + "'x': [1, None, True], 'y': 2.5}");
    }

    @Test
    void formatterEscapesControlCharacters() {
        String line = AuditFormatter.format(AuditRecord.callOk(1715512404.0, FP, "evil\u001b[2J", "s", "x",
                "read file: /tmp/\u001b]0;owned\u0007"), UTC);
        assertThat(line).doesNotContain("\u001b").doesNotContain("\u0007").contains("\\x1b[2J");
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(size);
    }
}
