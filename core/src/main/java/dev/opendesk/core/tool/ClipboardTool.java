package dev.opendesk.core.tool;

import com.google.gson.JsonObject;
import dev.opendesk.core.model.ClipboardContents;
import java.util.Map;
import java.util.Optional;

/** {@code clipboard} (spec/surface.md §1.6): reads or writes the clipboard as text. */
public final class ClipboardTool implements Tool {
    static final String NAME = "clipboard";
    private static final ToolParameters PARAMETERS = ToolParameters.builder(NAME)
            .requiredEnum("action", "read or write.", "read", "write")
            .string("text", "Text to put on the clipboard (required for write).", null)
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Read the clipboard's text, or write text to the clipboard.";
    }

    @Override
    public JsonObject inputSchema() {
        return PARAMETERS.schema();
    }

    /** The declared parameters. */
    public static ToolParameters parameters() {
        return PARAMETERS;
    }

    @Override
    public ToolResult execute(ToolContext context, JsonObject arguments) {
        ToolArguments args = PARAMETERS.parse(arguments);
        String action = args.string("action");
        ToolSession session = context.session();
        String actionType = "clipboard_" + action;
        Optional<String> text = args.optionalString("text").filter(t -> !t.isEmpty());
        if (action.equals("write") && text.isEmpty()) {
            session.record(actionType, args.values(), "", "'text' is required for action='write'.");
            return ToolResult.failure("Clipboard error", "'text' is required for action='write'.");
        }
        context.checkPermission(NAME, action.equals("read") ? "read clipboard"
                : "write clipboard: '" + ToolText.truncate(text.orElseThrow(), 60, "") + "'",
                action.equals("read") ? "Read the clipboard" : "Replace the clipboard's contents");
        try {
            if (action.equals("read")) {
                String value = context.computer().readClipboard().text().orElse("");
                String output = value.isEmpty() ? "(clipboard is empty)" : value;
                session.record(actionType, Map.of(), ToolText.length(value) + " chars", "");
                return ToolResult.text("Clipboard: read", output);
            }
            String value = text.orElseThrow();
            context.computer().writeClipboard(ClipboardContents.ofText(value));
            String output = "Clipboard set (" + ToolText.length(value) + " chars): '" + ToolText.truncate(value, 80, "")
                    + "'" + (ToolText.length(value) > 80 ? "..." : "");
            session.record(actionType, Map.of("length", ToolText.length(value)), output, "");
            return ToolResult.text("Clipboard: write", output);
        } catch (RuntimeException e) {
            String message = "Clipboard " + action + " failed: " + ToolText.failureMessage(e);
            session.record(actionType, args.values(), "", message);
            return ToolResult.failure("Clipboard error", message);
        }
    }
}
