/**
 * The Linux accessibility tree through AT-SPI 2 over D-Bus (dbus-java, native unix sockets):
 * {@code ui.tree} and {@code ui.action} for any Linux backend. {@link
 * dev.opendesk.backend.x11.atspi.AtspiAccessibility} finds the accessibility bus through the
 * session bus, walks applications and windows within {@link
 * dev.opendesk.backend.x11.atspi.AtspiLimits} and acts on elements; the desktop around it (pointer,
 * keyboard, windows) comes in through {@link dev.opendesk.backend.x11.atspi.AtspiDesktop}, so
 * nothing here depends on X11.
 */
@NullMarked
package dev.opendesk.backend.x11.atspi;

import org.jspecify.annotations.NullMarked;
