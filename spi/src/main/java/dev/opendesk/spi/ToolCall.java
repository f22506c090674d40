package dev.opendesk.spi;

import static java.util.Objects.requireNonNull;

/**
 * One request to run a tool.
 *
 * @param toolName the tool
 * @param argumentsJson its arguments as a JSON object text ({@code {}} for none)
 * @param sessionId the agent session it belongs to (per-session state such as the action log)
 */
public record ToolCall(String toolName, String argumentsJson, String sessionId) {
    public ToolCall {
        requireNonNull(toolName, "toolName is null");
        requireNonNull(argumentsJson, "argumentsJson is null");
        requireNonNull(sessionId, "sessionId is null");
    }
}
