package dev.opendesk.transport.local;

import dev.opendesk.core.transport.Transport;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;
import dev.opendesk.spi.TransportContext;
import dev.opendesk.spi.TransportProvider;

/** Provides the in-process loopback transport; it works everywhere. */
public final class LocalTransportProvider implements TransportProvider {
    @Override
    public String id() {
        return "local";
    }

    @Override
    public String description() {
        return "in-process loopback transport";
    }

    @Override
    public Support supports(HostPlatform platform) {
        return Support.yes();
    }

    @Override
    public Transport create(TransportContext context) {
        return new LocalTransport();
    }
}
