package dev.opendesk.app.wiring;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.spi.ImageCodecProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.PluginProvider;
import dev.opendesk.spi.Support;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every provider found with {@link ServiceLoader} on the class path and in
 * {@code <home>/plugins/*.jar}, each asked once whether it works here. Loading fails fast when two
 * providers of one kind share an id.
 *
 * <p>The providers of a kind are asked whether they work here only when that kind is first
 * looked at, so a command that never needs a desktop never probes one (the X11 backend's check
 * opens the display, which costs JNA's start-up and a round trip to the server).
 */
public final class PluginCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalog.class);

    private final Map<PluginKind, List<PluginProvider>> providers;
    private final HostPlatform platform;
    private final Map<PluginKind, List<PluginEntry>> checked = new EnumMap<>(PluginKind.class);

    private PluginCatalog(Map<PluginKind, List<PluginProvider>> providers, HostPlatform platform) {
        this.providers = new EnumMap<>(providers);
        this.platform = platform;
    }

    /**
     * Loads all providers visible from the application class path plus the jars in
     * {@code pluginsDirectory} (if it exists).
     *
     * @throws OpendeskException {@code invalid_argument} on duplicate ids or a plugin jar that cannot be loaded
     */
    public static PluginCatalog load(Path pluginsDirectory, HostPlatform platform) {
        requireNonNull(platform, "platform is null");
        ClassLoader loader = pluginLoader(pluginsDirectory);
        Map<PluginKind, List<PluginProvider>> byKind = new EnumMap<>(PluginKind.class);
        for (PluginKind kind : PluginKind.values()) {
            Map<String, PluginProvider> byId = new LinkedHashMap<>();
            for (PluginProvider provider : instantiate(kind, loader)) {
                PluginProvider previous = byId.putIfAbsent(provider.id(), provider);
                if (previous != null) {
                    throw new OpendeskException(ErrorCode.INVALID_ARGUMENT, "duplicate " + kind.label() + " id '" + provider.id()
                            + "': " + previous.getClass().getName() + " (" + origin(previous) + ") and "
                            + provider.getClass().getName() + " (" + origin(provider) + ")");
                }
            }
            byKind.put(kind, List.copyOf(byId.values()));
        }
        return new PluginCatalog(byKind, platform);
    }

    /** Every provider found, grouped by kind in declaration order, then by id. */
    public List<PluginEntry> entries() {
        List<PluginEntry> all = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            all.addAll(entries(kind));
        }
        return List.copyOf(all);
    }

    /** The providers of one kind, by id; asks each whether it works here the first time the kind is looked at. */
    public List<PluginEntry> entries(PluginKind kind) {
        requireNonNull(kind, "kind is null");
        synchronized (checked) {
            return checked.computeIfAbsent(kind, k -> providers.getOrDefault(k, List.of()).stream()
                    .map(provider -> new PluginEntry(k, provider, safeSupports(provider, platform), origin(provider)))
                    .sorted(Comparator.comparing(PluginEntry::id))
                    .collect(Collectors.toUnmodifiableList()));
        }
    }

    /** The supported providers of one kind, highest priority first (ties by id). */
    public List<PluginEntry> supported(PluginKind kind) {
        return entries(kind).stream()
                .filter(e -> e.support().supported())
                .sorted(Comparator.comparingInt((PluginEntry e) -> e.provider().priority()).reversed()
                        .thenComparing(PluginEntry::id))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * Chooses the backend: the requested id if given (which must exist and be supported here),
     * else the supported backend of highest priority.
     *
     * @throws OpendeskException {@code invalid_argument} for an unknown id (naming the ids there
     *     are), {@code capability_unsupported} for a known one that cannot work here
     */
    public BackendSelection selectBackend(Optional<String> requested) {
        if (requested.isPresent()) {
            PluginEntry entry = requireSupported(PluginKind.BACKEND, requested.get(), List.of());
            return new BackendSelection(Optional.of(entry), "requested with --backend");
        }
        List<PluginEntry> supported = supported(PluginKind.BACKEND);
        if (supported.isEmpty()) {
            return new BackendSelection(Optional.empty(), "no backend supports this machine ("
                    + entries(PluginKind.BACKEND).stream().map(e -> e.id() + ": " + e.support().reason()).collect(Collectors.joining("; ")) + ")");
        }
        return new BackendSelection(Optional.of(supported.get(0)), "highest priority supported backend");
    }

    /**
     * The image codecs the pipeline uses, first preferred: the requested id alone if given (which
     * must exist and be supported here; {@code java} for none: the pure-Java pipeline), else every
     * supported codec by priority.
     *
     * @throws OpendeskException {@code invalid_argument} for an unknown id, {@code
     *     capability_unsupported} for a known one that cannot work here
     */
    public List<ImageCodecProvider> selectCodecs(Optional<String> requested) {
        if (requested.isEmpty()) {
            return supported(PluginKind.CODEC).stream().map(e -> (ImageCodecProvider) e.provider()).toList();
        }
        String id = requested.get();
        if (id.equals(ImageCodec.JAVA.name())) {
            return List.of();
        }
        PluginEntry entry = requireSupported(PluginKind.CODEC, id, List.of(ImageCodec.JAVA.name()));
        return List.of((ImageCodecProvider) entry.provider());
    }

    /**
     * The provider of a kind that a user asked for by id, which must exist and work here.
     *
     * @param otherIds ids the user may also give that are not providers (named first in the error)
     */
    private PluginEntry requireSupported(PluginKind kind, String id, List<String> otherIds) {
        List<PluginEntry> all = entries(kind);
        PluginEntry entry = all.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new OpendeskException(ErrorCode.INVALID_ARGUMENT, "unknown " + kind.label() + " '" + id
                        + "'; available: " + Stream.concat(otherIds.stream(), all.stream().map(PluginEntry::id))
                                .collect(Collectors.joining(", "))));
        if (!entry.support().supported()) {
            throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED,
                    kind.label() + " '" + id + "' cannot run here: " + entry.support().reason());
        }
        return entry;
    }

    private static List<PluginProvider> instantiate(PluginKind kind, ClassLoader loader) {
        List<PluginProvider> providers = new ArrayList<>();
        try {
            ServiceLoader.load(kind.type(), loader).stream().forEach(p -> providers.add(p.get()));
        } catch (ServiceConfigurationError e) {
            throw new OpendeskException(ErrorCode.INVALID_ARGUMENT, "cannot load a " + kind.label() + " plugin: " + e.getMessage(), e);
        }
        return providers;
    }

    private static Support safeSupports(PluginProvider provider, HostPlatform platform) {
        try {
            return requireNonNull(provider.supports(platform), "supports returned null");
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("plugin {} failed its support check", provider.id(), e);
            return Support.no("support check failed: " + e);
        }
    }

    private static String origin(PluginProvider provider) {
        CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "(built in)";
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (Exception e) {
            return source.getLocation().toString();
        }
    }

    private static ClassLoader pluginLoader(Path pluginsDirectory) {
        ClassLoader parent = PluginCatalog.class.getClassLoader();
        if (!Files.isDirectory(pluginsDirectory)) {
            return parent;
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(pluginsDirectory)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList())) {
                jars.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new OpendeskException(ErrorCode.INVALID_ARGUMENT, "bad plugin path: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot list " + pluginsDirectory + ": " + e.getMessage(), e);
        }
        if (jars.isEmpty()) {
            return parent;
        }
        LOG.debug("plugin jars: {}", jars);
        return new URLClassLoader("opendesk-plugins", jars.toArray(URL[]::new), parent);
    }
}
