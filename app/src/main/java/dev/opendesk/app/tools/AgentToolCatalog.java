package dev.opendesk.app.tools;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.remote.PeerAdminTools;
import dev.opendesk.core.remote.PeerRouter;
import dev.opendesk.core.tool.Tool;
import dev.opendesk.core.tool.ToolContext;
import dev.opendesk.core.tool.ToolRegistry;
import dev.opendesk.core.tool.ToolResult;
import dev.opendesk.spi.ToolCall;
import dev.opendesk.spi.ToolCallResult;
import dev.opendesk.spi.ToolCatalog;
import dev.opendesk.spi.ToolContent;
import dev.opendesk.spi.ToolDescriptor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an agent sees (spec/surface.md §2): every registered tool — the seven desktop tools gain an
 * optional {@code peer} argument and a routing note — plus the {@code opendesk_*} peer tools.
 * A call strips {@code peer}, resolves the target ({@link PeerRouter}), runs the tool on that
 * machine's Computer and maps the result: text (prefixed {@code [on <peer>]} when remote), images
 * as images, other attachments as data URLs, errors flagged. A failing tool never escapes as an
 * exception.
 */
public final class AgentToolCatalog implements ToolCatalog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentToolCatalog.class);
    /** The tools that may act on a paired peer. */
    static final Set<String> PEER_AWARE = Set.of("screenshot", "mouse", "keyboard", "app", "ui", "clipboard", "ocr");
    static final String ROUTING_NOTE = "\n\nCalls go to this session's default peer unless `peer` is given ('local' = this"
            + " machine). See opendesk_peers for the machines you can reach.";

    private final ToolRegistry registry;
    private final PeerRouter router;
    private final PeerAdminTools admin;
    private final Map<String, AdminTool> adminTools = new LinkedHashMap<>();

    private record AdminTool(String description, JsonObject schema, Function<JsonObject, String> run) {
    }

    public AgentToolCatalog(ToolRegistry registry, PeerRouter router, PeerAdminTools admin) {
        this.registry = requireNonNull(registry, "registry is null");
        this.router = requireNonNull(router, "router is null");
        this.admin = requireNonNull(admin, "admin is null");
        adminTools.put("opendesk_peers", new AdminTool("List the machines this agent can drive: 'local' and every paired"
                + " peer, marking the default ([default (source)]) and open connections.", schema(), args -> admin.peers()));
        adminTools.put("opendesk_discover", new AdminTool("Look for opendesk hosts on the LAN (mDNS) and say which are paired.",
                schema("timeout", "number", "Seconds to listen (default 2)"),
                args -> admin.discover(number(args, "timeout").orElse(2.0))));
        adminTools.put("opendesk_use", new AdminTool("Make a paired peer (or 'local') the default target of this session.",
                schemaRequired("peer", "string", "Peer name, or 'local' for this machine"), args -> admin.use(string(args, "peer"))));
        adminTools.put("opendesk_status", new AdminTool("Show the default peer of this session and the open connections.",
                schema(), args -> admin.status()));
        adminTools.put("opendesk_capabilities", new AdminTool("Show what a machine can do: backend, protocol, capabilities,"
                + " limits, description.", schema("peer", "string", "Peer name or 'local' (default: the session default)"),
                args -> admin.capabilities(string(args, "peer"))));
        adminTools.put("opendesk_disconnect", new AdminTool("Close the connection to a peer (all when omitted).",
                schema("peer", "string", "Peer name (omit to close all)"), args -> admin.disconnect(string(args, "peer"))));
        adminTools.put("opendesk_describe", new AdminTool("Read a peer's description (the host's own, or your local override).",
                schemaRequired("peer", "string", "Peer name, or 'local'"), args -> admin.describe(string(args, "peer"))));
    }

    @Override
    public List<ToolDescriptor> tools() {
        List<ToolDescriptor> tools = new ArrayList<>();
        for (Tool tool : registry.tools()) {
            JsonObject schema = tool.inputSchema().deepCopy();
            String description = tool.description();
            if (PEER_AWARE.contains(tool.name())) {
                JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
                JsonObject peer = new JsonObject();
                peer.addProperty("type", "string");
                peer.addProperty("description", "Target peer name; 'local' for this machine; omitted = the session default.");
                properties.add("peer", peer);
                schema.add("properties", properties);
                description += ROUTING_NOTE;
            }
            tools.add(new ToolDescriptor(tool.name(), description, schema.toString()));
        }
        adminTools.forEach((name, tool) -> tools.add(new ToolDescriptor(name, tool.description(), tool.schema().toString())));
        return tools;
    }

    @Override
    public ToolCallResult call(ToolCall call) {
        JsonObject arguments;
        try {
            JsonElement parsed = call.argumentsJson().isBlank() ? new JsonObject() : JsonParser.parseString(call.argumentsJson());
            if (!parsed.isJsonObject()) {
                return ToolCallResult.failure("ERROR: invalid arguments: expected a JSON object");
            }
            arguments = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            return ToolCallResult.failure("ERROR: invalid arguments: " + e.getMessage());
        }
        AdminTool adminTool = adminTools.get(call.toolName());
        if (adminTool != null) {
            try {
                String text = adminTool.run().apply(arguments);
                return new ToolCallResult(text.startsWith("ERROR:"), List.of(new ToolContent.Text(text)));
            } catch (RuntimeException e) {
                return ToolCallResult.failure("ERROR: " + e.getMessage());
            }
        }
        Optional<Tool> tool = registry.get(call.toolName());
        if (tool.isEmpty()) {
            return ToolCallResult.failure("ERROR: unknown tool '" + call.toolName() + "'");
        }
        Optional<String> peer = Optional.empty();
        if (PEER_AWARE.contains(call.toolName()) && arguments.has("peer")) {
            JsonElement value = arguments.remove("peer");
            if (value instanceof JsonPrimitive primitive && primitive.isString() && !primitive.getAsString().isBlank()) {
                peer = Optional.of(primitive.getAsString());
            }
        }
        PeerRouter.Resolution target;
        Computer computer;
        try {
            target = PEER_AWARE.contains(call.toolName()) ? router.resolve(peer) : new PeerRouter.Resolution(PeerRouter.LOCAL, PeerRouter.Source.LOCAL);
            computer = router.computer(target);
        } catch (OpendeskException e) {
            return ToolCallResult.failure("ERROR: " + e.getMessage());
        }
        String sessionId = "mcp-" + target.target();
        ToolResult result;
        try {
            result = tool.get().execute(new ToolContext(sessionId, computer, ToolContext.PermissionCheck.ALLOW_ALL,
                    registry.session(sessionId)), arguments);
        } catch (OpendeskException e) {
            return ToolCallResult.failure("ERROR: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("tool {} failed", call.toolName(), e);
            return ToolCallResult.failure("ERROR: " + e);
        }
        return map(result, target);
    }

    /** Closes the connections opened to peers. */
    @Override
    public void close() {
        router.close();
    }

    /** Maps a tool result to the catalog's content blocks (spec/surface.md §2, result mapping). */
    static ToolCallResult map(ToolResult result, PeerRouter.Resolution target) {
        List<ToolContent> content = new ArrayList<>();
        String text = result.output();
        if (!text.isEmpty()) {
            content.add(new ToolContent.Text(target.isLocal() ? text : "[on " + target.target() + "] " + text));
        }
        for (ToolResult.Attachment attachment : result.attachments()) {
            if (attachment.mediaType().startsWith("image/")) {
                content.add(new ToolContent.Image(attachment.mediaType(), attachment.content()));
            } else {
                content.add(new ToolContent.Text("[Attachment: " + attachment.filename() + " (" + attachment.mediaType() + ")]\ndata:"
                        + attachment.mediaType() + ";base64," + Base64.getEncoder().encodeToString(attachment.content())));
            }
        }
        if (content.isEmpty()) {
            content.add(new ToolContent.Text("(no output)"));
        }
        return new ToolCallResult(result.error() || text.startsWith("ERROR:"), content);
    }

    private static Optional<String> string(JsonObject args, String key) {
        JsonElement value = args.get(key);
        return value instanceof JsonPrimitive p && p.isString() ? Optional.of(p.getAsString()) : Optional.empty();
    }

    private static Optional<Double> number(JsonObject args, String key) {
        JsonElement value = args.get(key);
        return value instanceof JsonPrimitive p && p.isNumber() ? Optional.of(p.getAsDouble()) : Optional.empty();
    }

    private static JsonObject schema() {
        JsonObject schema = new JsonObject();
        schema.addProperty("type", "object");
        schema.add("properties", new JsonObject());
        schema.addProperty("additionalProperties", false);
        return schema;
    }

    private static JsonObject schema(String name, String type, String description) {
        JsonObject schema = schema();
        JsonObject property = new JsonObject();
        property.addProperty("type", type);
        property.addProperty("description", description);
        schema.getAsJsonObject("properties").add(name, property);
        return schema;
    }

    private static JsonObject schemaRequired(String name, String type, String description) {
        JsonObject schema = schema(name, type, description);
        com.google.gson.JsonArray required = new com.google.gson.JsonArray();
        required.add(name);
        schema.add("required", required);
        return schema;
    }
}
