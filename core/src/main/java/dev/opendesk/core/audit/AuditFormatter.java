package dev.opendesk.core.audit;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.io.PythonJson;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One human-readable line per audit record, as the reference {@code opendesk audit} prints it
 * (surface §5): local time, the peer (name, else fingerprint, else {@code ?}) padded to 16, the
 * type padded to 14, then per type
 * <pre>
 * 2024-05-12 11:12:25  laptop            session.opened                          id=1a2b3c4d from 192.168.1.5:51234
 * 2024-05-12 11:13:22  laptop            call            ok                      type 5 chars: 'hello'
 * 2024-05-12 11:13:23  laptop            call            error/permission_denied  run shell: 'ls'
 * 2024-05-12 11:13:20  laptop            session.closed                          id=1a2b3c4d  duration=54.821s  reason=''
 * 2024-05-12 11:13:21  ?                 session.rejected                          reason=auth_failed: unknown_peer  from ?
 * </pre>
 * Control characters are escaped so a record cannot drive the terminal.
 */
public final class AuditFormatter {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String SUMMARY_COLUMN = " ".repeat(2 + 22 + 2);

    private AuditFormatter() {}

    /** The line for {@code record}, its time shown in the system time zone. */
    public static String format(AuditRecord record) {
        return format(record, ZoneId.systemDefault());
    }

    /** The line for {@code record}, its time shown in {@code zone}. */
    public static String format(AuditRecord record, ZoneId zone) {
        requireNonNull(record, "record is null");
        requireNonNull(zone, "zone is null");
        String when = WHEN.format(Instant.ofEpochSecond((long) Math.floor(record.timestamp())).atZone(zone));
        String peer = !record.peerName().isEmpty() ? record.peerName()
                : !record.peerFingerprint().isEmpty() ? record.peerFingerprint() : "?";
        String kind = record.type();
        String head = when + "  " + pad(peer, 16) + "  " + pad(kind, 14);
        Map<String, Object> f = record.fields();
        String line = switch (kind) {
            case AuditRecord.CALL -> {
                String outcome = str(f.getOrDefault("outcome", "?"));
                if (outcome.equals("error")) {
                    outcome = "error/" + str(f.getOrDefault("error_code", "?"));
                }
                Object summary = f.get("summary");
                String shown = summary == null || summary.equals("") ? str(f.getOrDefault("method", "?")) : str(summary);
                yield head + "  " + pad(outcome, 22) + "  " + shown;
            }
            case AuditRecord.SESSION_OPENED -> head + SUMMARY_COLUMN + "id=" + str(f.getOrDefault("session_id", "?"))
                    + " from " + str(f.getOrDefault("remote_addr", "?"));
            case AuditRecord.SESSION_CLOSED -> head + SUMMARY_COLUMN + "id=" + str(f.getOrDefault("session_id", "?"))
                    + "  duration=" + str(f.getOrDefault("duration", 0L)) + "s  reason="
                    + PythonJson.pythonRepr(f.getOrDefault("reason", ""));
            case AuditRecord.SESSION_REJECTED -> head + SUMMARY_COLUMN + "reason=" + str(f.getOrDefault("reason", "?"))
                    + "  from " + str(f.getOrDefault("remote_addr", "?"));
            default -> when + "  " + pad(peer, 16) + "  " + kind + "  " + PythonJson.pythonRepr(asEntry(record));
        };
        return escapeControls(line);
    }

    /** The record as the JSON object of its line (keys sorted, as the file has them). */
    private static Map<String, Object> asEntry(AuditRecord record) {
        Map<String, Object> entry = new TreeMap<>(record.fields());
        entry.put("peer", new TreeMap<>(Map.of("fp", record.peerFingerprint(), "name", record.peerName())));
        entry.put("ts", record.timestamp());
        entry.put("type", record.type());
        return entry;
    }

    private static String str(@Nullable Object value) {
        return PythonJson.pythonStr(value);
    }

    /** Python's {@code f"{s:<n}"}: pads with spaces to {@code n} code points, never cuts. */
    private static String pad(String s, int n) {
        int length = s.codePointCount(0, s.length());
        return length >= n ? s : s + " ".repeat(n - length);
    }

    private static String escapeControls(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
