package dev.opendesk.app.wiring;

import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.BackendProvider;
import dev.opendesk.spi.DiscoveryProvider;
import dev.opendesk.spi.ImageCodecProvider;
import dev.opendesk.spi.PluginProvider;
import dev.opendesk.spi.TransportProvider;

/** The five kinds of plugin, each with its SPI type. */
public enum PluginKind {
    BACKEND("backend", "backends", BackendProvider.class),
    TRANSPORT("transport", "transports", TransportProvider.class),
    DISCOVERY("discovery", "discovery providers", DiscoveryProvider.class),
    ADAPTER("adapter", "adapters", AdapterProvider.class),
    CODEC("codec", "image codecs", ImageCodecProvider.class);

    private final String label;
    private final String plural;
    private final Class<? extends PluginProvider> type;

    PluginKind(String label, String plural, Class<? extends PluginProvider> type) {
        this.label = label;
        this.plural = plural;
        this.type = type;
    }

    /** The plural shown in listings. */
    public String plural() {
        return plural;
    }

    /** The lower-case name shown to users. */
    public String label() {
        return label;
    }

    /** The SPI interface providers of this kind implement. */
    public Class<? extends PluginProvider> type() {
        return type;
    }
}
