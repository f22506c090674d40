package dev.opendesk.transport.websocket;

import dev.opendesk.core.transport.Transport;
import dev.opendesk.spi.TransportContext;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.TransportProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/** Provides the WebSocket transport (Undertow). It is not built yet, and says so instead of pretending to work. */
public final class WebSocketTransportProvider implements TransportProvider {
    static final String NOT_IMPLEMENTED = "not implemented yet";

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
        return Support.no(NOT_IMPLEMENTED);
    }

    @Override
    public Transport create(TransportContext context) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "websocket: " + NOT_IMPLEMENTED);
    }
}
