package dev.opendesk.transport.mdns;

import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.spi.TransportContext;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.DiscoveryProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/** Provides the mDNS / DNS-SD LAN discovery (jmdns). It is not built yet, and says so instead of pretending to work. */
public final class MdnsDiscoveryProvider implements DiscoveryProvider {
    static final String NOT_IMPLEMENTED = "not implemented yet";

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
        return Support.no(NOT_IMPLEMENTED);
    }

    @Override
    public Discovery create(TransportContext context) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "mdns: " + NOT_IMPLEMENTED);
    }
}
