package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.CapturedFrame;
import dev.opendesk.core.image.EncodeSettings;
import dev.opendesk.core.image.PixmapDecoder;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.Rect;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ocr} (spec/surface.md §1.7): captures the screen or a region at full resolution, enlarges
 * small crops, and reads the text with the {@code tesseract} program (run where the tool runs,
 * so it also reads a paired machine's screen). Word boxes are mapped to logical coordinates.
 */
public final class OcrTool implements Tool {
    static final String NAME = "ocr";
    /** Crops narrower or lower than this are enlarged before recognition. */
    static final int SMALL = 300;
    static final int MAX_UPSCALE = 4;
    /** Never enlarge beyond this many pixels. */
    static final long MAX_UPSCALED_PIXELS = 16_000_000;
    static final String NOT_AVAILABLE = "OCR not available";
    private static final ToolParameters PARAMETERS = ToolParameters.builder(NAME)
            .integers("region", "Rectangle [x, y, width, height] in logical screen pixels; omit for the full screen.")
            .bool("boxes", "Also list each text line with its logical position (x, y) and size.", false)
            .build();

    private final ToolOptions options;

    public OcrTool(ToolOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    public OcrTool() {
        this(ToolOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Read the text on the screen or in a region [x, y, width, height] (logical pixels) with OCR. "
                + "boxes=true adds each line's logical position, to click it with the mouse tool.";
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
        ToolSession session = context.session();
        Optional<List<Integer>> region = args.optionalIntegers("region");
        String where = region.map(ToolText::intList).orElse("full screen");
        String title = "OCR: " + where;
        if (region.isPresent() && region.get().size() != 4) {
            return fail(session, args, title, "region must have exactly 4 elements: [x, y, width, height]");
        }
        Rect requested = null;
        if (region.isPresent()) {
            List<Integer> r = region.get();
            if (r.get(2) <= 0 || r.get(3) <= 0) {
                return fail(session, args, title, "region width and height must be positive, got " + where);
            }
            requested = new Rect(r.get(0), r.get(1), r.get(2), r.get(3));
        }
        context.checkPermission(NAME, "ocr " + where, "Read the text on the screen (" + where + ")");

        CapturedFrame captured;
        try {
            captured = context.computer().captureFrame(new CaptureRequest(null, requested, false));
        } catch (RuntimeException e) {
            return fail(session, args, title, "OCR error: cannot capture the screen: " + ToolText.failureMessage(e));
        }
        Rect area = requested != null ? new Rect(requested.x(), requested.y(), captured.logicalWidth(), captured.logicalHeight())
                : ScreenshotTool.primaryBounds(context.computer())
                        .map(b -> new Rect(b.x(), b.y(), captured.logicalWidth(), captured.logicalHeight()))
                        .orElse(new Rect(0, 0, captured.logicalWidth(), captured.logicalHeight()));

        RawFrame frame = captured.frame();
        int factor = upscaleFactor(frame.width(), frame.height());
        RawFrame prepared = factor == 1 ? frame
                : PixmapDecoder.fromImage(enlarge(ScreenImages.toImage(frame), factor));
        byte[] png = options.pipeline().encode(prepared, EncodeSettings.fullResolution(),
                prepared.width(), prepared.height(), null, captured.capturedAt()).data();
        int psm = requested != null ? 6 : 3;
        List<Tesseract.Word> words;
        try {
            words = new Tesseract(options.tesseract()).words(png, "eng", psm);
        } catch (Tesseract.Missing e) {
            String message = NOT_AVAILABLE + ": the '" + options.tesseract() + "' program was not found ("
                    + e.getMessage() + "). Install Tesseract OCR where opendesk runs: on Debian/Ubuntu "
                    + "`sudo apt-get install tesseract-ocr` (package tesseract-ocr, English data included), on Fedora "
                    + "`sudo dnf install tesseract`, on macOS `brew install tesseract`, on Windows the UB Mannheim installer.";
            return fail(session, args, title, message);
        } catch (Tesseract.Failed e) {
            return fail(session, args, title, "OCR error: " + e.getMessage()
                    + (e.getMessage().contains("eng") ? " (the English data is in the package tesseract-ocr-eng)" : ""));
        }

        double sx = area.width() / (double) prepared.width();
        double sy = area.height() / (double) prepared.height();
        List<Map<String, Object>> wordMaps = new ArrayList<>();
        Map<String, Line> lines = new LinkedHashMap<>();
        for (Tesseract.Word word : words) {
            double x = area.x() + word.left() * sx;
            double y = area.y() + word.top() * sy;
            double w = word.width() * sx;
            double h = word.height() * sy;
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("text", word.text());
            map.put("x", Math.round(x));
            map.put("y", Math.round(y));
            map.put("width", Math.round(w));
            map.put("height", Math.round(h));
            map.put("confidence", word.confidence());
            wordMaps.add(map);
            lines.computeIfAbsent(word.line(), key -> new Line(word.block())).add(word.text(), x, y, w, h);
        }
        StringBuilder text = new StringBuilder();
        int lastBlock = -1;
        for (Line line : lines.values()) {
            if (text.length() > 0) {
                text.append(line.block != lastBlock ? "\n\n" : "\n");
            }
            text.append(line.text);
            lastBlock = line.block;
        }
        String extracted = text.toString().strip();
        StringBuilder output = new StringBuilder(extracted.isEmpty() ? "(no text detected)" : extracted);
        if (args.bool("boxes") && !lines.isEmpty()) {
            output.append("\n\nLines (logical x, y, width×height):");
            for (Line line : lines.values()) {
                output.append("\n  ").append(ToolText.point(line.x0, line.y0)).append(" ")
                        .append(Math.round(line.x1 - line.x0)).append("×").append(Math.round(line.y1 - line.y0))
                        .append("  ").append(line.text);
            }
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("char_count", extracted.length());
        metadata.put("words", wordMaps);
        metadata.put("upscale", factor);
        session.record(NAME, args.values(), extracted.length() + " chars", "");
        return new ToolResult(title, output.toString(), false, List.of(), metadata);
    }

    /** ×max(2, 300 / w) (at most ×4) for crops under 300 px on a side; 1 otherwise. */
    static int upscaleFactor(int width, int height) {
        int small = Math.min(width, height);
        if (small >= SMALL) {
            return 1;
        }
        int factor = Math.max(2, Math.min(MAX_UPSCALE, (SMALL + small - 1) / small));
        while (factor > 1 && (long) width * height * factor * factor > MAX_UPSCALED_PIXELS) {
            factor--;
        }
        return factor;
    }

    private static BufferedImage enlarge(BufferedImage image, int factor) {
        BufferedImage out = new BufferedImage(image.getWidth() * factor, image.getHeight() * factor, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static ToolResult fail(ToolSession session, ToolArguments args, String title, String message) {
        session.record(NAME, args.values(), "", message);
        return ToolResult.failure(title, message);
    }

    /** A text line being assembled from its words, with its logical bounding box. */
    private static final class Line {
        final int block;
        String text = "";
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;

        Line(int block) {
            this.block = block;
        }

        void add(String word, double x, double y, double w, double h) {
            text = text.isEmpty() ? word : text + " " + word;
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x + w);
            y1 = Math.max(y1, y + h);
        }
    }
}
