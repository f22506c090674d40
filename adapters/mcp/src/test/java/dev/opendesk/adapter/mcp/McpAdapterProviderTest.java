package dev.opendesk.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.HttpServeOptions;
import dev.opendesk.spi.ToolAdapter;
import dev.opendesk.spi.ToolCall;
import dev.opendesk.spi.ToolCallResult;
import dev.opendesk.spi.ToolCatalog;
import dev.opendesk.spi.ToolDescriptor;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

final class McpAdapterProviderTest {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"pipe\",\"version\":\"1\"}}}";

    @Test
    void isFoundThroughServiceLoaderAndWorksHere() {
        AdapterProvider provider = ServiceLoader.load(AdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("mcp"))
                .findFirst()
                .orElseThrow();
        assertThat(provider).isInstanceOf(McpAdapterProvider.class);
        assertThat(provider.supports(HostPlatform.current()).supported()).isTrue();
        assertThat(provider.description()).contains("MCP");
    }

    @Test
    void toolDefinitionsAreTheToolsListResultOfTheCatalogAsItIsNow() {
        List<ToolDescriptor> tools = new ArrayList<>(new FakeCatalog().tools());
        ToolCatalog growing = new ToolCatalog() {
            @Override
            public List<ToolDescriptor> tools() {
                return List.copyOf(tools);
            }

            @Override
            public ToolCallResult call(ToolCall call) {
                return ToolCallResult.text("ran " + call.toolName());
            }
        };
        ToolAdapter adapter = new McpAdapterProvider().create(growing);
        JsonObject list = JsonParser.parseString(adapter.toolDefinitionsJson()).getAsJsonObject();
        JsonArray listed = list.getAsJsonArray("tools");
        assertThat(listed).hasSize(5);
        JsonObject echo = listed.get(0).getAsJsonObject();
        assertThat(echo.get("name").getAsString()).isEqualTo("echo");
        assertThat(echo.getAsJsonObject("inputSchema").getAsJsonArray("required").get(0).getAsString()).isEqualTo("text");

        tools.add(new ToolDescriptor("late", "Registered after the adapter was built.", "{\"type\":\"object\"}"));
        assertThat(JsonParser.parseString(adapter.toolDefinitionsJson()).getAsJsonObject().getAsJsonArray("tools")).hasSize(6);
        assertThat(adapter.handleCallJson("{\"name\":\"late\"}")).contains("ran late");
    }

    @Test
    void handlesCallsInTheMcpFormat() {
        FakeCatalog catalog = new FakeCatalog();
        ToolAdapter adapter = new McpAdapterProvider().create(catalog);

        JsonObject echo = call(adapter, "{\"name\":\"echo\",\"arguments\":{\"text\":\"a \\\"quoted\\\" é\"}}");
        assertThat(echo.get("isError").getAsBoolean()).isFalse();
        assertThat(echo.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString())
                .isEqualTo("echo: {\"text\":\"a \\\"quoted\\\" é\"}");
        assertThat(catalog.calls.get(0)).isEqualTo(new ToolCall("echo", "{\"text\":\"a \\\"quoted\\\" é\"}", "mcp"));

        JsonObject image = call(adapter, "{\"name\":\"snap\"}").getAsJsonArray("content").get(1).getAsJsonObject();
        assertThat(image.get("type").getAsString()).isEqualTo("image");
        assertThat(image.get("mimeType").getAsString()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(image.get("data").getAsString())).isEqualTo(FakeCatalog.PNG);
        assertThat(catalog.calls.get(1).argumentsJson()).isEqualTo("{}");

        JsonObject failed = call(adapter, "{\"name\":\"fail\",\"arguments\":{}}");
        assertThat(failed.get("isError").getAsBoolean()).isTrue();

        JsonObject exploded = call(adapter, "{\"name\":\"explode\",\"arguments\":{}}");
        assertThat(exploded.get("isError").getAsBoolean()).isTrue();
        assertThat(exploded.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString())
                .isEqualTo("ERROR: the catalog exploded");

        JsonObject unknown = call(adapter, "{\"name\":\"nope\",\"arguments\":{}}");
        assertThat(unknown.get("isError").getAsBoolean()).isTrue();
        assertThat(unknown.getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString())
                .isEqualTo("ERROR: unknown tool 'nope'");
        assertThat(catalog.calls).extracting(ToolCall::toolName).containsExactly("echo", "snap", "fail", "explode");
    }

