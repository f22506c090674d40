package dev.opendesk.app.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.opendesk.spi.HostPlatform;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the injector for one command run: home, plugins, chosen backend. */
public final class Wiring {
    static {
        // Nothing here uses method interception, so Guice need not generate classes (it otherwise
        // defines fast-class and proxy bytecode with its repackaged ASM at start-up), nor record a
        // stack trace per binding: both are start-up time every `opendesk mcp` pays. Read once,
        // when Guice's flags class loads, so set before any injector is built; an explicit -D wins.
        setIfAbsent("guice_bytecode_gen_option", "DISABLED");
        setIfAbsent("guice_include_stack_traces", "OFF");
    }

    private Wiring() {
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Resolves and creates the home, loads the plugins (failing fast on duplicate ids or a bad
     * {@code --backend}) and returns the injector. Without {@code --backend}, the backend is
     * chosen the first time the injector is asked for it.
     */
    public static Injector injector(Optional<Path> explicitHome, Optional<String> requestedBackend) {
        return injector(explicitHome, requestedBackend, Optional.empty());
    }

    /**
     * As {@link #injector(Optional, Optional)}, with the image codec asked for with {@code --codec}
     * (else {@code OPENDESK_CODEC}, else every codec that works here; {@code java} for none).
     */
    public static Injector injector(Optional<Path> explicitHome, Optional<String> requestedBackend,
                                    Optional<String> requestedCodec) {
        HostPlatform platform = HostPlatform.current();
        AppHome home = AppHome.resolve(explicitHome, platform.variables()).ensureCreated();
        PluginCatalog catalog = PluginCatalog.load(home.pluginsDirectory(), platform);
        if (requestedBackend.isPresent()) {
            catalog.selectBackend(requestedBackend); // fails fast on a bad --backend
        }
        Optional<String> codec = requestedCodec.or(() -> platform.variable("OPENDESK_CODEC").filter(v -> !v.isBlank()));
        if (codec.isPresent()) {
            catalog.selectCodecs(codec); // fails fast on a bad --codec
        }
        // the default (development) stage keeps singletons lazy: without --backend the desktop is
        // probed only when something needs it, and opened only then
        return Guice.createInjector(new OpendeskModule(home, platform, catalog, requestedBackend, codec));
    }
}
