package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.Keys;
import dev.opendesk.core.model.TextInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code keyboard} (spec/surface.md §1.3): types text, presses a key or a chord, holds a key.
 * Text goes through the Computer's {@code input.text}, which the backends type as real key
 * events: the user's clipboard is never touched.
 */
public final class KeyboardTool implements Tool {
    static final String NAME = "keyboard";
    private static final ToolParameters PARAMETERS = ToolParameters.builder(NAME)
            .requiredEnum("action", "What to do.", "type", "press", "hotkey", "hold")
            .string("text", "Text to type (required for type); any Unicode.", null)
            .string("key", "Key for press/hold: enter, escape, tab, backspace, delete, up, down, left, right, home, "
                    + "end, pageup, pagedown, f1-f12, ctrl, alt, shift, cmd/win, or a character.", null)
            .strings("keys", "Keys pressed together for hotkey, e.g. [\"ctrl\", \"c\"].", null)
            .number("interval", "Seconds between typed characters.", 0.02)
            .integer("settle_ms", "Milliseconds to wait after the action.", 300)
            .number("hold_duration", "Seconds to hold the key for hold.", 1.0)
            .build();

    private final ToolOptions options;

    public KeyboardTool(ToolOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    public KeyboardTool() {
        this(ToolOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Keyboard input: type text (any Unicode, typed as key events), press one key, press a hotkey "
                + "chord such as [\"ctrl\", \"c\"], or hold a key for hold_duration seconds.";
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
        Computer computer = context.computer();
        Optional<String> text = args.optionalString("text");
        Optional<String> key = args.optionalString("key").filter(k -> !k.isEmpty());
        Optional<List<String>> keys = args.optionalStrings("keys").filter(k -> !k.isEmpty());
        String actionType = "keyboard_" + action;
        switch (action) {
            case "type" -> {
                if (text.isEmpty()) {
                    return fail(session, actionType, args, "text is required for action='type'.");
                }
            }
            case "press" -> {
                if (key.isEmpty()) {
                    return fail(session, actionType, args, "key is required for action='press'.");
                }
            }
            case "hotkey" -> {
                if (keys.isEmpty()) {
                    return fail(session, actionType, args, "keys list is required for action='hotkey'.");
                }
            }
            default -> {
                if (key.isEmpty()) {
                    return fail(session, actionType, args, "key is required for action='hold'.");
                }
            }
        }
        double holdSeconds = Math.max(0, args.number("hold_duration"));
        String argument = switch (action) {
            case "type" -> "type text: '" + ToolText.truncate(text.orElseThrow(), 60, "") + "'";
            case "press" -> "press key: " + key.orElseThrow();
            case "hotkey" -> "hotkey: " + String.join("+", keys.orElseThrow());
            default -> "hold key: " + key.orElseThrow() + " for " + ToolText.pythonFloat(holdSeconds) + "s";
        };
        context.checkPermission(NAME, argument, "Keyboard " + action);

        String output;
        Map<String, Object> recorded = new LinkedHashMap<>();
        try {
            switch (action) {
                case "type" -> {
                    String value = text.orElseThrow();
                    int intervalMs = (int) Math.max(0, Math.round(args.number("interval") * 1000));
                    computer.text(new TextInput(value, intervalMs));
                    output = "Typed " + ToolText.length(value) + " characters: '" + ToolText.truncate(value, 40, "")
                            + "'" + (ToolText.length(value) > 40 ? "..." : "");
                    recorded.put("text", ToolText.truncate(value, 200, "..."));
                    recorded.put("length", ToolText.length(value));
                }
                case "press" -> {
                    computer.press(key.orElseThrow());
                    output = "Pressed key: '" + key.orElseThrow() + "'";
                    recorded.put("key", key.orElseThrow());
                }
                case "hotkey" -> {
                    computer.hotkey(keys.orElseThrow().toArray(String[]::new));
                    output = "Pressed hotkey: " + String.join("+", keys.orElseThrow());
                    recorded.put("keys", keys.orElseThrow());
                }
                default -> {
                    String keysym = Keys.toKeysym(key.orElseThrow());
                    computer.key(KeyEvent.down(keysym));
                    try {
                        options.sleeper().sleep(Math.round(holdSeconds * 1000));
                    } finally {
                        computer.key(KeyEvent.up(keysym));
                    }
                    output = String.format(Locale.ROOT, "Held key '%s' for %.2fs then released.", key.orElseThrow(), holdSeconds);
                    recorded.put("key", key.orElseThrow());
                    recorded.put("duration", holdSeconds);
                }
            }
        } catch (RuntimeException e) {
            return fail(session, actionType, args, "Keyboard action failed: " + ToolText.failureMessage(e));
        }
        session.record(actionType, recorded, output, "");
        options.sleeper().sleep(Math.max(0, args.integer("settle_ms")));
        return ToolResult.text("Keyboard: " + action, output);
    }

    private static ToolResult fail(ToolSession session, String actionType, ToolArguments args, String message) {
        session.record(actionType, args.values(), "", message);
        return ToolResult.failure("Keyboard error", message);
    }
}
