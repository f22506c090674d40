package dev.opendesk.core.policy;

/** The default policy ({@code serve --approve auto}): every call is allowed. */
public final class AllowAllPolicy implements Policy {
    @Override
    public PolicyDecision decide(PolicyRequest request) {
        return PolicyDecision.allow();
    }
}
