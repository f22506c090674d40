package dev.opendesk.core.audit;

/**
 * The port through which the host records what happened: sessions opened, closed and rejected,
 * and every unary call with its outcome. Implementations append and never rewrite; a failure to
 * record must not fail the call being recorded.
 */
public interface AuditLog extends AutoCloseable {
    /** Appends one record. */
    void record(AuditRecord record);

    /** Flushes and releases whatever the log holds open. */
    @Override
    default void close() {
    }

    /** A log that keeps nothing ({@code serve --no-audit}). */
    static AuditLog disabled() {
        return record -> { };
    }
}
