/** The Discovery port: advertising this host and browsing for peers on the LAN (protocol §12). */
@NullMarked
package dev.opendesk.core.discovery;

import org.jspecify.annotations.NullMarked;
