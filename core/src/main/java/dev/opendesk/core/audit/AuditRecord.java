package dev.opendesk.core.audit;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One audit entry (protocol §14.1): its {@code type} ({@code session.opened},
 * {@code session.closed}, {@code session.rejected} or {@code call}), when it happened, the peer it
 * concerns and the type's own fields. The static factories build the four record types with
 * exactly the reference's fields.
 *
 * @param timestamp Unix epoch seconds
 * @param type the record type
 * @param peerFingerprint first 16 hex chars of the peer's key, or empty
 * @param peerName the peer's name, or empty
 * @param fields the extra fields of the type, in insertion order (not {@code ts}, {@code type} or {@code peer})
 */
public record AuditRecord(double timestamp, String type, String peerFingerprint, String peerName,
                          Map<String, Object> fields) {
    /** Type of the record written when a controller's session starts. */
    public static final String SESSION_OPENED = "session.opened";
    /** Type of the record written when a session ends. */
    public static final String SESSION_CLOSED = "session.closed";
    /** Type of the record written when a connection fails its handshake or is refused. */
    public static final String SESSION_REJECTED = "session.rejected";
    /** Type of the record written for each unary call. */
    public static final String CALL = "call";
    /** The longest {@code error_message} kept in a call record, in characters. */
    public static final int MAX_ERROR_MESSAGE = 200;

    private static final Set<String> RESERVED = Set.of("ts", "type", "peer");
    private static final HexFormat HEX = HexFormat.of();

    public AuditRecord {
        if (!Double.isFinite(timestamp)) {
            throw new IllegalArgumentException("timestamp is not finite");
        }
        requireNonNull(type, "type is null");
        requireNonNull(peerFingerprint, "peerFingerprint is null");
        requireNonNull(peerName, "peerName is null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(fields, "fields is null")));
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            requireNonNull(field.getKey(), "field name is null");
            requireNonNull(field.getValue(), () -> "field " + field.getKey() + " is null");
            if (RESERVED.contains(field.getKey())) {
                throw new IllegalArgumentException("field name is reserved: " + field.getKey());
            }
        }
    }

    /** {@code session.opened}: {@code session_id}, {@code remote_addr} ({@code ip:port} or {@code ?}), {@code mode}. */
    public static AuditRecord sessionOpened(double timestamp, String peerFingerprint, String peerName,
                                            String sessionId, String remoteAddress, String mode) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("session_id", requireNonNull(sessionId, "sessionId is null"));
        f.put("remote_addr", requireNonNull(remoteAddress, "remoteAddress is null"));
        f.put("mode", requireNonNull(mode, "mode is null"));
        return new AuditRecord(timestamp, SESSION_OPENED, peerFingerprint, peerName, f);
    }

    /**
     * {@code session.closed}: {@code session_id}, {@code duration} (seconds, rounded to 3 decimals
     * as Python's {@code round(d, 3)}), {@code reason} ({@code ""} or {@code error: …}).
     */
    public static AuditRecord sessionClosed(double timestamp, String peerFingerprint, String peerName,
                                            String sessionId, double durationSeconds, String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("session_id", requireNonNull(sessionId, "sessionId is null"));
        f.put("duration", roundMillis(durationSeconds));
        f.put("reason", requireNonNull(reason, "reason is null"));
        return new AuditRecord(timestamp, SESSION_CLOSED, peerFingerprint, peerName, f);
    }

    /**
     * {@code session.rejected}: {@code remote_addr}, {@code reason} ({@code auth_failed: <reason>},
     * {@code handshake_error: <text>}, {@code busy: <names>}).
     */
    public static AuditRecord sessionRejected(double timestamp, String peerFingerprint, String peerName,
                                              String remoteAddress, String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("remote_addr", requireNonNull(remoteAddress, "remoteAddress is null"));
        f.put("reason", requireNonNull(reason, "reason is null"));
        return new AuditRecord(timestamp, SESSION_REJECTED, peerFingerprint, peerName, f);
    }

    /** {@code call} that succeeded: {@code session_id}, {@code method}, {@code summary}, {@code outcome} = {@code ok}. */
    public static AuditRecord callOk(double timestamp, String peerFingerprint, String peerName, String sessionId,
                                     String method, String summary) {
        return new AuditRecord(timestamp, CALL, peerFingerprint, peerName, callFields(sessionId, method, summary, "ok"));
    }

    /**
     * {@code call} that failed: as {@link #callOk} with {@code outcome} = {@code error}, plus
     * {@code error_code} (the wire error code, e.g. {@code permission_denied} or
     * {@code cancelled}) and {@code error_message} (cut to {@value #MAX_ERROR_MESSAGE} characters);
     * each is left out when empty, as the reference does.
     */
    public static AuditRecord callError(double timestamp, String peerFingerprint, String peerName, String sessionId,
                                        String method, String summary, String errorCode, String errorMessage) {
        Map<String, Object> f = callFields(sessionId, method, summary, "error");
        requireNonNull(errorCode, "errorCode is null");
        requireNonNull(errorMessage, "errorMessage is null");
        if (!errorCode.isEmpty()) {
            f.put("error_code", errorCode);
        }
        if (!errorMessage.isEmpty()) {
            f.put("error_message", firstCodePoints(errorMessage, MAX_ERROR_MESSAGE));
        }
        return new AuditRecord(timestamp, CALL, peerFingerprint, peerName, f);
    }

    /** The audit {@code peer.fp} of a key: its first 16 lowercase hex chars (fewer for a short key, {@code ""} for none). */
    public static String fingerprintOf(byte[] publicKey) {
        requireNonNull(publicKey, "publicKey is null");
        return HEX.formatHex(publicKey, 0, Math.min(8, publicKey.length));
    }

    /** Unix epoch seconds as a float, like Python's {@code time.time()}. */
    public static double epochSeconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    /** The current time as {@link #epochSeconds(Instant)}. */
    public static double now() {
        return epochSeconds(Instant.now());
    }

    /** A string field, or {@code ""} when absent or not a string. */
    public String field(String name) {
        return fields.get(name) instanceof String s ? s : "";
    }

    /** Python's {@code round(d, 3)}: correctly rounded, ties to even, on the double's exact value. */
    static double roundMillis(double d) {
        if (!Double.isFinite(d)) {
            return d;
        }
        return new BigDecimal(d).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static Map<String, Object> callFields(String sessionId, String method, String summary, String outcome) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("session_id", requireNonNull(sessionId, "sessionId is null"));
        f.put("method", requireNonNull(method, "method is null"));
        f.put("summary", requireNonNull(summary, "summary is null"));
        f.put("outcome", outcome);
        return f;
    }

    private static String firstCodePoints(String s, int n) {
        return s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }
}
