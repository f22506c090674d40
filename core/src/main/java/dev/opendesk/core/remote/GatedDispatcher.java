package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.audit.AuditLog;
import dev.opendesk.core.audit.AuditRecord;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.policy.Policy;
import dev.opendesk.core.policy.PolicyDecision;
import dev.opendesk.core.policy.PolicyRequest;
import dev.opendesk.core.protocol.ErrorInfo;
import dev.opendesk.core.protocol.ErrorMapping;
import dev.opendesk.core.protocol.RequestHandler;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The host's gate in front of the dispatcher (protocol §14): asks the {@link Policy} before every
 * unary call (before even checking that the method exists) and once at the start of a stream,
 * and records every unary call with its outcome in the {@link AuditLog}. A denial is
 * {@code permission_denied}; the session stays usable.
 */
final class GatedDispatcher implements RequestHandler {
    private final RequestHandler inner;
    private final Policy policy;
    private final AuditLog audit;
    private final String sessionId;
    private final String peerLabel;
    private final String peerFingerprint;
    private final String peerName;

    GatedDispatcher(RequestHandler inner, Policy policy, AuditLog audit, String sessionId, String peerLabel,
                    String peerFingerprint, String peerName) {
        this.inner = requireNonNull(inner, "inner is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.sessionId = requireNonNull(sessionId, "sessionId is null");
        this.peerLabel = requireNonNull(peerLabel, "peerLabel is null");
        this.peerFingerprint = requireNonNull(peerFingerprint, "peerFingerprint is null");
        this.peerName = requireNonNull(peerName, "peerName is null");
    }

    @Override
    public @Nullable Map<String, @Nullable Object> handle(String method, Map<String, @Nullable Object> params) {
        String summary = CallSummaries.summarize(method, params);
        try {
            check(method, summary);
            Map<String, @Nullable Object> result = inner.handle(method, params);
            record(method, summary, null);
            return result;
        } catch (RuntimeException | Error failure) {
            record(method, summary, ErrorMapping.toError(failure));
            throw failure;
        }
    }

    @Override
    public void handleStream(String method, Map<String, @Nullable Object> params, StreamSink sink) {
        check(method, CallSummaries.summarize(method, params));
        inner.handleStream(method, params, sink);
    }

    private void check(String method, String summary) {
        PolicyDecision decision = policy.decide(new PolicyRequest(peerLabel, method, summary));
        if (!decision.allowed()) {
            throw new OpendeskException(ErrorCode.PERMISSION_DENIED, decision.reason());
        }
    }

    private void record(String method, String summary, @Nullable ErrorInfo error) {
        double now = AuditRecord.now();
        audit.record(error == null
                ? AuditRecord.callOk(now, peerFingerprint, peerName, sessionId, method, summary)
                : AuditRecord.callError(now, peerFingerprint, peerName, sessionId, method, summary, error.code(), error.message()));
    }

}
