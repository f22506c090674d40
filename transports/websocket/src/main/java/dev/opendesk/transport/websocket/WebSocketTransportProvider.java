package dev.opendesk.transport.websocket;

import dev.opendesk.core.transport.Transport;
import dev.opendesk.spi.TransportContext;
import dev.opendesk.spi.TransportProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/** Provides the WebSocket transport (Undertow): the LAN transport of protocol §1. */
public final class WebSocketTransportProvider implements TransportProvider {
    @Override
    public String id() {
        return "websocket";
    }

    @Override
    public String description() {
        return "WebSocket transport (Undertow)";
    }

    @Override
    public Support supports(HostPlatform platform) {
        return Support.yes();
    }

    @Override
    public Transport create(TransportContext context) {
        return new WebSocketTransport();
    }
}
