package dev.opendesk.spi;

/**
 * What every provider has: an id used in configuration ({@code --backend x11}), a priority that
 * decides between several supported providers of one kind, and a cheap check of whether it can
 * work on this machine. Constructing a provider must be cheap and side-effect free: the host loads
 * all of them just to list them.
 */
public interface PluginProvider {
    /** A short, stable, lower-case id, unique among providers of the same kind. */
    String id();

    /** Higher wins when several providers of one kind are supported and none was asked for. */
    default int priority() {
        return 0;
    }

    /** One line saying what this provider is, for {@code opendesk plugins}. */
    default String description() {
        return id();
    }

    /**
     * Whether this provider can work here. Must not open displays, sockets or buses for long and
     * must not throw: an unexpected problem is itself a reason.
     */
    Support supports(HostPlatform platform);
}
