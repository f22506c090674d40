package dev.opendesk.core.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Limits of one {@link Peer}.
 *
 * @param helloTimeout how long to wait for the other side's HELLO
 * @param maxMessageBytes a larger inbound message closes the connection
 */
public record PeerOptions(Duration helloTimeout, int maxMessageBytes) {
    /** 10 s for the HELLO, 64 MiB per message. */
    public static final PeerOptions DEFAULTS = new PeerOptions(Duration.ofSeconds(10), 64 * 1024 * 1024);

    public PeerOptions {
        requireNonNull(helloTimeout, "helloTimeout is null");
        if (helloTimeout.isNegative() || helloTimeout.isZero()) {
            throw new IllegalArgumentException("helloTimeout must be positive");
        }
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive");
        }
    }
}
