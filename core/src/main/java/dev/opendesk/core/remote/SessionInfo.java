package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

/**
 * One live controller session on the host, as the admin IPC lists it (protocol §13).
 *
 * @param id 8 hex chars
 * @param peerName the controller's trusted name ({@code ?} when unnamed)
 * @param peerPublicKeyHex its static key, 64 lowercase hex chars
 * @param remoteAddress {@code ip:port}
 * @param startedAt Unix seconds
 * @param mode {@code serve} or {@code pair}
 */
public record SessionInfo(String id, String peerName, String peerPublicKeyHex, String remoteAddress, double startedAt,
                          String mode) {
    public SessionInfo {
        requireNonNull(id, "id is null");
        requireNonNull(peerName, "peerName is null");
        requireNonNull(peerPublicKeyHex, "peerPublicKeyHex is null");
        requireNonNull(remoteAddress, "remoteAddress is null");
        requireNonNull(mode, "mode is null");
        if (!mode.equals("serve") && !mode.equals("pair")) {
            throw new IllegalArgumentException("mode must be serve or pair, got " + mode);
        }
    }

    /** Seconds since the session started, at {@code nowSeconds}. */
    public double ageSeconds(double nowSeconds) {
        return Math.max(0, nowSeconds - startedAt);
    }
}
