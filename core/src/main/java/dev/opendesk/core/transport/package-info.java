/**
 * The Transport port: message-oriented connections that carry whole binary messages, the
 * listeners that accept them and the dialers that open them. Plugins (WebSocket, in-process)
 * implement it; the protocol layer never sees sockets.
 */
@NullMarked
package dev.opendesk.core.transport;

import org.jspecify.annotations.NullMarked;
