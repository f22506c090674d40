/** The opendesk application: entry point, command line, wiring of plugins, daemon. */
@NullMarked
package dev.opendesk.app;

import org.jspecify.annotations.NullMarked;
