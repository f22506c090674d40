package dev.opendesk.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.spi.HostPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install and uninstall into a temporary user home (never the real one). The service manager is a
 * recorder, except in the one test that runs the real {@code systemctl --user} where it cannot work.
 */
final class ServiceInstallerTest {
    private static final HostPlatform LINUX = new HostPlatform("Linux", "6", "amd64", Map.of());
    private static final HostPlatform MAC = new HostPlatform("Mac OS X", "14", "aarch64", Map.of());
    private static final HostPlatform WINDOWS = new HostPlatform("Windows 11", "10.0", "amd64", Map.of());
    private static final ServiceSpec SPEC = new ServiceSpec(List.of("/opt/my apps/opendesk"), 8423, null);

    @TempDir
    Path userHome;
    @TempDir
    Path opendeskHome;

    /** Records commands and answers each with {@code answer}. */
    private static final class Recorder implements CommandRunner {
        final List<String> commands = new ArrayList<>();
        final java.util.function.Function<List<String>, Result> answer;

        Recorder(java.util.function.Function<List<String>, Result> answer) {
            this.answer = answer;
        }

        @Override
        public Result run(List<String> command) throws IOException {
            commands.add(String.join(" ", command));
            Result result = answer.apply(command);
            if (result == null) {
                throw new IOException("Cannot run program \"" + command.get(0) + "\": error=2, No such file or directory");
            }
            return result;
        }
    }

    @Test
    void linuxWritesTheUnitEnablesItAndRemovesIt() throws Exception {
        Recorder systemctl = new Recorder(command -> new CommandRunner.Result(0, ""));
        ServiceInstaller installer = new ServiceInstaller(LINUX, userHome, opendeskHome, systemctl);
        ServiceInstaller.Installed installed = installer.install(SPEC, true);
        Path unit = userHome.resolve(".config/systemd/user/opendesk.service");
        assertThat(installed.location()).isEqualTo(unit.toString());
        assertThat(installed.warning()).isFalse();
        assertThat(installed.status()).startsWith("Started");
        assertThat(Files.readString(unit)).isEqualTo(ServiceFiles.systemdUnit(SPEC));
        assertThat(systemctl.commands).containsExactly("systemctl --user daemon-reload", "systemctl --user enable --now opendesk.service");

        systemctl.commands.clear();
        assertThat(installer.uninstall()).isTrue();
        assertThat(unit).doesNotExist();
        assertThat(systemctl.commands).containsExactly("systemctl --user disable --now opendesk.service", "systemctl --user daemon-reload");
        assertThat(installer.uninstall()).as("nothing left to remove").isFalse();
    }

    @Test
    void linuxWithoutSystemctlInstallsAndSaysItCouldNotStart() {
        Recorder absent = new Recorder(command -> null);
        ServiceInstaller.Installed installed = new ServiceInstaller(LINUX, userHome, opendeskHome, absent).install(SPEC, true);
        assertThat(installed.warning()).isTrue();
        assertThat(installed.status()).isEqualTo("WARNING: not started: systemctl --user is not usable here (systemctl not found)."
                + " Start it from your desktop session with: systemctl --user daemon-reload && systemctl --user enable --now opendesk");
        assertThat(userHome.resolve(".config/systemd/user/opendesk.service")).exists();
        assertThat(new ServiceInstaller(LINUX, userHome, opendeskHome, absent).uninstall()).isTrue();
        assertThat(userHome.resolve(".config/systemd/user/opendesk.service")).doesNotExist();
    }

    @Test
    void noStartRunsNothing() {
        Recorder recorder = new Recorder(command -> new CommandRunner.Result(0, ""));
        ServiceInstaller.Installed installed = new ServiceInstaller(LINUX, userHome, opendeskHome, recorder).install(SPEC, false);
        assertThat(installed.status()).startsWith("Not started (--no-start).");
        assertThat(recorder.commands).isEmpty();
    }

    @Test
    void linuxWithTheRealSystemctlWhereNoUserManagerRuns() throws Exception {
        CommandRunner real = CommandRunner.system();
        CommandRunner.Result probe;
        try {
            probe = real.run(List.of("systemctl", "--user", "show-environment")); // read-only
        } catch (IOException e) {
            probe = null; // not installed: that is the case under test too
        }
        Assumptions.assumeTrue(probe == null || !probe.ok(),
                "a systemd user manager runs here; not touching it");
        ServiceInstaller installer = new ServiceInstaller(LINUX, userHome, opendeskHome, real);
        ServiceInstaller.Installed installed = installer.install(SPEC, true);
        assertThat(installed.warning()).isTrue();
        assertThat(installed.status()).startsWith("WARNING: not started: systemctl --user is not usable here (");
        assertThat(installer.uninstall()).isTrue();
        assertThat(installer.uninstall()).isFalse();
    }

    @Test
    void macosWritesThePlistAndLoadsIt() throws Exception {
        Recorder launchctl = new Recorder(command -> new CommandRunner.Result(0, ""));
        ServiceInstaller installer = new ServiceInstaller(MAC, userHome, opendeskHome, launchctl);
        ServiceInstaller.Installed installed = installer.install(SPEC, true);
        Path plist = userHome.resolve("Library/LaunchAgents/com.opendesk.serve.plist");
        assertThat(installed.manager()).isEqualTo(ServiceInstaller.Manager.LAUNCHD);
        assertThat(Files.readString(plist)).isEqualTo(ServiceFiles.launchdPlist(SPEC, opendeskHome));
        assertThat(launchctl.commands).containsExactly("launchctl unload " + plist, "launchctl load -w " + plist);
        assertThat(installer.uninstall()).isTrue();
        assertThat(plist).doesNotExist();
    }

    @Test
    void windowsCreatesAndRunsTheTask() {
        Recorder schtasks = new Recorder(command -> new CommandRunner.Result(0, ""));
        ServiceInstaller installer = new ServiceInstaller(WINDOWS, userHome, opendeskHome, schtasks);
        ServiceInstaller.Installed installed = installer.install(SPEC, true);
        assertThat(installed.location()).isEqualTo("TaskScheduler:opendesk");
        assertThat(schtasks.commands).containsExactly(
                "schtasks /create /sc onlogon /tn opendesk /tr \"/opt/my apps/opendesk\" serve --port 8423 /rl limited /f",
                "schtasks /run /tn opendesk");
        schtasks.commands.clear();
        assertThat(installer.uninstall()).isTrue();
        assertThat(schtasks.commands).containsExactly("schtasks /query /tn opendesk", "schtasks /end /tn opendesk",
                "schtasks /delete /tn opendesk /f");
        Recorder none = new Recorder(command -> new CommandRunner.Result(1, "ERROR: The system cannot find the file specified."));
        assertThat(new ServiceInstaller(WINDOWS, userHome, opendeskHome, none).uninstall()).isFalse();
    }
}
