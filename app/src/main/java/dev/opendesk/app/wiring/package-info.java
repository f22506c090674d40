/**
 * Start-up wiring: the home directory, plugin discovery with {@link java.util.ServiceLoader}
 * (class path and {@code <home>/plugins/*.jar}), selection of the backend and the one Guice
 * module that binds the chosen plugins. Plugins never see Guice.
 */
@NullMarked
package dev.opendesk.app.wiring;

import org.jspecify.annotations.NullMarked;
