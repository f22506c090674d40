package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.CapturedFrame;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.image.EncodeSettings;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.image.Scaling;
import dev.opendesk.core.model.Display;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.UIElement;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code screenshot} (spec/surface.md §1.1): captures the screen, a region or a zoomed area,
 * optionally with Set-of-Marks and the cursor drawn on it, fits the image into a model's budget
 * (long edge ≤ {@code max_edge}, default 1568 px; ≤ 1.15 megapixels; < 1 MB, falling back to
 * JPEG), compares it with the session's previous screenshot, and says how its pixels map to
 * logical coordinates.
 */
public final class ScreenshotTool implements Tool {
    static final String NAME = "screenshot";
    private static final ToolParameters PARAMETERS = ToolParameters.builder(NAME)
            .integers("region", "Capture only this rectangle [x, y, width, height] in logical screen pixels.")
            .integers("zoom", "Close-up of the area [x0, y0, x1, y1] in logical screen pixels (wins over region).")
            .bool("marks", "Set-of-Marks: draw numbered boxes on the interactive elements and list them.", false)
            .bool("show_cursor", "Draw the mouse cursor and report its position.", false)
            .string("save_path", "Also write the image to this file (~ expanded, folders created).", null)
            .integer("max_edge", "Longest image edge in pixels (default " + ToolOptions.DEFAULT_MAX_EDGE
                    + "); the image also stays within 1.15 megapixels and 1 MB.", null)
            .build();

    private final ToolOptions options;

