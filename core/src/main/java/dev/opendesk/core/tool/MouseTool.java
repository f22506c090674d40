package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.MouseButton;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Rect;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mouse} (spec/surface.md §1.2): moves, clicks, drags and scrolls through the Computer's
 * pointer verbs. Coordinates read from a screenshot are translated with {@code image_width} /
 * {@code image_height}: {@code x_logical = x × logical_width / image_width} (plus the origin of
 * the captured area), where the logical area is the one the session's last screenshot of that
 * size showed, else the primary display.
 */
public final class MouseTool implements Tool {
    static final String NAME = "mouse";
    /** Scales within this distance of 1 are taken as 1 (no translation, no note). */
    private static final double SCALE_TOLERANCE = 0.02;
    private static final ToolParameters PARAMETERS = ToolParameters.builder(NAME)
            .requiredEnum("action", "What to do.", "move", "click", "double_click", "triple_click", "right_click",
                    "middle_click", "left_down", "left_up", "scroll", "drag", "cursor_position")
            .integer("x", "X coordinate as seen in the screenshot.", 0)
            .integer("y", "Y coordinate as seen in the screenshot.", 0)
            .integer("end_x", "Drag end X (required for drag).", null)
            .integer("end_y", "Drag end Y (required for drag).", null)
            .integer("image_width", "Width of the screenshot the coordinates come from. ALWAYS provide it.", null)
            .integer("image_height", "Height of the screenshot the coordinates come from. ALWAYS provide it.", null)
            .optionalEnum("direction", "Scroll direction.", null, "up", "down", "left", "right")
            .integer("amount", "Scroll clicks.", 3)
            .number("duration", "Movement duration in seconds (recorded; the pointer moves at once).", 0.25)
            .integer("settle_ms", "Milliseconds to wait after the action for the screen to settle.", 500)
            .build();

    private final ToolOptions options;

