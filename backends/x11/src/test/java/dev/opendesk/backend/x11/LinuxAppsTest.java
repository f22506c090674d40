package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Window;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LinuxAppsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    /** A uniquely named xterm on a private PATH, so closing it by name touches nothing else on this machine. */
    private String terminal;
    private Path bin;

    @AfterEach
    void killLeftovers() throws IOException {
        if (terminal != null) {
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(terminal))
                    .forEach(ProcessHandle::destroyForcibly);
            // JUnit warns about links leading out of its temp dir
            Files.deleteIfExists(bin.resolve(terminal));
        }
    }

    private Map<String, String> environment() throws IOException {
        terminal = "odterm" + ProcessHandle.current().pid() + System.nanoTime() % 10000;
        bin = Files.createDirectories(temp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve(terminal), Path.of(which("xterm")));
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PATH", bin + ":/usr/bin:/bin");
        environment.put("HOME", temp.toString());
        environment.put("XDG_DATA_HOME", temp.resolve("share").toString());
        environment.put("XDG_DATA_DIRS", temp.resolve("none").toString());
        return environment;
    }

    @Test
    void opensFocusesListsAndClosesAnApplication() throws IOException {
        Map<String, String> environment = environment();
        try (XvfbServer xvfb = XvfbServer.start(1280, 800);
             X11Windows windows = new X11Windows(xvfb.session())) {
            LinuxApps apps = new LinuxApps(windows, environment, temp.resolve("no-systemd"));
            apps.openApp(terminal + " -T 'first app' -geometry 40x10+0+0");
            apps.openApp(terminal + " -T second-app -geometry 40x10+400+0");
            Window first = X11WindowsTest.awaitWindow(windows, "first app");
            Window second = X11WindowsTest.awaitWindow(windows, "second-app");
            assertThat(first.appName()).isEqualTo("XTerm");
            assertThat(apps.apps()).containsExactly("XTerm");

            apps.focusApp("FIRST APP");
            assertThat(windows.focusedWindow()).map(Window::id).contains(first.id());
            apps.focusApp("second");
            assertThat(windows.focusedWindow()).map(Window::id).contains(second.id());
            // by its process name
            apps.focusApp(terminal);
            assertThat(windows.focusedWindow()).isPresent();

            ProcessHandle firstProcess = ProcessHandle.of(first.pid()).orElseThrow();
            ProcessHandle secondProcess = ProcessHandle.of(second.pid()).orElseThrow();
            apps.closeApp(terminal.toUpperCase(java.util.Locale.ROOT));
            XvfbServer.await(WAIT, "both terminals to exit", () -> !firstProcess.isAlive() && !secondProcess.isAlive());
            XvfbServer.await(WAIT, "their windows to go", () -> windows.windows().isEmpty());
            assertNotFound(() -> apps.closeApp(terminal));
            assertNotFound(() -> apps.focusApp("first app"));
        }
    }

    @Test
    void opensDesktopEntriesByIdAndName() throws IOException {
        Map<String, String> environment = environment();
        Path applications = Files.createDirectories(temp.resolve("share/applications"));
        Files.writeString(applications.resolve("od-test-app.desktop"), String.join("\n",
                "[Desktop Entry]", "Type=Application", "Name=OD Test App", "Name[de]=OD Testprogramm",
                "Exec=" + terminal + " -T \"desk top %%1\" -geometry 40x10+0+0 %U", "", "[Desktop Action other]",
                "Exec=false", ""), StandardCharsets.UTF_8);
        // no gtk-launch on this PATH: the Exec= line is run
        environment.put("PATH", bin.toString());
        try (XvfbServer xvfb = XvfbServer.start(800, 600);
             X11Windows windows = new X11Windows(xvfb.session())) {
            LinuxApps apps = new LinuxApps(windows, environment, temp.resolve("no-systemd"));
            assertThat(apps.desktopEntry("od test app")).map(LinuxApps.DesktopEntry::id).contains("od-test-app");
            apps.openApp("od-test-app");
            Window window = X11WindowsTest.awaitWindow(windows, "desk top %1");
            windows.closeWindow(window.id());
            XvfbServer.await(WAIT, "the window to go", () -> windows.windows().isEmpty());
            apps.openApp("OD Test App");
            X11WindowsTest.awaitWindow(windows, "desk top %1");
        }
    }

    @Test
    void unknownApplicationsAreNotFound() throws IOException {
        Map<String, String> environment = environment();
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             X11Windows windows = new X11Windows(xvfb.session())) {
            LinuxApps apps = new LinuxApps(windows, environment, temp.resolve("no-systemd"));
            assertNotFound(() -> apps.openApp("no-such-app-" + System.nanoTime()));
            assertNotFound(() -> apps.closeApp("no-such-app-" + System.nanoTime()));
            assertNotFound(() -> apps.focusApp("no-such-app"));
            assertThatThrownBy(() -> apps.openApp(" ")).isInstanceOfSatisfying(OpendeskException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
            // with no windows, apps are the user's processes that talk to a display
            xvfb.spawn("sleep", "30");
            XvfbServer.await(WAIT, "sleep to be listed", () -> apps.apps().contains("sleep"));
        }
    }

    @Test
    void lockingNeedsLoginctlOrXdgScreensaver() throws IOException {
        Map<String, String> environment = environment();
        Path empty = Files.createDirectories(temp.resolve("empty"));
        environment.put("PATH", empty.toString());
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             X11Windows windows = new X11Windows(xvfb.session())) {
            LinuxApps none = new LinuxApps(windows, environment, temp.resolve("no-systemd"));
            assertThat(none.canLock()).isFalse();
            assertThatThrownBy(none::lock).isInstanceOfSatisfying(OpendeskException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
                assertThat(e.details()).containsEntry("capability", "power.lock").containsEntry("backend", "local/linux");
                assertThat(e.getMessage()).contains("loginctl", "xdg-screensaver");
            });

            Path log = temp.resolve("lock.log");
            Path fake = Files.createDirectories(temp.resolve("fake"));
            script(fake.resolve("xdg-screensaver"), "echo \"xdg-screensaver $*\" >> " + log);
            environment.put("PATH", fake.toString());
            LinuxApps screensaver = new LinuxApps(windows, environment, temp.resolve("no-systemd"));
            assertThat(screensaver.canLock()).isTrue();
            screensaver.lock();
            assertThat(Files.readString(log)).isEqualTo("xdg-screensaver lock\n");

            // loginctl only counts when systemd runs; it is tried first, then xdg-screensaver
            script(fake.resolve("loginctl"), "echo \"loginctl $*\" >> " + log + "; echo 'no session' >&2; exit 1");
            LinuxApps withSystemd = new LinuxApps(windows, environment, Files.createDirectories(temp.resolve("systemd")));
            withSystemd.lock();
            assertThat(Files.readString(log)).isEqualTo("xdg-screensaver lock\nloginctl lock-session\nxdg-screensaver lock\n");

            script(fake.resolve("xdg-screensaver"), "echo 'no screensaver running' >&2; exit 4");
            assertThatThrownBy(withSystemd::lock).isInstanceOfSatisfying(OpendeskException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                assertThat(e.getMessage()).contains("no session", "no screensaver running", "exit status 4");
            });
        }
    }

    @Test
    void splitsCommandLinesLikeAShell() {
        assertThat(LinuxApps.words("xterm -T 'a b' -e \"sh -c \\\"x\\\"\"  z\\ y")).isEqualTo(
                List.of("xterm", "-T", "a b", "-e", "sh -c \"x\"", "z y"));
        assertThat(LinuxApps.words("  ")).isEmpty();
    }

    private static void script(Path path, String body) throws IOException {
        Files.writeString(path, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return Optional.of(Path.of("/usr/bin", program)).filter(Files::isExecutable).map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(program + " is not installed"));
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OpendeskException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
