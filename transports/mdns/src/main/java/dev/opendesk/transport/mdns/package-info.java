/** mDNS / DNS-SD LAN discovery (jmdns) for opendesk. */
@NullMarked
package dev.opendesk.transport.mdns;

import org.jspecify.annotations.NullMarked;
