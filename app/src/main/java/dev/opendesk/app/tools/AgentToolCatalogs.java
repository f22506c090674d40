package dev.opendesk.app.tools;

import com.google.inject.Injector;
import dev.opendesk.app.wiring.BackendSelection;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.computer.UnavailableComputer;
import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.remote.Controller;
import dev.opendesk.core.remote.PeerAdminTools;
import dev.opendesk.core.remote.PeerRouter;
import dev.opendesk.core.remote.TargetResolver;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.tool.ToolOptions;
import dev.opendesk.core.tool.Tools;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the agent tool catalog of one process from its wiring. */
public final class AgentToolCatalogs {
    private AgentToolCatalogs() {
    }

    /**
     * The standard tools on this machine's desktop (opened on first use; a machine without a
     * working backend answers every desktop call with capability_unsupported and the reason)
     * and on every paired peer.
     */
    @SuppressWarnings("unchecked")
    public static AgentToolCatalog create(Injector services) {
        TrustedPeerStore trust = services.getInstance(TrustedPeerStore.class);
        HomeFiles homeFiles = services.getInstance(HomeFiles.class);
        Optional<Discovery> discovery = services.getInstance(com.google.inject.Key.get(
                (com.google.inject.TypeLiteral<Optional<Discovery>>) com.google.inject.TypeLiteral.get(
                        com.google.inject.util.Types.newParameterizedType(Optional.class, Discovery.class))));
        Supplier<Controller> controller = () -> services.getInstance(Controller.class); // on first use
        PeerRouter router = new PeerRouter(trust, homeFiles, controller,
                services.getInstance(TargetResolver.class), localDesktop(services));
        return new AgentToolCatalog(
                Tools.standardRegistry(ToolOptions.defaults().withPipeline(services.getInstance(ImagePipeline.class))), router, new PeerAdminTools(router, trust, discovery));
    }

    private static Supplier<Computer> localDesktop(Injector services) {
        return new Supplier<>() {
            private Computer desktop;

            @Override
            public synchronized Computer get() {
                if (desktop == null) {
                    BackendSelection selection = services.getInstance(BackendSelection.class);
                    desktop = selection.chosen().isPresent() ? services.getInstance(Computer.class)
                            : new UnavailableComputer(selection.explanation());
                }
                return desktop;
            }
        };
    }
}
