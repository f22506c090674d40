/** The macOS desktop backend of opendesk. */
@NullMarked
package dev.opendesk.backend.macos;

import org.jspecify.annotations.NullMarked;
