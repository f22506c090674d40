package dev.opendesk.core.policy;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of a {@link Policy} check.
 *
 * @param allowed whether the call may proceed
 * @param reason why it was refused; empty when allowed
 */
public record PolicyDecision(boolean allowed, String reason) {
    private static final PolicyDecision ALLOW = new PolicyDecision(true, "");

    public PolicyDecision {
        requireNonNull(reason, "reason is null");
        if (!allowed && reason.isBlank()) {
            throw new IllegalArgumentException("a denial needs a reason");
        }
    }

    /** Lets the call through. */
    public static PolicyDecision allow() {
        return ALLOW;
    }

    /** Refuses the call; the reason becomes the {@code permission_denied} message. */
    public static PolicyDecision deny(String reason) {
        return new PolicyDecision(false, reason);
    }
}
