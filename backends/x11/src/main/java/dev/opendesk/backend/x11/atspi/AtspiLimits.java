package dev.opendesk.backend.x11.atspi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How far one tree walk may go, so that a huge or hung application cannot stall a call. A walk
 * that reaches a limit returns what it has read so far and says so in its root's metadata
 * ({@code "truncated": true}, {@code "truncated_reason"}).
 *
 * @param maxNodes elements per walk, at least 1 (default 2000)
 * @param maxChildren children read per element, at least 1 (default 200; the reference reads 80)
 * @param walkTime wall time of one walk (default 3 s)
 * @param callTimeout wait for one D-Bus reply (default 1 s); an application that misses it is
 *     treated as hung for the rest of the walk
 * @param searchDepth how deep {@code ui.action} looks for the element again (default 16)
 * @param maxTextLength characters of Text content read as a value (default 2000)
 */
public record AtspiLimits(int maxNodes, int maxChildren, Duration walkTime, Duration callTimeout, int searchDepth, int maxTextLength) {
    public AtspiLimits {
        requireNonNull(walkTime, "walkTime is null");
        requireNonNull(callTimeout, "callTimeout is null");
        if (maxNodes < 1 || maxChildren < 1 || searchDepth < 0 || maxTextLength < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (walkTime.isNegative() || walkTime.isZero() || callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("walkTime and callTimeout must be positive");
        }
    }

    /** 2000 elements, 200 children per element, 3 s per walk, 1 s per call, search depth 16, 2000 text characters. */
    public static AtspiLimits defaults() {
        return new AtspiLimits(2000, 200, Duration.ofSeconds(3), Duration.ofSeconds(1), 16, 2000);
    }

    /** These limits with another element budget. */
    public AtspiLimits withMaxNodes(int nodes) {
        return new AtspiLimits(nodes, maxChildren, walkTime, callTimeout, searchDepth, maxTextLength);
    }

    /** These limits with another wall time per walk. */
    public AtspiLimits withWalkTime(Duration time) {
        return new AtspiLimits(maxNodes, maxChildren, time, callTimeout, searchDepth, maxTextLength);
    }
}
