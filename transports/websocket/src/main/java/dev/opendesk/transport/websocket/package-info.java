/** WebSocket transport (Undertow) for opendesk. */
@NullMarked
package dev.opendesk.transport.websocket;

import org.jspecify.annotations.NullMarked;
