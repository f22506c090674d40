package dev.opendesk.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.HttpServeOptions;
import dev.opendesk.spi.RunningServer;
import dev.opendesk.spi.ToolAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The DNS-rebinding guard and the bearer token of the HTTP endpoint, with plain HTTP requests. */
final class McpHttpGuardTest {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aForeignOriginIsRefusedWith403() throws Exception {
        try (ToolAdapter adapter = new McpAdapterProvider().create(new FakeCatalog());
                RunningServer server = adapter.serveHttp(HttpServeOptions.loopback(0))) {
            HttpResponse<String> evil = post(server.endpoint(), "Origin", "http://evil.example");
            assertThat(evil.statusCode()).isEqualTo(403);
            assertThat(evil.body()).contains("evil.example");
            assertThat(post(server.endpoint(), "Origin", "null").statusCode()).isEqualTo(403);
            assertThat(post(server.endpoint(), "Origin", "http://localhost.evil.example:80").statusCode()).isEqualTo(403);

            for (String local : new String[] {"http://localhost:5173", "http://127.0.0.1", "https://[::1]:8443"}) {
                HttpResponse<String> ok = post(server.endpoint(), "Origin", local);
                assertThat(ok.statusCode()).as(local).isEqualTo(200);
                assertThat(ok.body()).contains("\"serverInfo\"").contains("opendesk");
            }
            HttpResponse<String> noOrigin = post(server.endpoint());
            assertThat(noOrigin.statusCode()).isEqualTo(200);
            assertThat(noOrigin.headers().firstValue("Mcp-Session-Id")).isPresent();
        }
    }

    @Test
    void aForeignHostIsRefusedWhenBoundToLoopback() throws Exception {
        try (ToolAdapter adapter = new McpAdapterProvider().create(new FakeCatalog());
                RunningServer server = adapter.serveHttp(HttpServeOptions.loopback(0))) {
            int port = server.endpoint().getPort();
            assertThat(rawPostStatus(port, "rebound.evil.example:" + port)).isEqualTo(403);
            assertThat(rawPostStatus(port, "localhost:" + port)).isEqualTo(200);
            assertThat(rawPostStatus(port, "[::1]:" + port)).isEqualTo(200);
        }
    }

    @Test
    void aTokenIsRequiredWhenSet() throws Exception {
        try (ToolAdapter adapter = new McpAdapterProvider().create(new FakeCatalog());
                RunningServer server = adapter.serveHttp(new HttpServeOptions("127.0.0.1", 0, "tok-123"))) {
            HttpResponse<String> none = post(server.endpoint());
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(post(server.endpoint(), "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(post(server.endpoint(), "Authorization", "Bearer tok-123").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void otherPathsAreNotFoundAndClosingReleasesThePort() throws Exception {
        URI endpoint;
        try (ToolAdapter adapter = new McpAdapterProvider().create(new FakeCatalog());
                RunningServer server = adapter.serveHttp(HttpServeOptions.loopback(0))) {
            endpoint = server.endpoint();
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(endpoint.resolve("/other")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
        }
        assertThatThrownBy(() -> post(endpoint)).isInstanceOf(IOException.class);
    }

    @Test
    void aPortInUseIsAClearError() {
        try (ToolAdapter adapter = new McpAdapterProvider().create(new FakeCatalog());
                RunningServer first = adapter.serveHttp(HttpServeOptions.loopback(0))) {
            int port = first.endpoint().getPort();
            assertThatThrownBy(() -> adapter.serveHttp(HttpServeOptions.loopback(port)))
                    .isInstanceOf(OpendeskException.class)
                    .hasMessageContaining("cannot serve MCP on 127.0.0.1:" + port)
                    .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
    }

    @Test
    void closingTheAdapterStopsItsServers() throws Exception {
        ToolAdapter adapter = new McpAdapterProvider().create(new FakeCatalog());
        RunningServer server = adapter.serveHttp(HttpServeOptions.loopback(0));
        assertThat(post(server.endpoint()).statusCode()).isEqualTo(200);
        adapter.close();
        assertThatThrownBy(() -> post(server.endpoint())).isInstanceOf(IOException.class);
        server.close(); // idempotent
    }

    @Test
    void recognisesLocalNames() {
        assertThat(LocalRequestGuard.isLocalOrigin("http://localhost")).isTrue();
        assertThat(LocalRequestGuard.isLocalOrigin("http://LOCALHOST:3000")).isTrue();
        assertThat(LocalRequestGuard.isLocalOrigin("https://127.0.0.1:1")).isTrue();
        assertThat(LocalRequestGuard.isLocalOrigin("http://[::1]:9")).isTrue();
        assertThat(LocalRequestGuard.isLocalOrigin("http://127.0.0.1.nip.io")).isFalse();
        assertThat(LocalRequestGuard.isLocalOrigin("null")).isFalse();
        assertThat(LocalRequestGuard.isLocalOrigin("file://")).isFalse();
        assertThat(LocalRequestGuard.isLocalHost("localhost")).isTrue();
        assertThat(LocalRequestGuard.isLocalHost("127.0.0.1:8425")).isTrue();
        assertThat(LocalRequestGuard.isLocalHost("[::1]:8425")).isTrue();
        assertThat(LocalRequestGuard.isLocalHost("[::1]")).isTrue();
        assertThat(LocalRequestGuard.isLocalHost("evil.example:8425")).isFalse();
        assertThat(LocalRequestGuard.isLocalHost("localhost.evil.example")).isFalse();
        assertThat(LocalRequestGuard.isLocalHost("[::1]x")).isFalse();
    }

    private HttpResponse<String> post(URI endpoint, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with a Host header of our choosing (java.net.http does not let us set Host). */
    private static int rawPostStatus(int port, String host) throws IOException {
        byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 200"
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
