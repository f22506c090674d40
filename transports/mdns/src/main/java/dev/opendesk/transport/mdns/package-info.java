/**
 * mDNS / DNS-SD LAN discovery for opendesk (protocol §12), on jmdns: advertising a serving host
 * with its key in the TXT record, and browsing for hosts, matched by key.
 */
@NullMarked
package dev.opendesk.transport.mdns;

import org.jspecify.annotations.NullMarked;
