/** The Linux Wayland desktop backend of opendesk. */
@NullMarked
package dev.opendesk.backend.wayland;

import org.jspecify.annotations.NullMarked;
