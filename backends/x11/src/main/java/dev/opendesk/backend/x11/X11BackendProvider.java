package dev.opendesk.backend.x11;

import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.BackendContext;
import dev.opendesk.spi.BackendProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/** Provides the Linux X11 backend. It is not built yet, and says so instead of pretending to work. */
public final class X11BackendProvider implements BackendProvider {
    static final String NOT_IMPLEMENTED = "not implemented yet";

    @Override
    public String id() {
        return "x11";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public String description() {
        return "Linux X11 desktop backend";
    }

    @Override
    public Support supports(HostPlatform platform) {
        if (platform.variable("DISPLAY").isEmpty()) {
            return Support.no("needs an X server: DISPLAY is not set");
        }
        return Support.no(NOT_IMPLEMENTED);
    }

    @Override
    public Computer create(BackendContext context) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "backend x11: " + NOT_IMPLEMENTED);
    }
}
