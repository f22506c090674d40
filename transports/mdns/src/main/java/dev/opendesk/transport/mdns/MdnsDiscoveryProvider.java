package dev.opendesk.transport.mdns;

import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.spi.DiscoveryProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;
import dev.opendesk.spi.TransportContext;
import java.time.Duration;

/**
 * Provides mDNS / DNS-SD LAN discovery (jmdns, protocol §12): advertises a serving host as
 * {@code _opendesk._tcp.local.} and finds others. Pure Java, so it is supported everywhere;
 * a machine without a usable network interface gets a clear error when it advertises or browses.
 */
public final class MdnsDiscoveryProvider implements DiscoveryProvider {
    /** How long one record may take to resolve (protocol §12: 2000 ms). */
    static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public String id() {
        return "mdns";
    }

    @Override
    public String description() {
        return "mDNS / DNS-SD LAN discovery (jmdns)";
    }

    @Override
    public Support supports(HostPlatform platform) {
        return Support.yes();
    }

    @Override
    public Discovery create(TransportContext context) {
        return new MdnsDiscovery(LanAddresses::current, RESOLVE_TIMEOUT);
    }
}
