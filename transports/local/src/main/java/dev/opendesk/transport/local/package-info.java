/**
 * An in-process loopback transport: a listener and its dialers in one JVM exchange whole messages
 * through queues. It lets the protocol, handshakes and sessions be tested hermetically and lets a
 * process talk to itself without a socket.
 */
@NullMarked
package dev.opendesk.transport.local;

import org.jspecify.annotations.NullMarked;
