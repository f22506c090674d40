package dev.opendesk.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.model.Rect;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the real {@code tesseract} program (Debian package tesseract-ocr). */
final class OcrToolTest {
    private final ToolFixtures f = new ToolFixtures();

    private static BufferedImage text(int width, int height, int size, String... lines) {
        BufferedImage image = ToolFixtures.image(width, height, 0xffffff);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 20, 20 + (i + 1) * (size + size / 2));
        }
        g.dispose();
        return image;
    }

    @Test
    void readsRenderedTextFromTheFullScreen() {
        f.computer.captureAnswer = ToolFixtures.pixmap(text(900, 300, 36, "Hello opendesk world", "Invoice 2024 total"), 900, 300);
        ToolResult result = f.run("ocr", "{\"boxes\":true}");
        assertThat(result.error()).as(result.output()).isFalse();
        assertThat(result.title()).isEqualTo("OCR: full screen");
        assertThat(result.output()).contains("Hello opendesk world").contains("Invoice 2024 total")
                .contains("Lines (logical x, y, width×height):");
        assertThat(f.calls("capture").get(0).get(1)).isEqualTo(new CaptureRequest(null, null, false));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> words = (List<Map<String, Object>>) result.metadata().get("words");
        Map<String, Object> hello = words.stream().filter(w -> w.get("text").equals("Hello")).findFirst().orElseThrow();
        assertThat((long) hello.get("x")).isBetween(15L, 30L);
        assertThat((long) hello.get("y")).isBetween(40L, 80L);
        assertThat(f.context.session().actions()).extracting(ToolSession.Action::action).containsExactly("ocr");
    }

    @Test
    void aSmallRegionIsEnlargedAndMappedToLogicalCoordinates() {
        // a HiDPI region: 2 image pixels per logical pixel, only 60 pixels high
        f.computer.captureAnswer = ToolFixtures.pixmap(text(400, 60, 22, "Save changes"), 200, 30);
        ToolResult result = f.run("ocr", "{\"region\":[1000,500,200,30]}");
        assertThat(result.output()).as(result.output()).contains("Save changes");
        assertThat(result.title()).isEqualTo("OCR: [1000, 500, 200, 30]");
        assertThat(result.metadata()).containsEntry("upscale", 4);
        assertThat(f.calls("capture").get(0).get(1)).isEqualTo(new CaptureRequest(null, new Rect(1000, 500, 200, 30), false));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> words = (List<Map<String, Object>>) result.metadata().get("words");
        assertThat(words).allSatisfy(w -> {
            assertThat((long) w.get("x")).isBetween(1000L, 1200L);
            assertThat((long) w.get("y")).isBetween(500L, 530L);
        });
    }

    @Test
    void blankScreenHasNoText() {
        f.computer.captureAnswer = ToolFixtures.pixmap(ToolFixtures.image(320, 320, 0xffffff), 320, 320);
        assertThat(f.run("ocr", "{}").output()).isEqualTo("(no text detected)");
    }

    @Test
    void missingTesseractNamesThePackage() {
        ToolFixtures missing = new ToolFixtures();
        ToolRegistry registry = Tools.standardRegistry(missing.options.withTesseract("tesseract-not-installed-here"));
        missing.computer.captureAnswer = ToolFixtures.pixmap(ToolFixtures.image(320, 320, 0xffffff), 320, 320);
        ToolResult result = registry.require("ocr").execute(
                registry.context("s", missing.computer, ToolContext.PermissionCheck.ALLOW_ALL), ToolFixtures.json("{}"));
        assertThat(result.error()).isTrue();
        assertThat(result.output()).startsWith("OCR not available").contains("tesseract-ocr")
                .contains("tesseract-not-installed-here");
    }

    @Test
    void regionMustHaveFourElements() {
        ToolResult result = f.run("ocr", "{\"region\":[1,2,3]}");
        assertThat(result.error()).isTrue();
        assertThat(result.output()).isEqualTo("region must have exactly 4 elements: [x, y, width, height]");
        assertThat(f.computer.calls).isEmpty();
    }

    @Test
    void upscaleFactors() {
        assertThat(OcrTool.upscaleFactor(1920, 1080)).isEqualTo(1);
        assertThat(OcrTool.upscaleFactor(200, 400)).isEqualTo(2);
        assertThat(OcrTool.upscaleFactor(120, 400)).isEqualTo(3);
        assertThat(OcrTool.upscaleFactor(800, 20)).isEqualTo(4);
    }
}
