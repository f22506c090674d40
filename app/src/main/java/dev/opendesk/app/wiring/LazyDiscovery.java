package dev.opendesk.app.wiring;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.discovery.DiscoveredPeer;
import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.discovery.ServiceRecord;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Discovery} created the first time it advertises or browses, so that processes which
 * never look at the LAN do not load the mDNS library at start-up.
 */
final class LazyDiscovery implements Discovery {
    private final Supplier<Discovery> factory;
    private @Nullable Discovery created;

    LazyDiscovery(Supplier<Discovery> factory) {
        this.factory = requireNonNull(factory, "factory is null");
    }

    @Override
    public Advertisement advertise(ServiceRecord record) {
        return discovery().advertise(record);
    }

    @Override
    public List<DiscoveredPeer> browse(Duration timeout) {
        return discovery().browse(timeout);
    }

    /** Whether the real discovery exists yet. */
    synchronized boolean isCreated() {
        return created != null;
    }

    private synchronized Discovery discovery() {
        if (created == null) {
            created = requireNonNull(factory.get(), "the discovery factory returned null");
        }
        return created;
    }
}
