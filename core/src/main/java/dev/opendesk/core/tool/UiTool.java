package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.TextInput;
import dev.opendesk.core.model.UIElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code ui} (spec/surface.md §1.5): reads an application's accessibility tree and acts on its
 * elements through the Computer's {@code ui.tree} / {@code ui.action}, falling back to a click at
 * the centre of an element's bounds. When the backend has no accessibility it says so and points
 * to screenshot + mouse.
 */
public final class UiTool implements Tool {
    static final String NAME = "ui";
    static final int MAX_TREE_LINES = 200;
    private static final List<String> CONTAINER_WORDS = List.of(
            "window", "dialog", "pane", "group", "custom", "root", "frame", "panel", "filler", "application");
    private static final ToolParameters PARAMETERS = ToolParameters.builder(NAME)
            .requiredEnum("action", "What to do.", "get_tree", "click", "click_menu", "type", "press_key", "get_value")
            .requiredString("app", "Application (process or window) name, e.g. gedit, Firefox, Safari.")
            .string("title", "Element label (name) to find.", null)
            .string("role", "Element role filter, e.g. push button, text, AXButton.", null)
            .string("text", "Text to type (type).", null)
            .string("menu", "Menu name for click_menu, e.g. File.", null)
            .string("menu_item", "Menu item for click_menu, e.g. Save.", null)
            .string("key", "Key for press_key: return, escape, tab, space, delete, arrows, home, end, f1-f12, or a character.", null)
            .strings("modifiers", "Modifiers for press_key: command/cmd/meta/win/super, ctrl/control, shift, alt/option, fn.", List.of())
            .integer("window_index", "Window number, 1 = frontmost (kept for compatibility).", 1)
            .build();

    private final ToolOptions options;

