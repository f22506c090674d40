package dev.opendesk.spi;

import dev.opendesk.core.computer.Computer;

/**
 * A desktop backend (X11, Wayland, macOS, Windows, …): a factory for the {@link Computer} that
 * captures the screen and drives input on this machine. Register an implementation in
 * {@code META-INF/services/dev.opendesk.spi.BackendProvider}.
 */
public interface BackendProvider extends PluginProvider {
    /**
     * Opens the backend. Called only after {@link #supports} said yes, at most once per process
     * for the chosen backend.
     *
     * @throws dev.opendesk.core.model.OpendeskException when the desktop cannot be opened after all
     */
    Computer create(BackendContext context);
}
