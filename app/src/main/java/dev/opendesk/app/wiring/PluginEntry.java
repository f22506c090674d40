package dev.opendesk.app.wiring;

import static java.util.Objects.requireNonNull;

import dev.opendesk.spi.PluginProvider;
import dev.opendesk.spi.Support;

/**
 * One provider found at start-up, with its verdict on this machine and the jar (or class
 * directory) it came from.
 */
public record PluginEntry(PluginKind kind, PluginProvider provider, Support support, String origin) {
    public PluginEntry {
        requireNonNull(kind, "kind is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(support, "support is null");
        requireNonNull(origin, "origin is null");
    }

    /** The provider's id. */
    public String id() {
        return provider.id();
    }
}
