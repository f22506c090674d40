package dev.opendesk.adapter.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opendesk.spi.ToolCall;
import dev.opendesk.spi.ToolCallResult;
import dev.opendesk.spi.ToolCatalog;
import dev.opendesk.spi.ToolContent;
import dev.opendesk.spi.ToolDescriptor;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpNotificationHandler;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The MCP side of a {@link ToolCatalog}: the handlers of {@code initialize}, {@code tools/list}
 * and {@code tools/call} that every transport's sessions use. We give the SDK's sessions our own
 * handlers instead of building an {@code McpServer} because the SDK server fixes its tool list at
 * build time and answers an unknown tool with a JSON-RPC error, while opendesk lists the catalog
 * as it is at each request and answers every failed call with an {@code isError} result, as agents
 * expect (spec/surface.md §2).
 */
final class McpToolProtocol {
    static final String SERVER_NAME = "opendesk";
    /** Protocol versions we speak, oldest first; the last one is offered to clients asking for another. */
    static final List<String> PROTOCOL_VERSIONS = List.of(ProtocolVersions.MCP_2024_11_05, ProtocolVersions.MCP_2025_03_26,
            ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

    private static final Logger LOG = LoggerFactory.getLogger(McpToolProtocol.class);
    private static final TypeRef<Map<String, Object>> JSON_OBJECT = new TypeRef<>() {
    };

    private final ToolCatalog catalog;
    private final McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
    private final AtomicInteger inFlight = new AtomicInteger();

    McpToolProtocol(ToolCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    McpJsonMapper json() {
        return json;
    }

    /** Requests being handled right now (a stdio server lets them finish before it ends). */
    int inFlight() {
        return inFlight.get();
    }

    /** The answer to {@code initialize}: the client's protocol version if we speak it, else our newest. */
    Mono<InitializeResult> initialize(InitializeRequest request) {
        String version = PROTOCOL_VERSIONS.contains(request.protocolVersion())
                ? request.protocolVersion()
                : PROTOCOL_VERSIONS.get(PROTOCOL_VERSIONS.size() - 1);
        LOG.debug("initialize from {} (protocol {} -> {})", request.clientInfo(), request.protocolVersion(), version);
        McpSchema.ServerCapabilities capabilities = McpSchema.ServerCapabilities.builder().tools(false).build();
        McpSchema.Implementation server = McpSchema.Implementation.builder(SERVER_NAME, catalog.hostVersion()).build();
        return Mono.just(InitializeResult.builder(version, capabilities, server).build());
    }

    /** The request handlers (besides {@code initialize}, which the sessions treat apart). */
    Map<String, McpRequestHandler<?>> requestHandlers() {
        McpRequestHandler<Object> ping = (exchange, params) -> Mono.just(Map.of());
        McpRequestHandler<ListToolsResult> list = (exchange, params) -> counted(Mono.fromCallable(this::listTools));
        McpRequestHandler<CallToolResult> call = (exchange, params) -> {
            CallToolRequest request = json.convertValue(params, CallToolRequest.class);
            if (request == null || request.name() == null) {
                return Mono.error(McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("tools/call needs a tool name").build());
            }
            String sessionId = exchange.sessionId() == null ? "mcp" : exchange.sessionId();
            // tools block (screenshots, OCR, remote peers): never on the transport's threads
            return counted(Mono.fromCallable(() -> callTool(request, sessionId)).subscribeOn(Schedulers.boundedElastic()));
        };
        return Map.of(McpSchema.METHOD_PING, ping, McpSchema.METHOD_TOOLS_LIST, list, McpSchema.METHOD_TOOLS_CALL, call);
    }

    /** The notification handlers: the ones clients send, acknowledged and otherwise ignored. */
    Map<String, McpNotificationHandler> notificationHandlers() {
        McpNotificationHandler ignore = (exchange, params) -> Mono.empty();
        return Map.of(McpSchema.METHOD_NOTIFICATION_INITIALIZED, ignore,
                McpSchema.METHOD_NOTIFICATION_ROOTS_LIST_CHANGED, ignore,
                "notifications/cancelled", ignore);
    }

    private <T> Mono<T> counted(Mono<T> work) {
        return Mono.defer(() -> {
            inFlight.incrementAndGet();
            return work.doFinally(signal -> inFlight.decrementAndGet());
        });
    }

    /** The catalog's tools as MCP tools, as they are now. */
    ListToolsResult listTools() {
        List<Tool> tools = new ArrayList<>();
        for (ToolDescriptor descriptor : catalog.tools()) {
            tools.add(Tool.builder(descriptor.name(), parseObject(descriptor.inputSchemaJson(), "input schema of " + descriptor.name()))
                    .description(descriptor.description())
                    .build());
        }
        return ListToolsResult.builder(tools).build();
    }

    /** Runs one call. Every failure, even a catalog that throws, becomes an {@code isError} result. */
    CallToolResult callTool(CallToolRequest request, String sessionId) {
        String name = request.name();
        try {
            if (catalog.tools().stream().noneMatch(tool -> tool.name().equals(name))) {
                return error("ERROR: unknown tool '" + name + "'");
            }
            Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
            ToolCallResult result = catalog.call(new ToolCall(name, json.writeValueAsString(arguments), sessionId));
            return toMcp(result);
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.warn("tool {} failed", name, e);
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            return error("ERROR: " + message);
        }
    }

    static CallToolResult toMcp(ToolCallResult result) {
        List<Content> content = new ArrayList<>();
        for (ToolContent block : result.content()) {
            if (block instanceof ToolContent.Text text) {
                content.add(TextContent.builder(text.text()).build());
            } else if (block instanceof ToolContent.Image image) {
                content.add(ImageContent.builder(Base64.getEncoder().encodeToString(image.data()), image.mediaType()).build());
            }
        }
        if (content.isEmpty()) {
            content.add(TextContent.builder("(no output)").build());
        }
        return CallToolResult.builder().content(content).isError(result.error()).build();
    }

    private static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    Map<String, Object> parseObject(String text, String what) {
        try {
            Map<String, Object> value = json.readValue(text, JSON_OBJECT);
            if (value == null) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
