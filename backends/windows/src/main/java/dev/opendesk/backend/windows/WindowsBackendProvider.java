package dev.opendesk.backend.windows;

import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.BackendContext;
import dev.opendesk.spi.BackendProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/** Provides the Windows backend. It is not built yet, and says so instead of pretending to work. */
public final class WindowsBackendProvider implements BackendProvider {
    static final String NOT_IMPLEMENTED = "not implemented yet";

    @Override
    public String id() {
        return "windows";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public String description() {
        return "Windows desktop backend";
    }

    @Override
    public Support supports(HostPlatform platform) {
        if (!platform.isWindows()) {
            return Support.no("needs Windows; this is " + platform.osName());
        }
        return Support.no(NOT_IMPLEMENTED);
    }

    @Override
    public Computer create(BackendContext context) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "backend windows: " + NOT_IMPLEMENTED);
    }
}