    public MouseTool(ToolOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    public MouseTool() {
        this(ToolOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Control the mouse: move, click, double_click, triple_click, right_click, middle_click, left_down, "
                + "left_up, scroll, drag, cursor_position. Coordinates are as seen in the screenshot: ALWAYS pass "
                + "image_width and image_height of that screenshot so they are translated to screen coordinates. "
                + "Try the ui tool first; use screenshot(marks=true) to find targets.";
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
        int x = args.integer("x");
        int y = args.integer("y");
        String argument = action.equals("cursor_position") ? "cursor_position" : "mouse " + action + " at (" + x + ", " + y + ")";
        context.checkPermission(NAME, argument, "Mouse " + action.replace('_', ' ') + (action.equals("cursor_position")
                ? "" : " at (" + x + ", " + y + ")"));
        Computer computer = context.computer();
        ToolSession session = context.session();
        String title = "Mouse: " + action;

        if (action.equals("cursor_position")) {
            try {
                Point p = computer.cursorPosition();
                String text = "Current cursor: " + ToolText.point(p.x(), p.y());
                session.record("cursor_position", Map.of(), text, "");
                return ToolResult.text(title, text);
            } catch (RuntimeException e) {
                return fail(session, "cursor_position", args, "Mouse action failed: " + ToolText.failureMessage(e));
            }
        }

        String actionType = actionType(action);
        Optional<Integer> endX = args.optionalInteger("end_x");
        Optional<Integer> endY = args.optionalInteger("end_y");
        if (action.equals("drag") && (endX.isEmpty() || endY.isEmpty())) {
            return fail(session, actionType, args, "Mouse action failed: end_x and end_y are required for drag action.");
        }

        Translation translation = translation(computer, session, args);
        Point start = translation.apply(x, y);
        String note = translation.identity() ? "" : String.format(Locale.ROOT,
                " [image (%d,%d) -> logical (%d,%d) scale %.3fx%.3f]", x, y, Math.round(start.x()), Math.round(start.y()),
                translation.sx(), translation.sy());
        if (!session.pointAllowed(start.x(), start.y())) {
            String message = "Coordinate " + ToolText.point(start.x(), start.y()) + " is outside the permitted region.";
            session.record(actionType, args.values(), "", message);
            return ToolResult.failure("Mouse action denied", message);
        }

        String text;
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("x", Math.round(start.x()));
        recorded.put("y", Math.round(start.y()));
        String at = ToolText.point(start.x(), start.y());
        try {
            switch (action) {
                case "move" -> {
                    computer.moveTo(start);
                    text = "Moved mouse to " + at + ".";
                }
                case "click" -> {
                    computer.click(start);
                    text = "Click at " + at + ".";
                    recorded.put("button", "left");
                    recorded.put("clicks", 1);
                }
                case "double_click" -> {
                    computer.doubleClick(start);
                    text = "Double-click at " + at + ".";
                    recorded.put("button", "left");
                    recorded.put("clicks", 2);
                }
                case "triple_click" -> {
                    computer.pointer(PointerEvent.move(start));
                    for (int i = 0; i < 3; i++) {
                        computer.pointer(PointerEvent.down(start, MouseButton.LEFT));
                        computer.pointer(PointerEvent.up(start, MouseButton.LEFT));
                    }
                    text = "Triple-click at " + at + ".";
                    recorded.put("button", "left");
                    recorded.put("clicks", 3);
                }
                case "right_click" -> {
                    computer.click(start, MouseButton.RIGHT);
                    text = "Right-click at " + at + ".";
                    recorded.put("button", "right");
                    recorded.put("clicks", 1);
                }
                case "middle_click" -> {
                    computer.click(start, MouseButton.MIDDLE);
                    text = "Middle-click at " + at + ".";
                    recorded.put("button", "middle");
                    recorded.put("clicks", 1);
                }
                case "left_down" -> {
                    computer.moveTo(start);
                    computer.pointer(PointerEvent.down(start, MouseButton.LEFT));
                    text = "Left button pressed at " + at + " -- button is held.";
                }
                case "left_up" -> {
                    computer.moveTo(start);
                    computer.pointer(PointerEvent.up(start, MouseButton.LEFT));
                    text = "Left button released at " + at + ".";
                }
                case "scroll" -> {
                    String direction = args.optionalString("direction").orElse("up");
                    int amount = args.integer("amount");
                    double dx = 0;
                    double dy = 0;
                    switch (direction) {
                        case "down" -> dy = -amount;
                        case "right" -> dx = amount;
                        case "left" -> dx = -amount;
                        default -> dy = amount;
                    }
                    computer.scroll(start, dx, dy);
                    text = "Scrolled " + direction + " " + Math.abs(amount) + " click(s) at " + at + ".";
                    recorded.put("direction", direction);
                    recorded.put("amount", amount);
                }
                case "drag" -> {
                    Point end = translation.apply(endX.orElseThrow(), endY.orElseThrow());
                    computer.drag(start, end, MouseButton.LEFT);
                    text = "Dragged from " + at + " to " + ToolText.point(end.x(), end.y()) + ".";
                    recorded.put("end_x", Math.round(end.x()));
                    recorded.put("end_y", Math.round(end.y()));
                    recorded.put("duration", args.number("duration"));
                }
                default -> throw new IllegalStateException("unhandled action " + action);
            }
        } catch (RuntimeException e) {
            return fail(session, actionType, args, "Mouse action failed: " + ToolText.failureMessage(e));
        }
        text += note;
        session.record(actionType, recorded, text, "");
        options.sleeper().sleep(Math.max(0, args.integer("settle_ms")));
        return ToolResult.text(title, text);
    }

    private static String actionType(String action) {
        return switch (action) {
            case "move" -> "mouse_move";
            case "scroll" -> "mouse_scroll";
            case "drag" -> "mouse_drag";
            case "left_down" -> "mouse_down";
            case "left_up" -> "mouse_up";
            default -> "mouse_click";
        };
    }

    /** Image → logical translation for this call. */
    record Translation(double originX, double originY, double sx, double sy, boolean identity) {
        Point apply(int x, int y) {
            if (identity) {
                return new Point(x, y);
            }
            return new Point(Math.round(originX + x * sx), Math.round(originY + y * sy));
        }
    }

    static Translation translation(Computer computer, ToolSession session, ToolArguments args) {
        Optional<Integer> iw = args.optionalInteger("image_width");
        Optional<Integer> ih = args.optionalInteger("image_height");
        if (iw.isEmpty() || ih.isEmpty() || iw.get() <= 0 || ih.get() <= 0) {
            return new Translation(0, 0, 1, 1, true);
        }
        int imageWidth = iw.get();
        int imageHeight = ih.get();
        Optional<ImageMapping> last = session.lastMapping()
                .filter(m -> m.width() == imageWidth && m.height() == imageHeight);
        Rect area;
        if (last.isPresent()) {
            area = last.get().area();
        } else {
            Optional<Rect> primary = ScreenshotTool.primaryBounds(computer);
            if (primary.isEmpty()) {
                return new Translation(0, 0, 1, 1, true);
            }
            Rect p = primary.get();
            area = p;
        }
        double sx = area.width() / imageWidth;
        double sy = area.height() / imageHeight;
        boolean identity = Math.abs(sx - 1) <= SCALE_TOLERANCE && Math.abs(sy - 1) <= SCALE_TOLERANCE
                && area.x() == 0 && area.y() == 0;
        return new Translation(area.x(), area.y(), sx, sy, identity);
    }

    private static ToolResult fail(ToolSession session, String actionType, ToolArguments args, String message) {
        session.record(actionType, args.values(), "", message);
        return ToolResult.failure("Mouse error", message);
    }
}
