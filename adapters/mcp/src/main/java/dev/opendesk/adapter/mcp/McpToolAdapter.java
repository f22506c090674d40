package dev.opendesk.adapter.mcp;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.HttpServeOptions;
import dev.opendesk.spi.RunningServer;
import dev.opendesk.spi.ToolAdapter;
import dev.opendesk.spi.ToolCatalog;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The MCP server over a {@link ToolCatalog}: tool definitions as a {@code tools/list} result,
 * calls as {@code tools/call}, and the server itself over stdio ({@link #serveStreams}) or
 * streamable HTTP ({@link #serveHttp}).
 */
final class McpToolAdapter implements ToolAdapter {
    /** The session id of calls that come through {@link #handleCallJson} rather than a transport. */
    static final String DIRECT_SESSION = "mcp";

    private final McpToolProtocol protocol;
    private final Set<StdioServing> stdioSessions = new CopyOnWriteArraySet<>();
    private final Set<RunningServer> httpServers = new CopyOnWriteArraySet<>();

    McpToolAdapter(ToolCatalog catalog) {
        this.protocol = new McpToolProtocol(requireNonNull(catalog, "catalog is null"));
    }

    /** The {@code tools/list} result: {@code {"tools": [{"name", "description", "inputSchema"}, …]}}. */
    @Override
    public String toolDefinitionsJson() {
        return protocol.write(protocol.listTools());
    }

    /**
     * Runs a {@code tools/call}: takes its params ({@code {"name": …, "arguments": {…}}}) and
     * returns the {@code CallToolResult} ({@code {"content": […], "isError": …}}).
     */
    @Override
    public String handleCallJson(String callJson) {
        requireNonNull(callJson, "callJson is null");
        CallToolRequest request;
        try {
            request = protocol.json().readValue(callJson, CallToolRequest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new OpendeskException(ErrorCode.INVALID_ARGUMENT, "not a tools/call request: " + e.getMessage(), e);
        }
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw new OpendeskException(ErrorCode.INVALID_ARGUMENT, "not a tools/call request: no tool name");
        }
        return protocol.write(protocol.callTool(request, DIRECT_SESSION));
    }

    @Override
    public void serveStreams(InputStream in, OutputStream out) {
        StdioServing serving = new StdioServing(protocol);
        stdioSessions.add(serving);
        try {
            serving.run(in, out);
        } finally {
            stdioSessions.remove(serving);
        }
    }

    @Override
    public RunningServer serveHttp(HttpServeOptions options) {
        RunningServer[] holder = new RunningServer[1];
        McpHttpServer server = McpHttpServer.start(protocol, options, () -> httpServers.remove(holder[0]));
        holder[0] = server;
        httpServers.add(server);
        return server;
    }

    @Override
    public void close() {
        stdioSessions.forEach(StdioServing::stop);
        List.copyOf(httpServers).forEach(RunningServer::close);
    }
}
