package dev.opendesk.app.cli;

import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.testing.ScriptedComputer;
import dev.opendesk.spi.BackendContext;
import dev.opendesk.spi.BackendProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/**
 * A test backend serving core's scripted Computer, so CLI tests can run a host without a desktop.
 * Only usable when a test turns it on ({@link #ENABLED}); otherwise it says so.
 */
public final class ScriptedBackendProvider implements BackendProvider {
    /** The system property that makes this backend usable. */
    static final String ENABLED = "opendesk.test.scripted-backend";
    /** The Computer the last created backend serves. */
    static volatile ScriptedComputer last;

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public Support supports(HostPlatform platform) {
        return Boolean.getBoolean(ENABLED) ? Support.yes() : Support.no("test backend, off unless " + ENABLED + "=true");
    }

    @Override
    public Computer create(BackendContext context) {
        last = new ScriptedComputer();
        return last;
    }
}
