package dev.opendesk.backend.x11.atspi;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A private desktop for AT-SPI tests: an Xvfb on a free display and a D-Bus session bus of its own
 * ({@code dbus-daemon --session}, started with that display and a private XDG_RUNTIME_DIR so the
 * accessibility bus it activates does not meet another test's). Applications are started with
 * both, and the AT-SPI client is pointed at {@link #busAddress()}.
 */
final class A11ySession implements AutoCloseable {
    private final Process xvfb;
    private final String display;
    private final Path runtimeDir;
    private final List<Process> processes = new ArrayList<>();
    private Process dbus;
    private String busAddress;

    private A11ySession(Process xvfb, String display, Path runtimeDir) {
        this.xvfb = xvfb;
        this.display = display;
        this.runtimeDir = runtimeDir;
    }

    /** Starts Xvfb (width x height) and a session bus. */
    static synchronized A11ySession start(int width, int height) throws IOException {
        for (int n = 400 + (int) (ProcessHandle.current().pid() % 200); n < 900; n++) {
            if (new File("/tmp/.X11-unix/X" + n).exists() || new File("/tmp/.X" + n + "-lock").exists()) {
                continue;
            }
            String display = ":" + n;
            Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", width + "x" + height + "x24", "-nolisten", "tcp", "-noreset")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Path runtime = Files.createTempDirectory("opendesk-a11y", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            A11ySession session = new A11ySession(xvfb, display, runtime);
            try {
                if (session.awaitX(Duration.ofSeconds(10))) {
                    session.startBus();
                    return session;
                }
            } catch (IOException | RuntimeException e) {
                session.close();
                throw e;
            }
            session.close();
        }
        throw new IllegalStateException("no free X display number");
    }

    private boolean awaitX(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && xvfb.isAlive()) {
            if (run("xdpyinfo").exitCode() == 0) {
                return true;
            }
            sleep(50);
        }
        return false;
    }

    private void startBus() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1");
        environment(builder.environment(), false);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        dbus = builder.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(dbus.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || line.isBlank()) {
            throw new IllegalStateException("dbus-daemon printed no address (is the dbus package installed?)");
        }
        busAddress = line.trim();
    }

    private void environment(Map<String, String> env, boolean withBus) {
        env.put("DISPLAY", display);
        env.remove("WAYLAND_DISPLAY");
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
        env.remove("AT_SPI_BUS_ADDRESS");
        env.put("NO_AT_BRIDGE", "0");
        env.put("GTK_A11Y", "atspi");
        env.put("LANG", "C.UTF-8");
        env.remove("LANGUAGE");
        env.remove("LC_ALL");
        env.remove("LC_MESSAGES");
        if (withBus) {
            env.put("DBUS_SESSION_BUS_ADDRESS", busAddress);
        } else {
            env.remove("DBUS_SESSION_BUS_ADDRESS");
        }
    }

    String display() {
        return display;
    }

    /** The session bus address the applications use. */
    String busAddress() {
        return busAddress;
    }

    /** Settings pointing the AT-SPI client at this session's bus. */
    AtspiSettings settings(AtspiLimits limits) {
        return new AtspiSettings(busAddress, "local/linux", limits);
    }

    /** Starts an application on this display and bus; its standard output is kept. */
    Process spawn(String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            environment(builder.environment(), true);
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", command), e);
        }
    }

    /** What a finished command printed. */
    record Result(int exitCode, String stdout) {
    }

    /** Runs a command on this display and bus and waits (at most 20 s). */
    Result run(String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            environment(builder.environment(), busAddress != null);
            Process child = builder.start();
            child.getOutputStream().close();
            byte[] out = child.getInputStream().readAllBytes();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(child.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code condition} holds, polling every 100 ms, or fails after {@code timeout}. */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (dbus != null) {
            // the accessibility bus launcher and registry were activated by this daemon
            dbus.descendants().forEach(ProcessHandle::destroy);
            dbus.destroy();
            waitFor(dbus);
        }
        xvfb.destroy();
        waitFor(xvfb);
        try (Stream<Path> files = Files.walk(runtimeDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind
        }
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
