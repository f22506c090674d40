package dev.opendesk.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.opendesk.spi.HttpServeOptions;
import dev.opendesk.spi.RunningServer;
import dev.opendesk.spi.ToolAdapter;
import dev.opendesk.spi.ToolCall;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter over a fake catalog, driven by the official MCP TypeScript SDK client over stdio and streamable HTTP. */
final class McpClientInteropTest {
    @Test
    void stdioServerSpawnedByTheTypeScriptClient(@TempDir Path work) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        JsonObject report = NodeMcpClient.run(work, "stdio", java, "-cp", System.getProperty("java.class.path"),
                FakeCatalogStdioServer.class.getName());
        assertProtocolBehaviour(report);
    }

    @Test
    void streamableHttpServerOnLoopback(@TempDir Path work) throws Exception {
        FakeCatalog catalog = new FakeCatalog();
        try (ToolAdapter adapter = new McpAdapterProvider().create(catalog);
                RunningServer server = adapter.serveHttp(HttpServeOptions.loopback(0))) {
            assertThat(server.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+/mcp");
            JsonObject report = NodeMcpClient.run(work, "http", server.endpoint().toString());
            assertProtocolBehaviour(report);
            // every call of one client carries that client's MCP session id
            List<String> sessions = catalog.calls.stream().map(ToolCall::sessionId).distinct().toList();
            assertThat(sessions).hasSize(1);
            assertThat(sessions.get(0)).isNotBlank();
        }
    }

    @Test
    void streamableHttpWithABearerToken(@TempDir Path work) throws Exception {
        try (ToolAdapter adapter = new McpAdapterProvider().create(new FakeCatalog());
                RunningServer server = adapter.serveHttp(new HttpServeOptions("127.0.0.1", 0, "s3cret-token"))) {
            JsonObject report = NodeMcpClient.run(work, "http", server.endpoint().toString(), "s3cret-token");
            assertThat(report.getAsJsonArray("tools")).hasSize(5);
            assertThat(text(report.getAsJsonObject("calls").getAsJsonObject("echo"), 0)).isEqualTo("echo: {\"text\":\"hi\"}");
        }
    }

    private static void assertProtocolBehaviour(JsonObject report) throws IOException {
        assertThat(report.getAsJsonArray("errors")).as("client-side errors (e.g. non-protocol bytes)").isEmpty();
        JsonObject serverInfo = report.getAsJsonObject("serverInfo");
        assertThat(serverInfo.get("name").getAsString()).isEqualTo("opendesk");
        assertThat(serverInfo.get("version").getAsString()).isEqualTo(FakeCatalog.VERSION);
        assertThat(report.getAsJsonObject("capabilities").has("tools")).isTrue();

        JsonArray tools = report.getAsJsonArray("tools");
        assertThat(StreamSupport.stream(tools.spliterator(), false).map(t -> t.getAsJsonObject().get("name").getAsString()))
                .containsExactly("echo", "snap", "fail", "explode", "quiet");
        JsonObject echo = tools.get(0).getAsJsonObject();
        assertThat(echo.get("description").getAsString()).isEqualTo("Echoes its text argument.");
        JsonObject schema = echo.getAsJsonObject("inputSchema");
        assertThat(schema.get("type").getAsString()).isEqualTo("object");
        assertThat(schema.getAsJsonObject("properties").getAsJsonObject("text").get("type").getAsString()).isEqualTo("string");
        assertThat(schema.getAsJsonArray("required").get(0).getAsString()).isEqualTo("text");
        assertThat(schema.get("additionalProperties").getAsBoolean()).isFalse();

        JsonObject calls = report.getAsJsonObject("calls");
        JsonObject echoed = calls.getAsJsonObject("echo");
        assertThat(isError(echoed)).isFalse();
        assertThat(text(echoed, 0)).isEqualTo("echo: {\"text\":\"hi\"}");

        JsonObject snap = calls.getAsJsonObject("snap");
        assertThat(isError(snap)).isFalse();
        assertThat(text(snap, 0)).isEqualTo("Screenshot 3x2");
        JsonObject image = snap.getAsJsonArray("content").get(1).getAsJsonObject();
        assertThat(image.get("type").getAsString()).isEqualTo("image");
        assertThat(image.get("mimeType").getAsString()).isEqualTo("image/png");
        byte[] png = Base64.getDecoder().decode(image.get("data").getAsString());
        assertThat(png).isEqualTo(FakeCatalog.PNG);
        java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(decoded.getWidth()).isEqualTo(3);
        assertThat(decoded.getHeight()).isEqualTo(2);

        JsonObject fail = calls.getAsJsonObject("fail");
        assertThat(isError(fail)).isTrue();
        assertThat(text(fail, 0)).isEqualTo("ERROR: this tool always fails");

        JsonObject explode = calls.getAsJsonObject("explode");
        assertThat(isError(explode)).as("a throwing catalog is an error result, not a dead server: %s", explode).isTrue();
        assertThat(text(explode, 0)).isEqualTo("ERROR: the catalog exploded");

        assertThat(text(calls.getAsJsonObject("quiet"), 0)).isEqualTo("(no output)");

        JsonObject unknown = calls.getAsJsonObject("nope");
        assertThat(isError(unknown)).as("unknown tool: %s", unknown).isTrue();
        assertThat(text(unknown, 0)).isEqualTo("ERROR: unknown tool 'nope'");

        assertThat(StreamSupport.stream(report.getAsJsonArray("parallel").spliterator(), false).map(JsonElement::getAsString))
                .containsExactly("echo: {\"text\":\"p1\"}", "echo: {\"text\":\"p2\"}", "echo: {\"text\":\"p3\"}",
                        "echo: {\"text\":\"p4\"}", "echo: {\"text\":\"p5\"}");
    }

    private static boolean isError(JsonObject result) {
        assertThat(result.has("thrown")).as("the client threw instead of getting a result: %s", result).isFalse();
        return result.has("isError") && result.get("isError").getAsBoolean();
    }

    private static String text(JsonObject result, int index) {
        JsonObject block = result.getAsJsonArray("content").get(index).getAsJsonObject();
        assertThat(block.get("type").getAsString()).isEqualTo("text");
        return block.get("text").getAsString();
    }
}
