package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The tools by name, in registration order; and the per-session state. */
public final class ToolRegistry {
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final Map<String, ToolSession> sessions = new ConcurrentHashMap<>();

    /** Adds a tool; names are unique. */
    public synchronized ToolRegistry register(Tool tool) {
        requireNonNull(tool, "tool is null");
        if (tools.putIfAbsent(tool.name(), tool) != null) {
            throw new IllegalArgumentException("duplicate tool " + tool.name());
        }
        return this;
    }

    /** Every tool, in registration order. */
    public synchronized List<Tool> tools() {
        return List.copyOf(tools.values());
    }

    /** The tool of that name. */
    public synchronized Optional<Tool> get(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** The tool of that name, or {@code not_found} listing the names there are. */
    public synchronized Tool require(String name) {
        Tool tool = tools.get(name);
        if (tool == null) {
            throw new OpendeskException(ErrorCode.NOT_FOUND, "unknown tool '" + name + "'; available: "
                    + String.join(", ", tools.keySet().stream().sorted().toList()));
        }
        return tool;
    }

    /** The state of one agent session, created on first use. */
    public ToolSession session(String sessionId) {
        return sessions.computeIfAbsent(sessionId, ToolSession::new);
    }

    /** The state of a session if it was ever used, without creating it. */
    public Optional<ToolSession> existingSession(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** A context for one call: that session's state, the Computer to act on, the permission check. */
    public ToolContext context(String sessionId, Computer computer, ToolContext.PermissionCheck permissions) {
        return new ToolContext(sessionId, computer, permissions, session(sessionId));
    }

    /**
     * The standard tools of spec/surface.md §1.0 in the reference's order: screenshot, mouse,
     * keyboard, app, ui, clipboard, ocr, audit. Same as {@link Tools#standardRegistry()}.
     */
    public static ToolRegistry standard() {
        return Tools.standardRegistry();
    }
}
