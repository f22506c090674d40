package dev.opendesk.app.cli;

import dev.opendesk.app.service.CommandRunner;
import dev.opendesk.app.service.Launcher;
import dev.opendesk.app.service.ServiceInstaller;
import dev.opendesk.app.service.ServiceSpec;
import dev.opendesk.app.wiring.AppHome;
import dev.opendesk.spi.HostPlatform;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code opendesk install-service} / {@code uninstall-service} (spec/surface.md §3–§4): a systemd
 * user unit, a launchd agent or a Task Scheduler task running this launcher's {@code serve}.
 */
final class ServiceCommands {
    /** Runs the service manager; tests swap it for a recorder. */
    static volatile CommandRunner runner = CommandRunner.system();

    private ServiceCommands() {
    }

    private static ServiceInstaller installer(Path opendeskHome) {
        return new ServiceInstaller(HostPlatform.current(), Paths.get(System.getProperty("user.home")), opendeskHome, runner);
    }

    @Command(name = "install-service", description = "Install opendesk serve as a user service (systemd, launchd, schtasks).")
    static final class InstallService extends PeerCommands.PeerCommand {
        @Option(names = "--port", defaultValue = "8423", description = "port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--no-start", description = "install without starting")
        boolean noStart;

        @Override
        public Integer call() {
            if (port <= 0 || port > 65_535) {
                err().println("ERROR: --port must be between 1 and 65535");
                return 2;
            }
            Path opendeskHome = services().getInstance(AppHome.class).path();
            ServiceSpec spec = new ServiceSpec(Launcher.current(), port, common.home().map(Path::toAbsolutePath).orElse(null));
            ServiceInstaller.Installed installed = installer(opendeskHome).install(spec, !noStart);
            out().println("✓ Service installed (" + installed.manager().label() + "): " + installed.location());
            (installed.warning() ? err() : out()).println("  " + installed.status());
            return 0;
        }
    }

    @Command(name = "uninstall-service", description = "Remove the opendesk service.")
    static final class UninstallService extends PeerCommands.PeerCommand {
        @Override
        public Integer call() {
            Path opendeskHome = services().getInstance(AppHome.class).path();
            out().println(installer(opendeskHome).uninstall() ? "✓ Service uninstalled." : "No opendesk service was installed.");
            return 0;
        }
    }
}
