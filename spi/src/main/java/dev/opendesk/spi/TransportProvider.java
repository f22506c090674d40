package dev.opendesk.spi;

import dev.opendesk.core.transport.Transport;

/**
 * A way to carry opendesk messages between two peers (WebSocket on the LAN, in-process loopback).
 * Register in {@code META-INF/services/dev.opendesk.spi.TransportProvider}.
 */
public interface TransportProvider extends PluginProvider {
    /** Builds the transport; it binds or dials nothing until asked. */
    Transport create(TransportContext context);
}
