package dev.opendesk.core.policy;

/**
 * The port that gates every call a remote peer makes on this host. It is asked once per unary
 * call (before the unknown-method check) and once at the start of a stream; a denial becomes the
 * wire error {@code permission_denied} with the decision's reason as its message.
 */
@FunctionalInterface
public interface Policy {
    /**
     * Decides on one call.
     *
     * @param request who asks for which method, with a human-readable summary
     * @return allow, or deny with a reason
     */
    PolicyDecision decide(PolicyRequest request);
}
