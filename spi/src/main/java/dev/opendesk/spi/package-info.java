/**
 * The plugin SPI of opendesk: what a third party implements to add a desktop backend, a
 * transport, a discovery mechanism or an agent-integration adapter. Providers are found with
 * {@link java.util.ServiceLoader} on the class path and in {@code <home>/plugins/*.jar}; they are
 * small factories with an id, a priority and a {@code supports} check, and they build their own
 * objects (the host's dependency injection is never visible to them).
 *
 * <p>This module depends only on {@code opendesk-core}. It grows by default methods, so a plugin
 * compiled against an older SPI keeps loading.
 */
@NullMarked
package dev.opendesk.spi;

import org.jspecify.annotations.NullMarked;
