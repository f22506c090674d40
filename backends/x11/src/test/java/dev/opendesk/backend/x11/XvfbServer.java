package dev.opendesk.backend.x11;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real X server for tests: {@code Xvfb :N -screen 0 WxHx24 -nolisten tcp -noreset} on a free
 * display number, ready when {@code xdpyinfo} answers, stopped by {@link #close()}. Also runs the
 * independent observers (xdotool, xclip, xwininfo, import, …) against it.
 */
public final class XvfbServer implements AutoCloseable {
    private final Process process;
    private final String display;
    private final List<Process> children = new ArrayList<>();

    private XvfbServer(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    /** Starts a 1920x1080 server. */
    public static XvfbServer start() {
        return start(1920, 1080);
    }

    /** Starts a server with one screen of the given size. */
    public static synchronized XvfbServer start(int width, int height) {
        for (int n = 90 + (int) (ProcessHandle.current().pid() % 50); n < 400; n++) {
            if (new File("/tmp/.X11-unix/X" + n).exists() || new File("/tmp/.X" + n + "-lock").exists()) {
                continue;
            }
            String display = ":" + n;
            try {
                Process process = new ProcessBuilder("Xvfb", display, "-screen", "0", width + "x" + height + "x24",
                        "-nolisten", "tcp", "-noreset")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                XvfbServer server = new XvfbServer(process, display);
                try {
                    if (server.awaitReady(Duration.ofSeconds(10))) {
                        return server;
                    }
                } catch (RuntimeException | Error e) {
                    server.close(); // never leave an orphaned Xvfb behind
                    throw e;
                }
                server.close();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start Xvfb (is the xvfb package installed?)", e);
            }
        }
        throw new IllegalStateException("no free X display number");
    }

    private boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                if (run("xdpyinfo").exitCode() == 0) {
                    return true;
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The display name, e.g. {@code :97}. */
    public String display() {
        return display;
    }

    /** A session on this server. */
    public X11Session session() {
        return new X11Session(display);
    }

    /** What a finished command printed. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command against this display and waits (at most 20 s) for it. */
    public Result run(String... command) {
        try {
            Process child = builder(command).start();
            child.getOutputStream().close();
            byte[] out = child.getInputStream().readAllBytes();
            byte[] err = child.getErrorStream().readAllBytes();
            if (!child.waitFor(20, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(child.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a long-running client (xterm, zenity, a window manager…); it is killed by {@link #close()}. */
    public Process spawn(String... command) {
        try {
            Process child = builder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            children.add(child);
            return child;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", command), e);
        }
    }

    private ProcessBuilder builder(String... command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("DISPLAY", display);
        environment.remove("WAYLAND_DISPLAY");
        return builder;
    }

    /** Waits until {@code condition} holds, polling every 50 ms, or fails after {@code timeout}. */
    public static void await(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A temporary file path that is deleted on exit. */
    static Path tempFile(String prefix) throws IOException {
        Path file = Files.createTempFile(prefix, ".tmp");
        file.toFile().deleteOnExit();
        return file;
    }

    @Override
    public void close() {
        for (Process child : children) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
