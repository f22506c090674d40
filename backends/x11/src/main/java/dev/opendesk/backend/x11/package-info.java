/** The Linux X11 desktop backend of opendesk. */
@NullMarked
package dev.opendesk.backend.x11;

import org.jspecify.annotations.NullMarked;
