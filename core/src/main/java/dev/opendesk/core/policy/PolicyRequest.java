package dev.opendesk.core.policy;

import static java.util.Objects.requireNonNull;

/**
 * One call to be judged by a {@link Policy}.
 *
 * @param peerName the peer's trusted name, or {@code peer-<6 hex>} when it has none
 * @param method the wire method, e.g. {@code input.pointer}
 * @param summary a one-line human description, e.g. {@code type 5 chars: 'hello'}
 */
public record PolicyRequest(String peerName, String method, String summary) {
    public PolicyRequest {
        requireNonNull(peerName, "peerName is null");
        requireNonNull(method, "method is null");
        requireNonNull(summary, "summary is null");
    }
}
