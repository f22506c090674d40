package dev.opendesk.core.audit;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code opendesk audit} asks for: one day's records, optionally only those whose peer name
 * or fingerprint contains a substring, optionally only the last N.
 *
 * @param date the local date of the day file
 * @param peer a substring of the peer's name or fingerprint; empty matches every record
 * @param limit keep only the last {@code limit} records of the day, applied <em>before</em> the
 *     peer filter as the reference CLI does; {@code 0} keeps all
 */
public record AuditQuery(LocalDate date, String peer, int limit) {
    public AuditQuery {
        requireNonNull(date, "date is null");
        requireNonNull(peer, "peer is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
    }

    /** Every record of {@code date}. */
    public static AuditQuery allOf(LocalDate date) {
        return new AuditQuery(date, "", 0);
    }

    /** Whether {@code record} passes the peer filter. */
    public boolean matches(AuditRecord record) {
        return peer.isEmpty() || record.peerName().contains(peer) || record.peerFingerprint().contains(peer);
    }

    /** The records to show out of a whole day: the last {@link #limit()}, then those that {@link #matches}. */
    public List<AuditRecord> select(List<AuditRecord> day) {
        List<AuditRecord> window = limit > 0 && day.size() > limit ? day.subList(day.size() - limit, day.size()) : day;
        List<AuditRecord> out = new ArrayList<>(window.size());
        for (AuditRecord r : window) {
            if (matches(r)) {
                out.add(r);
            }
        }
        return out;
    }
}