    @Test
    void aCallThatCannotBeParsedIsAnInvalidArgument() {
        ToolAdapter adapter = new McpAdapterProvider().create(new FakeCatalog());
        for (String bad : new String[] {"not json", "{\"arguments\":{}}", "[1,2]"}) {
            assertThatThrownBy(() -> adapter.handleCallJson(bad)).as(bad)
                    .isInstanceOf(OpendeskException.class)
                    .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
    }

    @Test
    void servesStreamsAndAnswersEveryRequestWrittenBeforeTheInputEnds() {
        String input = String.join("\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"pipe\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"x\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ToolAdapter adapter = new McpAdapterProvider().create(new FakeCatalog())) {
            adapter.serveStreams(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        }
        List<JsonObject> replies = out.toString(StandardCharsets.UTF_8).lines()
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        assertThat(replies).extracting(r -> r.get("id").getAsInt()).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        JsonObject init = byId(replies, 1).getAsJsonObject("result");
        assertThat(init.get("protocolVersion").getAsString()).isEqualTo("2025-06-18");
        assertThat(init.getAsJsonObject("serverInfo").get("name").getAsString()).isEqualTo("opendesk");
        assertThat(init.getAsJsonObject("serverInfo").get("version").getAsString()).isEqualTo(FakeCatalog.VERSION);
        assertThat(byId(replies, 2).getAsJsonObject("result").getAsJsonArray("tools")).hasSize(5);
        assertThat(byId(replies, 3).getAsJsonObject("result").get("isError").getAsBoolean()).isFalse();
        assertThat(byId(replies, 4).getAsJsonObject("result").get("isError").getAsBoolean()).isTrue();
        assertThat(byId(replies, 5).has("result")).isTrue();
    }

    @Test
    void anUnknownProtocolVersionGetsOurNewest() {
        String input = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"1999-01-01\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"old\",\"version\":\"1\"}}}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new McpAdapterProvider().create(new FakeCatalog()).serveStreams(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        JsonObject result = JsonParser.parseString(out.toString(StandardCharsets.UTF_8).strip()).getAsJsonObject().getAsJsonObject("result");
        assertThat(result.get("protocolVersion").getAsString()).isEqualTo(McpToolProtocol.PROTOCOL_VERSIONS.get(McpToolProtocol.PROTOCOL_VERSIONS.size() - 1));
    }

    @Test
    @Timeout(30)
    void servingBlocksUntilTheInputEndsOrTheAdapterCloses() throws Exception {
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(client);
        PipedInputStream clientIn = new PipedInputStream();
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        ToolAdapter adapter = new McpAdapterProvider().create(new FakeCatalog());
        CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> adapter.serveStreams(serverIn, serverOut));

        BufferedReader replies = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8));
        client.write((INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
        client.flush();
        assertThat(replies.readLine()).contains("\"id\":1");
        // the SDK's session holds requests back until the client says it is initialized
        client.write(("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}\n").getBytes(StandardCharsets.UTF_8));
        client.flush();
        assertThat(replies.readLine()).contains("\"id\":7");
        assertThat(serving).isNotDone();

        adapter.close();
        serving.get(10, TimeUnit.SECONDS);
        client.close();
    }

    @Test
    void anAdapterThatIsOnlyAFormatRefusesToBeServed() {
        ToolAdapter formatOnly = new ToolAdapter() {
            @Override
            public String toolDefinitionsJson() {
                return "[]";
            }

            @Override
            public String handleCallJson(String callJson) {
                return "{}";
            }
        };
        assertThatThrownBy(() -> formatOnly.serveStreams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()))
                .isInstanceOf(OpendeskException.class)
                .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED));
        assertThatThrownBy(() -> formatOnly.serveHttp(HttpServeOptions.loopback(0)))
                .isInstanceOf(OpendeskException.class)
                .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED));
        ToolCatalog plain = new ToolCatalog() {
            @Override
            public List<ToolDescriptor> tools() {
                return List.of();
            }

            @Override
            public ToolCallResult call(ToolCall call) {
                return ToolCallResult.text("");
            }
        };
        assertThat(plain.hostVersion()).isEqualTo("unknown");
    }

    @Test
    void httpOptionsCheckTheirValuesAndNeverPrintTheToken() {
        assertThat(new HttpServeOptions("0.0.0.0", 8425, "hunter2").toString()).doesNotContain("hunter2").contains("token=set");
        assertThat(HttpServeOptions.loopback(1).requiresToken()).isFalse();
        assertThatThrownBy(() -> new HttpServeOptions("127.0.0.1", 70_000, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpServeOptions(" ", 1, "")).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonObject call(ToolAdapter adapter, String json) {
        return JsonParser.parseString(adapter.handleCallJson(json)).getAsJsonObject();
    }

    private static JsonObject byId(List<JsonObject> replies, int id) {
        return replies.stream().filter(r -> r.get("id").getAsInt() == id).findFirst().orElseThrow();
    }
}
