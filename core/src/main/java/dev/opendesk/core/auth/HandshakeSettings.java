package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Tunables of the handshakes. Every handshake receive waits at most {@link #timeout()} (default
 * 10 s; the Python reference has none, this is a hardening) and then fails with
 * {@link AuthFailure.Reason#PROTOCOL} "handshake timed out".
 */
public final class HandshakeSettings {
    /** The default per-message receive timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final HandshakeSettings DEFAULTS = new HandshakeSettings(DEFAULT_TIMEOUT, X25519::generatePrivateKey);

    private final Duration timeout;
    private final Supplier<byte[]> ephemeralKeys;

    private HandshakeSettings(Duration timeout, Supplier<byte[]> ephemeralKeys) {
        this.timeout = timeout;
        this.ephemeralKeys = ephemeralKeys;
    }

    /** Default settings: 10 s timeout, random ephemeral keys. */
    public static HandshakeSettings defaults() {
        return DEFAULTS;
    }

    /** These settings with another per-message receive timeout (positive). */
    public HandshakeSettings withTimeout(Duration timeout) {
        requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new HandshakeSettings(timeout, ephemeralKeys);
    }

    /** For the fixed-key test vectors only: where ephemeral private keys come from. */
    HandshakeSettings withEphemeralKeys(Supplier<byte[]> ephemeralKeys) {
        return new HandshakeSettings(timeout, requireNonNull(ephemeralKeys, "ephemeralKeys is null"));
    }

    /** The per-message receive timeout. */
    public Duration timeout() {
        return timeout;
    }

    byte[] nextEphemeralKey() {
        return ephemeralKeys.get();
    }

    @Override
    public String toString() {
        return "HandshakeSettings[timeout=" + timeout + "]";
    }
}
