package dev.opendesk.bench;

import dev.opendesk.backend.x11.atspi.AtspiAccessibility;
import dev.opendesk.backend.x11.atspi.AtspiDesktop;
import dev.opendesk.backend.x11.atspi.AtspiLimits;
import dev.opendesk.backend.x11.atspi.AtspiSettings;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.UIElement;
import dev.opendesk.core.model.Window;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ui.tree} of one application through AT-SPI: an Xvfb, a D-Bus session bus of its own
 * (whose accessibility bus is activated on first use) and the application are started in setup;
 * {@code walk} reads the application's whole tree at {@code depth} with the default limits
 * (2000 elements, 3 s). {@code zenity} is a small dialog (~10 elements), {@code gtk3-widget-factory}
 * a large window (~260 elements at depth 30). Needs xvfb, dbus, at-spi2-core, zenity and
 * gtk-3-examples.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class AtspiTreeBenchmark {
    @Param({"zenity", "gtk3-widget-factory"})
    public String app;

    @Param({"8", "30"})
    public int depth;

    private Process xvfb;
    private Process dbus;
    private Path runtimeDir;
    private final List<Process> clients = new ArrayList<>();
    private AtspiAccessibility accessibility;

    @Setup(Level.Trial)
    public void start() throws Exception {
        String display = startXvfb();
        runtimeDir = Files.createTempDirectory("opendesk-bench-a11y");
        ProcessBuilder daemon = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        environment(daemon.environment(), display, null);
        dbus = daemon.start();
        String address = new BufferedReader(new InputStreamReader(dbus.getInputStream(), StandardCharsets.UTF_8)).readLine().trim();
        List<String> command = app.equals("zenity")
                ? List.of("zenity", "--question", "--text", "Proceed?")
                : List.of(app);
        ProcessBuilder client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        environment(client.environment(), display, address);
        clients.add(client.start());
        accessibility = new AtspiAccessibility(new AtspiSettings(address, "local/linux", AtspiLimits.defaults()), NO_DESKTOP);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                if (count(walk()) > 5) {
                    Thread.sleep(1000); // let it finish laying out
                    return;
                }
            } catch (RuntimeException e) {
                // not registered yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(app + " did not appear on the accessibility bus");
    }

    private void environment(Map<String, String> env, String display, String busAddress) {
        env.put("DISPLAY", display);
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
        env.remove("WAYLAND_DISPLAY");
        env.put("LANG", "C.UTF-8");
        env.remove("LC_ALL");
        if (busAddress == null) {
            env.remove("DBUS_SESSION_BUS_ADDRESS");
        } else {
            env.put("DBUS_SESSION_BUS_ADDRESS", busAddress);
        }
    }

    private String startXvfb() throws IOException, InterruptedException {
        for (int n = 600 + (int) (ProcessHandle.current().pid() % 100); n < 900; n++) {
            if (new File("/tmp/.X11-unix/X" + n).exists() || new File("/tmp/.X" + n + "-lock").exists()) {
                continue;
            }
            String display = ":" + n;
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp", "-noreset")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && xvfb.isAlive()) {
                if (new File("/tmp/.X11-unix/X" + n).exists()) {
                    Thread.sleep(200);
                    return display;
                }
                Thread.sleep(50);
            }
            xvfb.destroy();
        }
        throw new IllegalStateException("cannot start Xvfb");
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        if (accessibility != null) {
            accessibility.close();
        }
        for (Process client : clients) {
            client.destroyForcibly();
        }
        for (Process process : new Process[] {dbus, xvfb}) {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (runtimeDir != null) {
            try (java.util.stream.Stream<Path> files = Files.walk(runtimeDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp dir left behind
            }
        }
    }

    /** {@code ui.tree} with {@code app} and {@code max_depth}: find the application, walk its tree. */
    @Benchmark
    public UIElement walk() {
        return accessibility.tree(new UiTreeRequest(null, app, depth));
    }

    private static int count(UIElement element) {
        int n = 1;
        for (UIElement child : element.children()) {
            n += count(child);
        }
        return n;
    }

    private static final AtspiDesktop NO_DESKTOP = new AtspiDesktop() {
        @Override
        public void click(Point point) {
            throw new UnsupportedOperationException("the benchmark only reads");
        }

        @Override
        public void typeText(String text) {
            throw new UnsupportedOperationException("the benchmark only reads");
        }

        @Override
        public Optional<Window> window(String windowId) {
            return Optional.empty();
        }

        @Override
        public Optional<Window> focusedWindow() {
            return Optional.empty();
        }
    };
}
