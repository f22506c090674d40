package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.computer.Computer;

/**
 * Where a tool runs: the agent session, the Computer it acts on (local or remote), the
 * permission check every tool calls first, and the session's state (action log, last screenshot).
 *
 * @param sessionId e.g. {@code mcp-local} or {@code mcp-desk}
 * @param computer the machine to act on
 * @param permissions asked before acting; allow-all unless an approval UI is wired
 * @param session this session's state
 */
public record ToolContext(String sessionId, Computer computer, PermissionCheck permissions, ToolSession session) {
    public ToolContext {
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(computer, "computer is null");
        requireNonNull(permissions, "permissions is null");
        requireNonNull(session, "session is null");
    }

    /** Asks the permission check; throws {@code permission_denied} when refused. */
    public void checkPermission(String tool, String argument, String description) {
        permissions.check(tool, argument, description);
    }

    /** Decides whether a tool may act; throws {@code permission_denied} to refuse. */
    @FunctionalInterface
    public interface PermissionCheck {
        /** Allows everything. */
        PermissionCheck ALLOW_ALL = (tool, argument, description) -> { };

        void check(String tool, String argument, String description);
    }
}
