package dev.opendesk.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.opendesk.backend.x11.XvfbServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code opendesk mcp} server, started as a subprocess on Xvfb, driven over stdio by the
 * official MCP TypeScript SDK client ({@code mcp/mcp-e2e.mjs}, Node 18+ on PATH, the SDK in
 * {@code <repo>/.cache/npm} or {@code $OPENDESK_NPM_PREFIX}); the desktop's state is checked with
 * xdotool and xclip. Prints the start → tools/list time and the screenshot p50 to stderr.
 */
class McpEndToEndTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void officialClientDrivesTheRealServerOnXvfb(@TempDir Path temp) throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path nodeErr = temp.resolve("node-and-server.err");
        try (XvfbServer xvfb = XvfbServer.start(WIDTH, HEIGHT)) {
            List<String> command = new ArrayList<>(List.of("node", script().toString(), npmPrefix().toString(),
                    javaBinary(), "-cp", System.getProperty("java.class.path"),
                    "dev.opendesk.app.Main", "mcp", "--home", home.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(nodeErr.toFile());
            Map<String, String> env = builder.environment();
            env.put("DISPLAY", xvfb.display());
            env.remove("WAYLAND_DISPLAY");
            env.put("OPENDESK_HOME", home.toString());

            Process node;
            try {
                node = builder.start();
            } catch (IOException e) {
                throw new AssertionError("cannot run node (Node.js 18+ must be on PATH for this test): " + e.getMessage(), e);
            }
            try {
                JsonObject report = readReport(node, nodeErr);
                String pointer;
                String clipboard;
                try {
                    // while the client (and so the server, the clipboard's owner) is still running
                    pointer = xvfb.run("xdotool", "getmouselocation", "--shell").stdout();
                    XvfbServer.Result xclip = xvfb.run("xclip", "-o", "-selection", "clipboard");
                    assertThat(xclip.exitCode()).as("xclip exit code; stderr: %s", xclip.stderr()).isZero();
                    clipboard = xclip.stdout();
                } finally {
                    try (OutputStream in = node.getOutputStream()) {
                        in.write("close\n".getBytes(StandardCharsets.UTF_8));
                    } catch (IOException ignored) {
                        // node already gone: its exit code tells
                    }
                }
                boolean exited = node.waitFor(20, TimeUnit.SECONDS);
                String stderr = Files.readString(nodeErr);

                System.err.printf("MCP end-to-end (stdio, Xvfb %dx%d): start -> first tools/list response %d ms;"
                                + " screenshot p50 %d ms over 5 calls %s%n", WIDTH, HEIGHT,
                        report.get("startToToolsListMillis").getAsLong(), report.get("screenshotP50Millis").getAsLong(),
                        report.get("screenshotMillis"));

                String context = "\nreport: " + report + "\nnode/server stderr:\n" + tail(stderr);
                JsonObject tools = report.getAsJsonObject("tools");
                assertThat(tools.keySet()).as("tools/list names" + context)
                        .contains("screenshot", "mouse", "keyboard", "clipboard", "opendesk_status");
                assertThat(strings(tools.getAsJsonObject("screenshot").getAsJsonArray("properties")))
                        .as("screenshot's input properties" + context).contains("peer");
                assertThat(strings(tools.getAsJsonObject("screenshot").getAsJsonArray("required")))
                        .as("screenshot's required properties: peer must be optional" + context).doesNotContain("peer");

                JsonObject calls = report.getAsJsonObject("calls");
                JsonObject shot = calls.getAsJsonObject("screenshot");
                assertOk(shot, "screenshot", context);
                assertThat(string(shot, "mimeType")).as("screenshot image mimeType" + context).isEqualTo("image/png");
                JsonObject png = shot.getAsJsonObject("png");
                assertThat(png.get("valid").getAsBoolean()).as("screenshot image is a PNG" + context).isTrue();
                int w = png.get("width").getAsInt();
                int h = png.get("height").getAsInt();
                assertThat(w).as("image width").isPositive();
                assertThat((double) w / h).as("image aspect ratio vs the %dx%d screen", WIDTH, HEIGHT)
                        .isCloseTo((double) WIDTH / HEIGHT, org.assertj.core.data.Offset.offset(0.01));
                assertThat(string(shot, "text")).as("screenshot text names the image size" + context).contains(w + "x" + h);
                for (int i = 0; i < 5; i++) {
                    assertThat(calls.has("screenshot" + i)).as("timed screenshot call %d failed%s", i, context).isFalse();
                }

                JsonObject small = calls.getAsJsonObject("smallScreenshot");
                assertOk(small, "screenshot with max_edge 640", context);
                JsonObject smallPng = small.getAsJsonObject("png");
                assertThat(smallPng.get("valid").getAsBoolean()).as("small screenshot is a PNG" + context).isTrue();
                int sw = smallPng.get("width").getAsInt();
                int sh = smallPng.get("height").getAsInt();
                assertThat(Math.max(sw, sh)).as("max_edge 640 honoured" + context).isLessThanOrEqualTo(640).isLessThan(WIDTH);
                assertThat(string(small, "text")).as("small screenshot text names its size" + context).contains(sw + "x" + sh);

                assertOk(calls.getAsJsonObject("mouse"), "mouse move", context);
                assertThat(parsePointer(pointer))
                        .as("pointer after mouse move to image (%d,%d) of %dx%d (xdotool: %s)%s",
                                Math.round(sw / 2.0), Math.round(sh / 2.0), sw, sh, pointer.strip(), context)
                        .satisfies(p -> {
                            assertThat(p[0]).isBetween(WIDTH / 2 - 1, WIDTH / 2 + 1);
                            assertThat(p[1]).isBetween(HEIGHT / 2 - 1, HEIGHT / 2 + 1);
                        });

                assertOk(calls.getAsJsonObject("clipboard"), "clipboard write", context);
                assertThat(clipboard).as("xclip -o -selection clipboard" + context).isEqualTo("héllo");
                assertOk(calls.getAsJsonObject("clipboardRead"), "clipboard read", context);
                assertThat(string(calls.getAsJsonObject("clipboardRead"), "text")).as("clipboard read text" + context)
                        .contains("héllo");

                assertOk(calls.getAsJsonObject("keyboard"), "keyboard press", context);

                JsonObject status = calls.getAsJsonObject("status");
                assertOk(status, "opendesk_status", context);
                assertThat(string(status, "text")).as("opendesk_status text" + context).isNotBlank();

                JsonObject bad = calls.getAsJsonObject("badArguments");
                assertThat(bad.has("thrown")).as("bad arguments must come back as a result, not a protocol error" + context)
                        .isFalse();
                assertThat(bad.get("isError").getAsBoolean()).as("bad arguments -> isError" + context).isTrue();
                assertThat(string(bad, "text")).as("bad arguments error text" + context).isNotBlank();

                assertThat(report.getAsJsonArray("errors")).as("client onerror" + context).isEmpty();
                assertThat(exited).as("node (and the server) exit within 20 s after the client closes" + context).isTrue();
                assertThat(node.exitValue()).as("node exit code" + context).isZero();
            } finally {
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly();
                node.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The JSON line node prints once the calls are done; node keeps the client open until told. */
    private static JsonObject readReport(Process node, Path nodeErr) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String json;
        try {
            json = line.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the MCP client printed no report in 90 s; node/server stderr:\n" + tail(Files.readString(nodeErr)));
        } catch (ExecutionException e) {
            throw new AssertionError("reading the MCP client's report failed", e.getCause());
        }
        if (json == null || json.isBlank()) {
            node.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("the MCP client printed no report (exit " + (node.isAlive() ? "still running" : node.exitValue())
                    + "); node/server stderr:\n" + tail(Files.readString(nodeErr)));
        }
        try {
            return JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new AssertionError("the MCP client's report is not JSON: " + json + "\nnode/server stderr:\n" + tail(Files.readString(nodeErr)), e);
        }
    }

    private static void assertOk(JsonObject call, String what, String context) {
        assertThat(call).as("%s result%s", what, context).isNotNull();
        assertThat(call.has("thrown")).as("%s threw: %s%s", what, call.get("thrown"), context).isFalse();
        assertThat(call.get("isError").getAsBoolean()).as("%s isError; text: %s%s", what, call.get("text"), context).isFalse();
    }

    private static int[] parsePointer(String shell) {
        Matcher x = Pattern.compile("(?m)^X=(\\d+)").matcher(shell);
        Matcher y = Pattern.compile("(?m)^Y=(\\d+)").matcher(shell);
        if (!x.find() || !y.find()) {
            throw new AssertionError("cannot parse xdotool getmouselocation output: " + shell);
        }
        return new int[] {Integer.parseInt(x.group(1)), Integer.parseInt(y.group(1))};
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        array.forEach(e -> list.add(e.getAsString()));
        return list;
    }

    private static String tail(String s) {
        return s.length() <= 8000 ? s : "…" + s.substring(s.length() - 8000);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path script() {
        try {
            return Path.of(Objects.requireNonNull(McpEndToEndTest.class.getResource("/mcp/mcp-e2e.mjs"),
                    "test resource /mcp/mcp-e2e.mjs").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where {@code node_modules/@modelcontextprotocol/sdk} is: $OPENDESK_NPM_PREFIX, or .cache/npm above the working directory. */
    private static Path npmPrefix() {
        String explicit = System.getenv("OPENDESK_NPM_PREFIX");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path prefix = dir.resolve(".cache/npm");
            if (Files.isDirectory(prefix.resolve("node_modules/@modelcontextprotocol/sdk"))) {
                return prefix;
            }
        }
        throw new AssertionError("npm package @modelcontextprotocol/sdk not found in .cache/npm above "
                + Path.of("").toAbsolutePath() + ": run ./test.sh once (it installs the MCP clients), or set OPENDESK_NPM_PREFIX");
    }
}
