package dev.opendesk.core.tool;

import com.google.gson.JsonObject;

/**
 * One agent tool: a name, a description for the model, the JSON Schema of its arguments, and the
 * action. Arguments a tool does not know are refused ({@code invalid_argument}, naming them).
 */
public interface Tool {
    /** The tool name, e.g. {@code screenshot}. */
    String name();

    /** What it does and when to use it, for the model. */
    String description();

    /** The JSON Schema (type object) of its arguments. */
    JsonObject inputSchema();

    /**
     * Runs the tool.
     *
     * @throws dev.opendesk.core.model.OpendeskException {@code invalid_argument} for bad
     *     arguments, {@code permission_denied} when the context's check refuses, or the
     *     Computer's own errors; adapters turn these into error results
     */
    ToolResult execute(ToolContext context, JsonObject arguments);
}
