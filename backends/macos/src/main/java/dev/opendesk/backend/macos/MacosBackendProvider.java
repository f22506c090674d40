package dev.opendesk.backend.macos;

import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.BackendContext;
import dev.opendesk.spi.BackendProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/** Provides the macOS backend. It is not built yet, and says so instead of pretending to work. */
public final class MacosBackendProvider implements BackendProvider {
    static final String NOT_IMPLEMENTED = "not implemented yet";

    @Override
    public String id() {
        return "macos";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public String description() {
        return "macOS desktop backend";
    }

    @Override
    public Support supports(HostPlatform platform) {
        if (!platform.isMac()) {
            return Support.no("needs macOS; this is " + platform.osName());
        }
        return Support.no(NOT_IMPLEMENTED);
    }

    @Override
    public Computer create(BackendContext context) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "backend macos: " + NOT_IMPLEMENTED);
    }
}
