package dev.opendesk.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.opendesk.backend.x11.X11Computer;
import dev.opendesk.backend.x11.X11Session;
import dev.opendesk.core.tool.Tool;
import dev.opendesk.core.tool.ToolContext;
import dev.opendesk.core.tool.ToolRegistry;
import dev.opendesk.core.tool.ToolResult;
import dev.opendesk.core.tool.Tools;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Agent-tool input actions without settle time, as an MCP call runs them after parsing: the
 * {@code mouse} tool moving the pointer (alternating between two points so that every call really
 * moves it) and the {@code keyboard} tool pressing a key (Shift, harmless), each on the X11
 * backend of an Xvfb started in setup, through XTest, synchronised with the server. The tool's
 * own work is included (argument parsing, permission check, session record, result text).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ToolInputBenchmark {
    private BenchXvfb xvfb;
    private X11Computer computer;
    private ToolContext context;
    private Tool mouse;
    private Tool keyboard;
    private final JsonObject[] moves = {
        JsonParser.parseString("{\"action\":\"move\",\"x\":300,\"y\":200,\"settle_ms\":0}").getAsJsonObject(),
        JsonParser.parseString("{\"action\":\"move\",\"x\":900,\"y\":600,\"settle_ms\":0}").getAsJsonObject(),
    };
    private final JsonObject press = JsonParser.parseString("{\"action\":\"press\",\"key\":\"shift\",\"settle_ms\":0}").getAsJsonObject();
    private int n;

    @Setup(Level.Trial)
    public void start() throws Exception {
        xvfb = BenchXvfb.start("1920x1080", 300);
        computer = new X11Computer(new X11Session(xvfb.display()));
        ToolRegistry registry = Tools.standardRegistry();
        context = registry.context("bench", computer, ToolContext.PermissionCheck.ALLOW_ALL);
        mouse = registry.require("mouse");
        keyboard = registry.require("keyboard");
        check(mouse.execute(context, moves[0]));
        check(keyboard.execute(context, press));
    }

    private static void check(ToolResult result) {
        if (result.error()) {
            throw new IllegalStateException("tool failed: " + result.output());
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        if (computer != null) {
            computer.close();
        }
        if (xvfb != null) {
            xvfb.close();
        }
    }

    /** {@code mouse} {@code move} with {@code settle_ms: 0}. */
    @Benchmark
    public ToolResult mouseMove() {
        return mouse.execute(context, moves[n++ & 1]);
    }

    /** {@code keyboard} {@code press shift} with {@code settle_ms: 0}. */
    @Benchmark
    public ToolResult keyPress() {
        return keyboard.execute(context, press);
    }
}