    public ScreenshotTool(ToolOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    public ScreenshotTool() {
        this(ToolOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Take a screenshot of the screen (or a region / zoomed area). The text says the image size: pass "
                + "image_width and image_height to the mouse tool with coordinates read from the image. "
                + "marks=true numbers the clickable elements (Set-of-Marks) and lists their logical positions. "
                + "Prefer the ui tool when the app has accessibility; use screenshot + mouse as the fallback. "
                + "Reports what changed since the previous screenshot.";
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
        context.checkPermission(NAME, "capture screen", "Take a screenshot of the screen");
        ToolSession session = context.session();
        Computer computer = context.computer();

        Optional<List<Integer>> zoom = args.optionalIntegers("zoom");
        Optional<List<Integer>> region = args.optionalIntegers("region");
        if (zoom.isPresent() && zoom.get().size() != 4) {
            return fail(session, args, "zoom must have exactly 4 elements: [x0, y0, x1, y1]");
        }
        if (region.isPresent() && region.get().size() != 4) {
            return fail(session, args, "region must have exactly 4 elements: [x, y, width, height]");
        }
        Rect requested = null;
        if (zoom.isPresent()) {
            List<Integer> z = zoom.get();
            if (z.get(2) <= z.get(0) || z.get(3) <= z.get(1)) {
                return fail(session, args, "zoom needs x1 > x0 and y1 > y0, got " + ToolText.intList(z));
            }
            requested = new Rect(z.get(0), z.get(1), z.get(2) - z.get(0), z.get(3) - z.get(1));
        } else if (region.isPresent()) {
            List<Integer> r = region.get();
            if (r.get(2) <= 0 || r.get(3) <= 0) {
                return fail(session, args, "region width and height must be positive, got " + ToolText.intList(r));
            }
            requested = new Rect(r.get(0), r.get(1), r.get(2), r.get(3));
        }
        if (requested != null && !session.pointAllowed(requested.x(), requested.y())) {
            session.record(NAME, args.values(), "", "region outside the permitted area");
            return ToolResult.failure("Screenshot denied", "The requested region is outside the permitted screen area.");
        }
        int maxEdge = args.optionalInteger("max_edge").orElse(options.defaultMaxEdge());
        if (maxEdge < ScreenImages.MIN_EDGE) {
            return fail(session, args, "max_edge must be at least " + ScreenImages.MIN_EDGE + ", got " + maxEdge);
        }

        CapturedFrame captured;
        try {
            captured = computer.captureFrame(new CaptureRequest(null, requested, maxEdge <= EncodeSettings.DEFAULT_MAX_WIDTH));
        } catch (RuntimeException e) {
            return fail(session, args, "Failed to capture screenshot: " + ToolText.failureMessage(e));
        }
        Point origin = requested != null
                ? new Point(requested.x(), requested.y())
                : primaryBounds(computer).map(b -> new Point(b.x(), b.y())).orElse(new Point(0, 0));
        Rect area = new Rect(origin.x(), origin.y(), captured.logicalWidth(), captured.logicalHeight());
        GreyFrame grey = GreyFrame.of(captured.frame(), requested);
        Scaling.Size target = ScreenImages.budget(captured.frame().width(), captured.frame().height(), maxEdge,
                ScreenImages.MAX_PIXELS);
        double k = (double) captured.frame().width() / target.width();
        ScreenImages.Canvas canvas = new ScreenImages.Canvas(captured.frame());

        boolean overlay = false;
        List<String> markLines = new ArrayList<>();
        int markCount = 0;
        if (args.bool("marks")) {
            markLines.add("");
            markLines.add("Set-of-Marks -- interactive elements:");
            try {
                UIElement tree = computer.uiTree(UiTreeRequest.focused());
                List<SetOfMarks.Mark> marks = SetOfMarks.collect(tree, area);
                markCount = marks.size();
                if (marks.isEmpty()) {
                    markLines.add("(no interactive elements detected)");
                } else {
                    markLines.add("(positions are logical screen coordinates: pass them to mouse without image_width/image_height)");
                    marks.forEach(mark -> markLines.add(mark.legend()));
                    overlay |= safely(() -> SetOfMarks.draw(canvas.image(), marks, area, k));
                }
            } catch (OpendeskException e) {
                if (e.code() == ErrorCode.PERMISSION_DENIED) {
                    throw e;
                }
                markLines.add(e.code() == ErrorCode.CAPABILITY_UNSUPPORTED
                        ? "(marks unavailable: this backend has no accessibility tree (ui.tree), so no elements can be"
                                + " numbered; read positions from the image and pass image_width/image_height to mouse)"
                        : "(marks unavailable: cannot read the accessibility tree: " + e.getMessage() + ")");
            } catch (RuntimeException e) {
                markLines.add("(marks unavailable: cannot read the accessibility tree: " + ToolText.failureMessage(e) + ")");
            }
        }
        String cursorLine = null;
        if (args.bool("show_cursor")) {
            try {
                Point cursor = computer.cursorPosition();
                cursorLine = "Cursor position (logical): " + ToolText.point(cursor.x(), cursor.y());
                if (cursor.x() >= area.x() && cursor.x() <= area.x() + area.width()
                        && cursor.y() >= area.y() && cursor.y() <= area.y() + area.height()) {
                    overlay |= safely(() -> SetOfMarks.drawCursor(canvas.image(), cursor, area, k));
                } else {
                    cursorLine += " (outside the captured area)";
                }
            } catch (RuntimeException e) {
                cursorLine = "Cursor position unavailable: " + ToolText.failureMessage(e);
            }
        }

        Pixmap result;
        Optional<Pixmap> received = captured.encoded();
        if (!overlay && received.isPresent() && target.width() == received.get().width()
                && target.height() == received.get().height() && received.get().format() == PixmapFormat.PNG
                && received.get().size() < ScreenImages.MAX_BYTES) {
            result = received.get();
        } else {
            result = ScreenImages.encodeWithinBudget(options.pipeline(), overlay ? canvas.frame() : captured.frame(), target,
                    ScreenImages.MAX_BYTES, captured.logicalWidth(), captured.logicalHeight(),
                    captured.displayId().orElse(null), captured.capturedAt());
        }
        int w = result.width();
        int h = result.height();
        byte[] bytes = result.data();

        String changeLine = null;
        if (zoom.isEmpty()) {
            Optional<GreyFrame> previous = session.lastFrame();
            if (previous.isPresent()) {
                changeLine = "Change detection vs previous screenshot: " + (grey.sameAreaAs(previous.get())
                        ? grey.compareTo(previous.get(), w, h)
                        : "a different area was captured before; not compared.");
            }
            session.rememberFrame(grey);
        }
        session.rememberScreenshot(bytes);
        ImageMapping mapping = new ImageMapping(w, h, area);
        session.rememberMapping(mapping);

        String savedTo = null;
        String saveError = null;
        Optional<String> savePath = args.optionalString("save_path");
        if (savePath.isPresent()) {
            try {
                Path path = expandHome(savePath.get());
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(path, bytes);
                savedTo = path.toString();
            } catch (IOException | RuntimeException e) {
                saveError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }

        StringBuilder line1 = new StringBuilder("Captured " + w + "x" + h + " screenshot");
        zoom.ifPresent(z -> line1.append(" (zoom ").append(ToolText.intList(z)).append(")"));
        if (zoom.isEmpty()) {
            region.ifPresent(r -> line1.append(" (region ").append(ToolText.intList(r)).append(")"));
        }
        if (savedTo != null) {
            line1.append(" -> saved to ").append(savedTo);
        }
        line1.append(".");
        if (captured.logicalWidth() != w || captured.logicalHeight() != h) {
            line1.append(" (logical screen: ").append(captured.logicalWidth()).append("x")
                    .append(captured.logicalHeight()).append(")");
        }
        if (result.format() == PixmapFormat.JPEG) {
            line1.append(" (JPEG, to stay under 1 MB)");
        }
        List<String> lines = new ArrayList<>();
        lines.add(line1.toString());
        lines.add("Mouse coordinates: pass image_width=" + w + ", image_height=" + h
                + " to the mouse tool for correct Retina scaling. " + mappingSentence(mapping));
        if (changeLine != null) {
            lines.add(changeLine);
        }
        lines.addAll(markLines);
        if (cursorLine != null) {
            lines.add(cursorLine);
        }

        boolean png = result.format() == PixmapFormat.PNG;
        List<ToolResult.Attachment> attachments = List.of(new ToolResult.Attachment(
                png ? "screenshot.png" : "screenshot.jpg", bytes, png ? "image/png" : "image/jpeg"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("width", w);
        metadata.put("height", h);
        metadata.put("logical_x", area.x());
        metadata.put("logical_y", area.y());
        metadata.put("logical_width", captured.logicalWidth());
        metadata.put("logical_height", captured.logicalHeight());
        metadata.put("format", result.format().wire());
        metadata.put("bytes", bytes.length);
        if (args.bool("marks")) {
            metadata.put("marks", markCount);
        }
        if (saveError != null) {
            String message = "Screenshot captured (" + w + "x" + h + ") but could not be saved to '"
                    + savePath.orElse("") + "': " + saveError;
            session.record(NAME, args.values(), w + "x" + h, message);
            return ToolResult.failure("Screenshot " + w + "x" + h + " (not saved)", message + "\n"
                    + String.join("\n", lines.subList(1, lines.size())), attachments, metadata);
        }
        session.record(NAME, args.values(), w + "x" + h, "");
        return new ToolResult("Screenshot " + w + "x" + h, String.join("\n", lines), false, attachments, metadata);
    }

    /** How image pixels map to logical coordinates, exactly. */
    static String mappingSentence(ImageMapping m) {
        Rect a = m.area();
        return "Image pixel (x, y) is logical (" + offset(a.x()) + "x × " + num(a.width()) + "/" + m.width() + ", "
                + offset(a.y()) + "y × " + num(a.height()) + "/" + m.height() + ").";
    }

    private static String offset(double origin) {
        return origin == 0 ? "" : num(origin) + " + ";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static boolean safely(Runnable drawing) {
        try {
            drawing.run();
            return true;
        } catch (RuntimeException | LinkageError | InternalError e) {
            return false;
        }
    }

    /** The primary display's logical rectangle, if the Computer says. */
    static Optional<Rect> primaryBounds(Computer computer) {
        try {
            List<Display> displays = computer.displays();
            for (Display display : displays) {
                if (display.primary()) {
                    return Optional.of(display.bounds());
                }
            }
            return displays.isEmpty() ? Optional.empty() : Optional.of(displays.get(0).bounds());
        } catch (RuntimeException e) {
            ToolText.failureMessage(e);
            return Optional.empty();
        }
    }

    static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    private static ToolResult fail(ToolSession session, ToolArguments args, String message) {
        session.record(NAME, args.values(), "", message);
        return ToolResult.failure("Screenshot error", message);
    }

}
