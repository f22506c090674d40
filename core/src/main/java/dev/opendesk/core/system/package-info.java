/**
 * Files, processes and commands of the machine the host runs on, with the JDK alone: shared by
 * every desktop backend, since none of it depends on the display system.
 */
@NullMarked
package dev.opendesk.core.system;

import org.jspecify.annotations.NullMarked;
