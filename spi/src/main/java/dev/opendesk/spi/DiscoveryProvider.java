package dev.opendesk.spi;

import dev.opendesk.core.discovery.Discovery;

/**
 * A way to advertise a host and find peers on the LAN (mDNS / DNS-SD).
 * Register in {@code META-INF/services/dev.opendesk.spi.DiscoveryProvider}.
 */
public interface DiscoveryProvider extends PluginProvider {
    /** Builds the discovery service; it advertises or browses nothing until asked. */
    Discovery create(TransportContext context);
}
