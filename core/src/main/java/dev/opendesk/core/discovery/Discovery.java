package dev.opendesk.core.discovery;

import java.time.Duration;
import java.util.List;

/**
 * The Discovery port: makes a serving host findable on the LAN and finds others. Peers are
 * matched by public key, never by name.
 */
public interface Discovery {
    /**
     * Starts advertising; the returned handle withdraws the advertisement when closed.
     *
     * @throws dev.opendesk.core.model.OpendeskException when no interface can advertise
     */
    Advertisement advertise(ServiceRecord record);

    /** Browses for {@code timeout} and returns every resolvable peer seen, without duplicates. */
    List<DiscoveredPeer> browse(Duration timeout);

    /** A live advertisement; closing it unregisters the record. */
    interface Advertisement extends AutoCloseable {
        @Override
        void close();
    }
}
