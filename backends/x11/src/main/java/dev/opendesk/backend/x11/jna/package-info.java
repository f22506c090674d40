/**
 * Our own JNA mappings of what jna-platform's {@code X11} lacks (XShm, XRandR, XFixes and a few
 * Xlib calls), kept in this one small package.
 */
@NullMarked
package dev.opendesk.backend.x11.jna;

import org.jspecify.annotations.NullMarked;