    public UiTool(ToolOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    public UiTool() {
        this(ToolOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Accessibility-based UI control: ALWAYS try this before the mouse. get_tree lists an app's elements; "
                + "click an element by title/role; click_menu File → Save; type text into the app; press_key with "
                + "modifiers; get_value of an element. If the app has no accessible elements, use screenshot(marks=true) "
                + "and the mouse tool with image_width/image_height.";
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
        String app = args.string("app").strip();
        ToolSession session = context.session();
        String title = "UI error: " + action + " in " + app;
        Optional<String> elementTitle = args.optionalString("title").filter(s -> !s.isBlank());
        Optional<String> role = args.optionalString("role").filter(s -> !s.isBlank());
        if (app.isEmpty()) {
            return fail(session, args, title, "'app' must not be empty.");
        }
        String precondition = switch (action) {
            case "click", "get_value" -> elementTitle.isEmpty() && role.isEmpty()
                    ? "Provide at least 'title' or 'role' for " + action + "." : null;
            case "click_menu" -> args.optionalString("menu").filter(s -> !s.isBlank()).isEmpty()
                    || args.optionalString("menu_item").filter(s -> !s.isBlank()).isEmpty()
                    ? "Provide both 'menu' and 'menu_item' for click_menu." : null;
            case "type" -> args.optionalString("text").isEmpty() ? "Provide 'text' for type." : null;
            case "press_key" -> args.optionalString("key").filter(s -> !s.isEmpty()).isEmpty()
                    ? "Provide 'key' for press_key." : null;
            default -> null;
        };
        if (precondition != null) {
            return fail(session, args, title, precondition);
        }
        context.checkPermission(NAME, "ui " + action + " in " + app, describe(action, app, args));
        Computer computer = context.computer();
        try {
            String output = switch (action) {
                case "get_tree" -> tree(computer, app);
                case "click" -> click(computer, app, elementTitle.orElse(null), role.orElse(null));
                case "click_menu" -> clickMenu(computer, app, args.string("menu"), args.string("menu_item"));
                case "type" -> type(computer, app, args.string("text"));
                case "press_key" -> pressKey(computer, app, args.string("key"), args.strings("modifiers"));
                default -> value(computer, app, elementTitle.orElse(null), role.orElse(null));
            };
            session.record("ui_action", args.values(), ToolText.truncate(output, 200, "..."), "");
            return ToolResult.text("UI: " + action + " in " + app, output);
        } catch (NotFound e) {
            return fail(session, args, title, e.getMessage());
        } catch (OpendeskException e) {
            if (e.code() == ErrorCode.PERMISSION_DENIED) {
                throw e;
            }
            if (e.code() == ErrorCode.CAPABILITY_UNSUPPORTED) {
                return fail(session, args, title, noAccessibility(e));
            }
            return fail(session, args, title, "UI action failed: " + e.getMessage());
        } catch (RuntimeException e) {
            return fail(session, args, title, "UI action failed: " + ToolText.failureMessage(e));
        }
    }

    private static String describe(String action, String app, ToolArguments args) {
        return switch (action) {
            case "get_tree" -> "Read the accessibility tree of " + app;
            case "type" -> "Type " + ToolText.length(args.string("text")) + " characters into " + app;
            default -> "UI " + action + " in " + app;
        };
    }

    /** The message for a backend without accessibility. */
    static String noAccessibility(OpendeskException e) {
        Object backend = e.details().get("backend");
        Object capability = e.details().get("capability");
        return "This machine's backend" + (backend == null ? "" : " (" + backend + ")") + " has no accessibility support ("
                + (capability == null ? "ui.tree" : capability) + " is not supported), so the ui tool cannot see or "
                + "operate elements here. Use screenshot (marks=true also needs accessibility, so expect a plain image) "
                + "to look, then the mouse tool with image_width/image_height (or keyboard) to act; ocr finds text.";
    }

    private String tree(Computer computer, String app) {
        UIElement root = computer.uiTree(UiTreeRequest.forApp(app));
        if (root.children().isEmpty()) {
            return "No accessible elements in '" + app + "'. App may use custom rendering (Electron, games). "
                    + "Fall back to mouse tool with image_width/image_height.";
        }
        List<String> lines = new ArrayList<>();
        lines.add("Window: " + root.name());
        boolean truncated = appendTree(root.children(), 1, lines);
        if (truncated) {
            lines.add("... (truncated at " + MAX_TREE_LINES + " lines)");
        }
        return String.join("\n", lines);
    }

    private static boolean appendTree(List<UIElement> elements, int depth, List<String> lines) {
        for (UIElement element : elements) {
            if (lines.size() > MAX_TREE_LINES) {
                return true;
            }
            String line = "  ".repeat(depth) + "[" + element.role() + "]"
                    + (element.name().isEmpty() ? "" : " " + element.name().strip().replaceAll("\\s+", " "));
            if (element.value() != null && !element.value().isEmpty() && !element.value().equals(element.name())) {
                line += " = " + ToolText.truncate(element.value().replaceAll("\\s+", " "), 60, "…");
            }
            lines.add(line);
            if (appendTree(element.children(), depth + 1, lines)) {
                return true;
            }
        }
        return lines.size() > MAX_TREE_LINES;
    }

    private String click(Computer computer, String app, @Nullable String title, @Nullable String role) {
        UIElement root = computer.uiTree(UiTreeRequest.forApp(app));
        UIElement element = find(root, title, role).orElseThrow(() -> notFound(app, title, role));
        String via = activate(computer, element, app);
        return "Clicked [" + element.role() + "] '" + element.name() + "' in " + app + " (via " + via + ").";
    }

    /** Native action when the element has one (and it works), else a click at the centre of its bounds. */
    private static String activate(Computer computer, UIElement element, String app) {
        if (!element.actions().isEmpty()) {
            String action = element.actions().contains("click") ? "click"
                    : element.actions().contains("press") ? "press" : element.actions().get(0);
            try {
                computer.uiAction(element, action, app);
                return "a11y";
            } catch (OpendeskException e) {
                if (e.code() == ErrorCode.PERMISSION_DENIED || element.bounds() == null) {
                    throw e;
                }
            }
        }
        Rect bounds = element.bounds();
        if (bounds == null) {
            throw new OpendeskException(ErrorCode.NOT_FOUND, "element [" + element.role() + "] '" + element.name()
                    + "' has neither an accessibility action nor bounds to click");
        }
        computer.click(bounds.center());
        return "bounds-center";
    }

    private String clickMenu(Computer computer, String app, String menu, String item) {
        computer.focusApp(app);
        UIElement root = computer.uiTree(UiTreeRequest.forApp(app));
        UIElement menuElement = find(root, menu, "menu").or(() -> find(root, menu, null))
                .orElseThrow(() -> new NotFound("No menu '" + menu + "' in '" + app + "'. Run get_tree to see available elements."));
        Optional<UIElement> direct = find(menuElement, item, "menu item").or(() -> find(menuElement, item, null))
                .filter(e -> !e.actions().isEmpty());
        if (direct.isPresent()) {
            try {
                computer.uiAction(direct.get(), direct.get().actions().contains("click") ? "click" : direct.get().actions().get(0), app);
                return "Clicked " + menu + " → " + item + " in " + app + " (via a11y).";
            } catch (OpendeskException e) {
                if (e.code() == ErrorCode.PERMISSION_DENIED) {
                    throw e;
                }
            }
        }
        activate(computer, menuElement, app);
        options.sleeper().sleep(300);
        UIElement opened = computer.uiTree(UiTreeRequest.forApp(app));
        UIElement itemElement = find(opened, item, "menu item").or(() -> find(opened, item, null))
                .filter(e -> e.bounds() != null)
                .orElseThrow(() -> new NotFound("No menu item '" + item + "' under '" + menu + "' in '" + app
                        + "'. Run get_tree to see available elements."));
        computer.click(requireNonNull(itemElement.bounds()).center());
        return "Clicked " + menu + " → " + item + " in " + app + " (via bounds).";
    }

    private String type(Computer computer, String app, String text) {
        computer.focusApp(app);
        options.sleeper().sleep(200);
        computer.text(TextInput.of(text));
        return "Typed " + ToolText.length(text) + " chars into " + app + ": '" + ToolText.truncate(text, 60, "")
                + "'" + (ToolText.length(text) > 60 ? "…" : "");
    }

    private String pressKey(Computer computer, String app, String key, List<String> modifiers) {
        computer.focusApp(app);
        options.sleeper().sleep(150);
        List<String> chord = new ArrayList<>(modifiers);
        chord.add(key);
        computer.hotkey(chord.toArray(String[]::new));
        return "Pressed " + String.join("+", chord) + " in " + app + ".";
    }

    private String value(Computer computer, String app, @Nullable String title, @Nullable String role) {
        UIElement root = computer.uiTree(UiTreeRequest.forApp(app));
        UIElement element = find(root, title, role, false).orElseThrow(() -> notFound(app, title, role));
        if (element.value() != null && !element.value().isEmpty()) {
            return element.value();
        }
        return element.name().isEmpty() ? "(no value)" : element.name();
    }

    private static NotFound notFound(String app, @Nullable String title, @Nullable String role) {
        return new NotFound("No element title='" + (title == null ? "" : title) + "' role='" + (role == null ? "" : role)
                + "' in '" + app + "'. Run get_tree to see available elements.");
    }

    static Optional<UIElement> find(UIElement root, @Nullable String title, @Nullable String role) {
        return find(root, title, role, true);
    }

    /**
     * The best-scoring element (spec/surface.md §1.5): exact title 100, prefix/suffix 60,
     * substring 30; exact role 50, role substring 25; without a role, actionable roles +40 and
     * containers −40. Ties keep tree order. Candidates must have bounds or actions when
     * {@code actionable} is set.
     */
    static Optional<UIElement> find(UIElement root, @Nullable String title, @Nullable String role, boolean actionable) {
        List<UIElement> all = new ArrayList<>();
        flatten(root, all);
        UIElement best = null;
        int bestScore = Integer.MIN_VALUE;
        String t = title == null ? null : title.strip().toLowerCase(Locale.ROOT);
        String r = role == null ? null : role.strip().toLowerCase(Locale.ROOT);
        for (UIElement element : all) {
            if (actionable && element.bounds() == null && element.actions().isEmpty()) {
                continue;
            }
            int score = 0;
            if (t != null) {
                String name = element.name().strip().toLowerCase(Locale.ROOT);
                if (name.equals(t)) {
                    score += 100;
                } else if (!t.isEmpty() && (name.startsWith(t) || name.endsWith(t))) {
                    score += 60;
                } else if (!t.isEmpty() && name.contains(t)) {
                    score += 30;
                } else {
                    continue;
                }
            }
            String elementRole = element.role().toLowerCase(Locale.ROOT);
            if (r != null) {
                if (elementRole.equals(r)) {
                    score += 50;
                } else if (elementRole.contains(r)) {
                    score += 25;
                } else {
                    continue;
                }
            } else {
                if (SetOfMarks.interactive(elementRole)) {
                    score += 40;
                } else if (CONTAINER_WORDS.stream().anyMatch(elementRole::contains)) {
                    score -= 40;
                }
            }
            if (score > bestScore) {
                best = element;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static void flatten(UIElement element, List<UIElement> out) {
        out.add(element);
        element.children().forEach(child -> flatten(child, out));
    }

    private static ToolResult fail(ToolSession session, ToolArguments args, String title, String message) {
        Map<String, Object> params = new LinkedHashMap<>(args.values());
        session.record("ui_action", params, "", message);
        return ToolResult.failure(title, message);
    }

    /** An element the agent named is not there. */
    private static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message, null, false, false);
        }
    }
}
