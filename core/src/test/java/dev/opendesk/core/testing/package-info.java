/** Test fixtures shared with other modules' tests through core's test jar: in-memory connections and a scripted Computer. */
@NullMarked
package dev.opendesk.core.testing;

import org.jspecify.annotations.NullMarked;
