package dev.opendesk.core.audit;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One audit entry (protocol §14.1): its {@code type} ({@code session.opened},
 * {@code session.closed}, {@code session.rejected} or {@code call}), when it happened, the peer it
 * concerns and the type's own fields.
 *
 * @param timestamp Unix epoch seconds
 * @param type the record type
 * @param peerFingerprint first 16 hex chars of the peer's key, or empty
 * @param peerName the peer's name, or empty
 * @param fields the extra fields of the type, in insertion order
 */
public record AuditRecord(double timestamp, String type, String peerFingerprint, String peerName,
                          Map<String, Object> fields) {
    public AuditRecord {
        if (!Double.isFinite(timestamp)) {
            throw new IllegalArgumentException("timestamp is not finite");
        }
        requireNonNull(type, "type is null");
        requireNonNull(peerFingerprint, "peerFingerprint is null");
        requireNonNull(peerName, "peerName is null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(fields, "fields is null")));
    }
}
