/** The Windows desktop backend of opendesk. */
@NullMarked
package dev.opendesk.backend.windows;

import org.jspecify.annotations.NullMarked;
