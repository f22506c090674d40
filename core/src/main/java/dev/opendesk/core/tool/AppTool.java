package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import dev.opendesk.core.computer.Computer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code app} (spec/surface.md §1.4): opens, closes, focuses and lists applications through the
 * Computer ({@code apps.*}), so it works on a paired machine too. Opening waits 2 s for the
 * application to come up, as the reference does.
 */
public final class AppTool implements Tool {
    static final String NAME = "app";
    /** How long to wait after launching an application. */
    static final long OPEN_SETTLE_MS = 2000;
    private static final ToolParameters PARAMETERS = ToolParameters.builder(NAME)
            .requiredEnum("action", "What to do.", "open", "close", "focus", "list")
            .string("name", "Application name (required except for list), e.g. firefox, gedit, Safari.", null)
            .build();

    private final ToolOptions options;

    public AppTool(ToolOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    public AppTool() {
        this(ToolOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Open, close (quit), focus or list applications on the machine.";
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
        Optional<String> name = args.optionalString("name").map(String::strip).filter(n -> !n.isEmpty());
        ToolSession session = context.session();
        String actionType = "app_" + action;
        if (!action.equals("list") && name.isEmpty()) {
            return fail(session, actionType, args, "App action '" + action + "' failed: name is required for action='"
                    + action + "'.");
        }
        context.checkPermission(NAME, action.equals("list") ? "list apps" : action + " app: " + name.orElseThrow(),
                action.equals("list") ? "List running applications" : capitalise(action) + " application '" + name.orElseThrow() + "'");
        if (name.isPresent() && !session.appAllowed(name.get())) {
            String message = "Application '" + name.get() + "' is not in the allow-list. Allowed: "
                    + ToolText.pythonList(session.allowedApps().orElse(List.of()));
            session.record(actionType, args.values(), "", message);
            return ToolResult.failure("App action denied", message);
        }
        Computer computer = context.computer();
        String os = osName(computer);
        String output;
        try {
            switch (action) {
                case "open" -> {
                    computer.openApp(name.orElseThrow());
                    options.sleeper().sleep(OPEN_SETTLE_MS);
                    output = "Opened '" + name.orElseThrow() + "' on " + os + ".";
                }
                case "close" -> {
                    computer.closeApp(name.orElseThrow());
                    output = switch (os) {
                        case "macOS" -> "Quit '" + name.orElseThrow() + "' via AppleScript.";
                        case "Windows" -> "Terminated '" + name.orElseThrow() + "' on Windows.";
                        default -> "Sent SIGTERM to processes matching '" + name.orElseThrow() + "'.";
                    };
                }
                case "focus" -> {
                    computer.focusApp(name.orElseThrow());
                    output = os.equals("macOS") ? "Focused '" + name.orElseThrow() + "' via AppleScript."
                            : "Focused window matching '" + name.orElseThrow() + "'.";
                }
                default -> {
                    List<String> apps = computer.apps();
                    output = apps.isEmpty() ? "No running applications found."
                            : "Running applications:\n" + String.join("\n", apps.stream().map(a -> "  * " + a).toList());
                }
            }
        } catch (RuntimeException e) {
            return fail(session, actionType, args, "App action '" + action + "' failed: " + ToolText.failureMessage(e));
        }
        session.record(actionType, name.<Map<String, Object>>map(n -> Map.of("name", n)).orElse(Map.of()),
                ToolText.truncate(output, 200, "..."), "");
        return ToolResult.text("App: " + action + name.map(n -> " " + n).orElse(""), output);
    }

    /** macOS, Windows or Linux, from the Computer's environment (Linux when it cannot say). */
    static String osName(Computer computer) {
        try {
            String os = computer.environment().os().toLowerCase(Locale.ROOT);
            if (os.contains("darwin") || os.contains("mac")) {
                return "macOS";
            }
            if (os.contains("windows")) {
                return "Windows";
            }
        } catch (RuntimeException e) {
            ToolText.failureMessage(e);
        }
        return "Linux";
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static ToolResult fail(ToolSession session, String actionType, ToolArguments args, String message) {
        session.record(actionType, args.values(), "", message);
        return ToolResult.failure("App error", message);
    }
}
