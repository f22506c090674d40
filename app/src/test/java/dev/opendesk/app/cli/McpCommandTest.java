package dev.opendesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.opendesk.app.tools.AgentToolCatalogs;
import dev.opendesk.spi.ToolCall;
import dev.opendesk.spi.ToolCallResult;
import dev.opendesk.spi.ToolCatalog;
import dev.opendesk.spi.ToolDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class McpCommandTest {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
    private static final String SESSION = String.join("\n", INITIALIZE,
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"hello\",\"arguments\":{\"who\":\"you\"}}}") + "\n";

    @TempDir
    Path home;

    /** A one-tool catalog that remembers whether it was closed. */
    static final class HelloCatalog implements ToolCatalog, AutoCloseable {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public List<ToolDescriptor> tools() {
            return List.of(new ToolDescriptor("hello", "Greets.", "{\"type\":\"object\",\"properties\":{\"who\":{\"type\":\"string\"}}}"));
        }

        @Override
        public ToolCallResult call(ToolCall call) {
            return ToolCallResult.text("hello " + JsonParser.parseString(call.argumentsJson()).getAsJsonObject().get("who").getAsString());
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void stdioServesTheCatalogUntilTheInputEndsWithNothingButProtocolOnStdout() {
        HelloCatalog catalog = new HelloCatalog();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Run run = run(new McpCommand(services -> catalog, new ByteArrayInputStream(SESSION.getBytes(StandardCharsets.UTF_8)), stdout),
                "--home", home.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).as("the command line's own output").isEmpty();
        List<JsonObject> replies = stdout.toString(StandardCharsets.UTF_8).lines()
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).toList(); // every line is JSON-RPC
        assertThat(replies).hasSize(3);
        JsonObject serverInfo = byId(replies, 1).getAsJsonObject("result").getAsJsonObject("serverInfo");
        assertThat(serverInfo.get("name").getAsString()).isEqualTo("opendesk");
        assertThat(serverInfo.get("version").getAsString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(byId(replies, 2).getAsJsonObject("result").getAsJsonArray("tools").get(0).getAsJsonObject().get("name").getAsString())
                .isEqualTo("hello");
        assertThat(byId(replies, 3).getAsJsonObject("result").getAsJsonArray("content").get(0).getAsJsonObject().get("text").getAsString())
                .isEqualTo("hello you");
        assertThat(catalog.closed).isTrue();
    }

    @Test
    void theProductionCatalogListsTheAgentToolsAndThePeerTools() {
        String list = String.join("\n", INITIALIZE, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}") + "\n";
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Run run = run(new McpCommand(AgentToolCatalogs::create, new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), stdout),
                "--home", home.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonArray tools = stdout.toString(StandardCharsets.UTF_8).lines().map(line -> JsonParser.parseString(line).getAsJsonObject())
                .filter(reply -> reply.get("id").getAsInt() == 2).findFirst().orElseThrow()
                .getAsJsonObject("result").getAsJsonArray("tools");
        List<String> names = tools.asList().stream().map(t -> t.getAsJsonObject().get("name").getAsString()).toList();
        assertThat(names).contains("screenshot", "mouse", "keyboard", "opendesk_peers", "opendesk_use");
    }

    @Test
    @Timeout(60)
    void httpServesOnLoopbackUntilTheShutdownSignal() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = commandLine(new McpCommand(services -> new HelloCatalog(), null, null), out, err);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> commandLine.execute("mcp", "--http", "127.0.0.1:0", "--home", home.toString()));
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/mcp)");
        Matcher matcher = listening.matcher("");
        for (int i = 0; i < 300 && !(matcher = listening.matcher(out.toString())).find(); i++) {
            assertThat(exit).as(err.toString()).isNotDone();
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(matcher.find(0)).as(out + err.toString()).isTrue();
        URI endpoint = URI.create(matcher.group(1));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"opendesk\"");
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(endpoint).header("Origin", "http://evil.example")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);

        ShutdownSignal.trigger();
        assertThat(exit.get(20, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Shutting down.");
    }

    @Test
    void badOptionsAreUsageErrors() {
        McpCommand command = new McpCommand(services -> new HelloCatalog(), new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream());
        Run badHttp = run(command, "--http", "localhost:http", "--home", home.toString());
        assertThat(badHttp.exit()).isEqualTo(2);
        assertThat(badHttp.err()).contains("--http takes [HOST:]PORT");
        Run bareIpv6 = run(new McpCommand(services -> new HelloCatalog(), null, null), "--http", "::1:8425", "--home", home.toString());
        assertThat(bareIpv6.exit()).isEqualTo(2);
        Run tokenAlone = run(new McpCommand(services -> new HelloCatalog(), null, null), "--token", "t", "--home", home.toString());
        assertThat(tokenAlone.exit()).isEqualTo(2);
        assertThat(tokenAlone.err()).contains("--token needs --http");
    }

    @Test
    void parsesHttpAddresses() {
        McpCommand command = new McpCommand(services -> new HelloCatalog(), null, null);
        new CommandLine(command); // injects the spec used for error messages
        assertThat(command.parseHttp("8425", "")).satisfies(o -> {
            assertThat(o.host()).isEqualTo("127.0.0.1");
            assertThat(o.port()).isEqualTo(8425);
        });
        assertThat(command.parseHttp("0.0.0.0:9000", "tok").host()).isEqualTo("0.0.0.0");
        assertThat(command.parseHttp("0.0.0.0:9000", "tok").bearerToken()).isEqualTo("tok");
        assertThat(command.parseHttp("[::1]:9001", "").host()).isEqualTo("::1");
        assertThat(command.parseHttp("localhost:0", "").port()).isZero();
    }

    @Test
    void isRegisteredWithItsOptions() {
        CliRun help = CliRun.of("mcp", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--http").contains("--token").contains("[HOST:]PORT");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(McpCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = commandLine(command, out, err).execute(prefixed(args));
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] prefixed(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "mcp";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /** The real top-level command with our instance as its {@code mcp} subcommand (run it with "mcp" first). */
    private static CommandLine commandLine(McpCommand command, StringWriter out, StringWriter err) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == McpCommand.class ? type.cast(command) : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine root = new CommandLine(new OpendeskCommand(), factory);
        OpendeskCommand.SUBCOMMANDS.forEach(root::addSubcommand); // created by our factory
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        return root;
    }

    private static JsonObject byId(List<JsonObject> replies, int id) {
        return replies.stream().filter(r -> r.has("id") && r.get("id").getAsInt() == id).findFirst().orElseThrow();
    }
}
