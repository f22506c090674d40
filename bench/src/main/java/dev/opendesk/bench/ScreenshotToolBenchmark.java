package dev.opendesk.bench;

import com.google.gson.JsonObject;
import dev.opendesk.backend.x11.X11Computer;
import dev.opendesk.backend.x11.X11Session;
import dev.opendesk.core.tool.Tool;
import dev.opendesk.core.tool.ToolContext;
import dev.opendesk.core.tool.ToolRegistry;
import dev.opendesk.core.tool.ToolResult;
import dev.opendesk.core.tool.Tools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The {@code screenshot} agent tool with its defaults, in process, on the X11 backend of an Xvfb
 * showing the harness's known content (bench/harness/desktop.sh: text and a photo-like region):
 * grab, change detection, scaling to the model budget, PNG or JPEG within 1 MB, result text.
 * What an MCP call adds on top is JSON and base64. Run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ScreenshotToolBenchmark {
    @Param({"1920x1080", "3840x2160"})
    public String size;

    private long[] pids = new long[0];
    private X11Computer computer;
    private ToolContext context;
    private Tool screenshot;
    private final JsonObject arguments = new JsonObject();

    @Setup(Level.Trial)
    public void start() throws Exception {
        String display = BenchXvfb.freeDisplay(400);
        Path work = Files.createTempDirectory("opendesk-bench-");
        Process desktop = new ProcessBuilder("bench/harness/desktop.sh", display, size, work.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(desktop.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        if (desktop.waitFor() != 0 || line == null) {
            throw new IllegalStateException("bench/harness/desktop.sh failed (run from the repository root)");
        }
        String[] parts = line.trim().split(" ");
        pids = new long[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            pids[i - 1] = Long.parseLong(parts[i]);
        }
        computer = new X11Computer(new X11Session(display));
        ToolRegistry registry = Tools.standardRegistry();
        context = registry.context("bench", computer, ToolContext.PermissionCheck.ALLOW_ALL);
        screenshot = registry.require("screenshot");
        ToolResult first = screenshot.execute(context, arguments);
        if (first.error()) {
            throw new IllegalStateException("screenshot failed: " + first.output());
        }
        System.err.println(first.output().lines().findFirst().orElse(""));
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        if (computer != null) {
            computer.close();
        }
        for (int i = pids.length - 1; i >= 0; i--) {
            ProcessHandle.of(pids[i]).ifPresent(ProcessHandle::destroy);
        }
    }

    /** One {@code screenshot} call with no arguments. */
    @Benchmark
    public ToolResult screenshot() {
        return screenshot.execute(context, arguments);
    }
}
