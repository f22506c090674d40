package dev.opendesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.app.service.CommandRunner;
import dev.opendesk.app.service.Launcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install-service} / {@code uninstall-service} on this (Linux) machine, with {@code user.home}
 * pointed at a temporary directory and the service manager replaced by a recorder that says
 * systemctl is not installed — so nothing outside the temporary directory is touched.
 */
final class ServiceCommandsTest {
    @TempDir
    Path userHome;
    @TempDir
    Path home;

    private String savedUserHome;
    private CommandRunner savedRunner;
    private final List<String> commands = new ArrayList<>();

    @BeforeEach
    void isolate() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux service test");
        savedUserHome = System.getProperty("user.home");
        savedRunner = ServiceCommands.runner;
        System.setProperty("user.home", userHome.toString());
        System.setProperty(Launcher.PROPERTY, "/opt/my apps/opendesk");
        ServiceCommands.runner = command -> {
            commands.add(String.join(" ", command));
            throw new IOException("Cannot run program \"" + command.get(0) + "\": error=2, No such file or directory");
        };
    }

    @AfterEach
    void restore() {
        if (savedUserHome != null) {
            System.setProperty("user.home", savedUserHome);
            ServiceCommands.runner = savedRunner;
        }
        System.clearProperty(Launcher.PROPERTY);
    }

    @Test
    void installsTheUnitWarnsThatSystemctlIsMissingAndUninstalls() throws Exception {
        CliRun install = CliRun.of("install-service", "--port", "9123", "--home", home.toString());
        Path unit = userHome.resolve(".config/systemd/user/opendesk.service");
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.out()).isEqualTo("✓ Service installed (systemd): " + unit + "\n");
        assertThat(install.err()).isEqualTo("  WARNING: not started: systemctl --user is not usable here (systemctl not found)."
                + " Start it from your desktop session with: systemctl --user daemon-reload && systemctl --user enable --now opendesk\n");
        assertThat(Files.readString(unit)).contains("\nExecStart=\"/opt/my apps/opendesk\" serve --port 9123 --home " + home + "\n");
        assertThat(commands).containsExactly("systemctl --user daemon-reload");

        CliRun noStart = CliRun.of("install-service", "--no-start", "--home", home.toString());
        assertThat(noStart.out()).contains("✓ Service installed (systemd): " + unit + "\n  Not started (--no-start).");
        assertThat(Files.readString(unit)).contains("serve --port 8423 --home");

        CliRun uninstall = CliRun.of("uninstall-service", "--home", home.toString());
        assertThat(uninstall.out()).isEqualTo("✓ Service uninstalled.\n");
        assertThat(unit).doesNotExist();
        assertThat(CliRun.of("uninstall-service", "--home", home.toString()).out()).isEqualTo("No opendesk service was installed.\n");
    }

    @Test
    void aBadPortIsAUsageError() {
        assertThat(CliRun.of("install-service", "--port", "0", "--home", home.toString()).exitCode()).isEqualTo(2);
        assertThat(userHome.resolve(".config")).doesNotExist();
    }
}
