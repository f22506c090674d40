package dev.opendesk.backend.wayland;

import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.BackendContext;
import dev.opendesk.spi.BackendProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/** Provides the Linux Wayland backend. It is not built yet, and says so instead of pretending to work. */
public final class WaylandBackendProvider implements BackendProvider {
    static final String NOT_IMPLEMENTED = "not implemented yet";

    @Override
    public String id() {
        return "wayland";
    }

    @Override
    public int priority() {
        return 60;
    }

    @Override
    public String description() {
        return "Linux Wayland desktop backend";
    }

    @Override
    public Support supports(HostPlatform platform) {
        if (platform.variable("WAYLAND_DISPLAY").isEmpty()) {
            return Support.no("needs a Wayland compositor: WAYLAND_DISPLAY is not set");
        }
        return Support.no(NOT_IMPLEMENTED);
    }

    @Override
    public Computer create(BackendContext context) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "backend wayland: " + NOT_IMPLEMENTED);
    }
}
