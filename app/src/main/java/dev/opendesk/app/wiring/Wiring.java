package dev.opendesk.app.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.opendesk.spi.HostPlatform;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the injector for one command run: home, plugins, chosen backend. */
public final class Wiring {
    private Wiring() {
    }

    /**
     * Resolves and creates the home, loads the plugins (failing fast on duplicate ids or a bad
     * {@code --backend}) and returns the injector. Without {@code --backend}, the backend is
     * chosen the first time the injector is asked for it.
     */
    public static Injector injector(Optional<Path> explicitHome, Optional<String> requestedBackend) {
        HostPlatform platform = HostPlatform.current();
        AppHome home = AppHome.resolve(explicitHome, platform.variables()).ensureCreated();
        PluginCatalog catalog = PluginCatalog.load(home.pluginsDirectory(), platform);
        if (requestedBackend.isPresent()) {
            catalog.selectBackend(requestedBackend); // fails fast on a bad --backend
        }
        // the default (development) stage keeps singletons lazy: without --backend the desktop is
        // probed only when something needs it, and opened only then
        return Guice.createInjector(new OpendeskModule(home, platform, catalog, requestedBackend));
    }
}
