package dev.opendesk.core.remote;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;

/**
 * The host evicted this controller (PUSH {@code session.evicted}): every later call on the
 * session fails with this until the application connects anew. Never retried.
 */
public final class SessionEvictedException extends OpendeskException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public SessionEvictedException(String reason) {
        super(ErrorCode.PROTOCOL, "session evicted by the host (" + reason + ")");
        this.reason = reason;
    }

    /** The eviction reason, e.g. {@code admin_disconnect}. */
    public String reason() {
        return reason;
    }
}
