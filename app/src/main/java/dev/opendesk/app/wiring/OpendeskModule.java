package dev.opendesk.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.opendesk.core.audit.AuditLog;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.policy.AllowAllPolicy;
import dev.opendesk.core.policy.Policy;
import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.BackendContext;
import dev.opendesk.spi.DiscoveryProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.ImageCodecProvider;
import dev.opendesk.core.image.CombinedImageCodec;
import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.spi.TransportProvider;
import dev.opendesk.core.auth.HandshakeSettings;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.protocol.PeerOptions;
import dev.opendesk.core.remote.Controller;
import dev.opendesk.core.remote.TargetResolver;
import dev.opendesk.core.transport.Transport;
import dev.opendesk.spi.TransportContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one Guice module: binds the home, the platform, the plugin catalog and the chosen plugins.
 * Everything costly is lazy, so that start-up (above all {@code opendesk mcp}'s) pays only for
 * what the command uses: the backend is chosen (which probes the desktop) and its {@link Computer}
 * created the first time something needs them, and the network transport and LAN discovery
 * start the first time they listen, dial, advertise or browse.
 */
public final class OpendeskModule extends AbstractModule {
    private final AppHome home;
    private final HostPlatform platform;
    private final PluginCatalog catalog;
    private final Optional<String> requestedBackend;
    private final Optional<String> requestedCodec;

    /**
     * @param requestedBackend the backend id asked for with {@code --backend}, or empty for the
     *     highest-priority one that works here
     * @param requestedCodec the image codec id asked for with {@code --codec} or {@code
     *     OPENDESK_CODEC} ({@code java}: none), or empty for every one that works here
     */
    public OpendeskModule(AppHome home, HostPlatform platform, PluginCatalog catalog, Optional<String> requestedBackend,
                          Optional<String> requestedCodec) {
        this.home = requireNonNull(home, "home is null");
        this.platform = requireNonNull(platform, "platform is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.requestedBackend = requireNonNull(requestedBackend, "requestedBackend is null");
        this.requestedCodec = requireNonNull(requestedCodec, "requestedCodec is null");
    }

    @Override
    protected void configure() {
        bind(AppHome.class).toInstance(home);
        bind(HostPlatform.class).toInstance(platform);
        bind(PluginCatalog.class).toInstance(catalog);
        bind(Policy.class).to(AllowAllPolicy.class);
        bind(AuditLog.class).toInstance(AuditLog.disabled());
    }

    @Provides
    @Singleton
    BackendSelection backendSelection() {
        return catalog.selectBackend(requestedBackend);
    }

    /**
     * The one image pipeline of the process. Its codecs are chosen (which probes which work here)
     * and load their native code on the first image, not at start-up.
     */
    @Provides
    @Singleton
    ImagePipeline imagePipeline() {
        return new ImagePipeline(CombinedImageCodec.deferred(() -> catalog.selectCodecs(requestedCodec).stream()
                .map(ImageCodecProvider::create).map(ImageCodec.class::cast).toList()));
    }

    @Provides
    @Singleton
    Computer computer(BackendSelection selection, ImagePipeline pipeline) {
        return selection.requireProvider().create(new BackendContext(home.path(), platform, Map.of(), pipeline));
    }

    @Provides
    @Singleton
    Map<String, TransportProvider> transports() {
        Map<String, TransportProvider> byId = new LinkedHashMap<>();
        for (PluginEntry entry : catalog.supported(PluginKind.TRANSPORT)) {
            byId.put(entry.id(), (TransportProvider) entry.provider());
        }
        return Map.copyOf(byId);
    }

    @Provides
    @Singleton
    Optional<DiscoveryProvider> discovery() {
        return catalog.supported(PluginKind.DISCOVERY).stream().findFirst().map(e -> (DiscoveryProvider) e.provider());
    }

    @Provides
    @Singleton
    Identity identity() {
        return Identity.loadOrCreate(home.path());
    }

    @Provides
    @Singleton
    TrustedPeerStore trustedPeers() {
        return new TrustedPeerStore(home.path());
    }

    @Provides
    @Singleton
    HomeFiles homeFiles() {
        return new HomeFiles(home.path());
    }

    /** The LAN transport (WebSocket; started on first use), or a clear error when its plugin is missing. */
    @Provides
    @Singleton
    Transport networkTransport(Map<String, TransportProvider> transports) {
        TransportProvider provider = transports.get("websocket");
        if (provider == null) {
            throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "no usable websocket transport plugin");
        }
        return new LazyTransport(provider.id(), () -> provider.create(new TransportContext(home.path(), platform)));
    }

    /** LAN discovery (started on first use) when a discovery plugin works here. */
    @Provides
    @Singleton
    Optional<Discovery> lanDiscovery(Optional<DiscoveryProvider> provider) {
        return provider.map(p -> new LazyDiscovery(() -> p.create(new TransportContext(home.path(), platform))));
    }

    @Provides
    @Singleton
    Controller controller(Identity identity, TrustedPeerStore trust, Transport transport) {
        return new Controller(identity, trust, transport, HandshakeSettings.defaults(), PeerOptions.DEFAULTS);
    }

    @Provides
    @Singleton
    TargetResolver targetResolver(TrustedPeerStore trust, HomeFiles homeFiles, Optional<Discovery> discovery) {
        return new TargetResolver(trust, homeFiles, discovery, Duration.ofSeconds(2));
    }

    @Provides
    @Singleton
    List<AdapterProvider> adapters() {
        return catalog.supported(PluginKind.ADAPTER).stream().map(e -> (AdapterProvider) e.provider()).toList();
    }
}
