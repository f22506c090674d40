package dev.opendesk.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.UIElement;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScreenshotToolTest {
    private final ToolFixtures f = new ToolFixtures();

    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
            }
        }
        return image;
    }

    @Test
    void a4kCaptureFitsTheModelBudgetAndStatesTheExactMapping() {
        f.computer.captureAnswer = ToolFixtures.pixmap(gradient(3840, 2160), 1920, 1080);
        ToolResult result = f.run("screenshot", "{}");
        assertThat(result.error()).isFalse();
        ToolResult.Attachment image = result.attachments().get(0);
        BufferedImage decoded = ToolFixtures.decode(image.content());
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        assertThat(Math.max(w, h)).isLessThanOrEqualTo(1568);
        assertThat((long) w * h).isLessThanOrEqualTo(1_150_000L);
        assertThat(image.content().length).isLessThan(1_000_000);
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image.filename()).isEqualTo("screenshot.png");
        assertThat(w).isEqualTo(1429);
        assertThat(h).isEqualTo(804);
        assertThat(result.metadata()).containsEntry("width", w).containsEntry("height", h);
        String[] lines = result.output().split("\n");
        assertThat(lines[0]).isEqualTo("Captured 1429x804 screenshot. (logical screen: 1920x1080)");
        assertThat(lines[1]).isEqualTo("Mouse coordinates: pass image_width=1429, image_height=804 to the mouse tool for "
                + "correct Retina scaling. Image pixel (x, y) is logical (x × 1920/1429, y × 1080/804).");
        assertThat(result.title()).isEqualTo("Screenshot 1429x804");
        assertThat(f.calls("capture").get(0).get(1)).isEqualTo(new CaptureRequest(null, null, true));
        assertThat(f.context.session().actions()).extracting(ToolSession.Action::action).containsExactly("screenshot");
    }

    @Test
    void anIncompressibleImageFallsBackToJpegUnderOneMegabyte() {
        Random random = new Random(7);
        BufferedImage noise = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1080; y++) {
            for (int x = 0; x < 1920; x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        f.computer.captureAnswer = ToolFixtures.pixmap(noise, 1920, 1080);
        ToolResult result = f.run("screenshot", "{}");
        ToolResult.Attachment image = result.attachments().get(0);
        assertThat(image.content().length).isLessThan(1_000_000);
        assertThat(image.mediaType()).isEqualTo("image/jpeg");
        BufferedImage decoded = ToolFixtures.decode(image.content());
        assertThat(result.output()).startsWith("Captured " + decoded.getWidth() + "x" + decoded.getHeight() + " screenshot.")
                .contains("image_width=" + decoded.getWidth() + ", image_height=" + decoded.getHeight());
    }

    @Test
    void smallCapturesPassThroughAndMaxEdgeIsConfigurable() {
        f.computer.captureAnswer = ToolFixtures.pixmap(gradient(800, 600), 800, 600);
        ToolResult small = f.run("screenshot", "{}");
        assertThat(small.output()).startsWith("Captured 800x600 screenshot.\n");
        assertThat(small.attachments().get(0).content()).isEqualTo(f.computer.captureAnswer.data());
        ToolResult limited = f.run("screenshot", "{\"max_edge\":400}");
        assertThat(limited.metadata()).containsEntry("width", 400).containsEntry("height", 300);
        assertThat(limited.output()).contains("(logical screen: 800x600)");
    }

    @Test
    void identicalScreenshotsReportNoChangeAndADifferenceIsMeasured() {
        BufferedImage screen = ToolFixtures.image(200, 100, 0xffffff);
        f.computer.captureAnswer = ToolFixtures.pixmap(screen, 200, 100);
        assertThat(f.run("screenshot", "{}").output()).doesNotContain("Change detection");
        assertThat(f.run("screenshot", "{}").output())
                .contains("Change detection vs previous screenshot: No visible change detected — the action may not have had any effect.");
        for (int y = 10; y < 30; y++) {
            for (int x = 20; x < 70; x++) {
                screen.setRGB(x, y, 0x000000);
            }
        }
        f.computer.captureAnswer = ToolFixtures.pixmap(screen, 200, 100);
        assertThat(f.run("screenshot", "{}").output())
                .contains("Change detection vs previous screenshot: 5.0% of pixels changed in region [x=20, y=10, 50×20px].");
        f.computer.captureAnswer = ToolFixtures.pixmap(ToolFixtures.image(300, 100, 0), 300, 100);
        assertThat(f.run("screenshot", "{}").output())
                .contains("Screen resolution changed from (200, 100) to (300, 100).");
    }

    @Test
    void zoomAndRegionAreCheckedAndPassedOn() {
        assertThat(f.run("screenshot", "{\"zoom\":[1,2,3]}").output()).isEqualTo("zoom must have exactly 4 elements: [x0, y0, x1, y1]");
        assertThat(f.run("screenshot", "{\"region\":[1,2,3]}").output())
                .isEqualTo("region must have exactly 4 elements: [x, y, width, height]");
        assertThat(f.computer.calls).isEmpty();
        f.computer.captureAnswer = ToolFixtures.pixmap(ToolFixtures.image(400, 300, 0x808080), 400, 300);
        ToolResult zoom = f.run("screenshot", "{\"zoom\":[100,100,500,400],\"region\":[0,0,10,10]}");
        assertThat(zoom.output()).startsWith("Captured 400x300 screenshot (zoom [100, 100, 500, 400]).");
        assertThat(f.calls("capture").get(0).get(1)).isEqualTo(new CaptureRequest(null, new Rect(100, 100, 400, 300), true));
        assertThat(zoom.output()).contains("Image pixel (x, y) is logical (100 + x × 400/400, 100 + y × 300/300).");
    }

    @Test
    void marksNumberTheInteractiveElementsOfTheFocusedWindow() {
        f.computer.captureAnswer = ToolFixtures.pixmap(ToolFixtures.image(640, 400, 0xeeeeee), 640, 400);
        f.computer.treeAnswer = new UIElement("frame", "Dialog", null, new Rect(0, 0, 640, 400), false, true, List.of(),
                List.of(new UIElement("label", "Save changes?", null, new Rect(20, 20, 200, 20), false, true, List.of(), List.of(), Map.of()),
                        new UIElement("push button", "OK", null, new Rect(400, 340, 80, 30), false, true, List.of("click"), List.of(), Map.of()),
                        new UIElement("push button", "Cancel", null, new Rect(500, 340, 80, 30), false, true, List.of("click"), List.of(), Map.of()),
                        new UIElement("check box", "tiny", null, new Rect(5, 5, 2, 2), false, true, List.of(), List.of(), Map.of())),
                Map.of());
        ToolResult result = f.run("screenshot", "{\"marks\":true}");
        assertThat(result.output()).contains("\n\nSet-of-Marks -- interactive elements:\n")
                .contains("[1] push button \"OK\" at (400,340) 80×30 — click mark 1 to interact")
                .contains("[2] push button \"Cancel\" at (500,340) 80×30 — click mark 2 to interact")
                .doesNotContain("[3]").doesNotContain("Save changes");
        assertThat(result.metadata()).containsEntry("marks", 2);
        BufferedImage drawn = ToolFixtures.decode(result.attachments().get(0).content());
        assertThat(drawn.getRGB(400, 355) & 0xffffff).isNotEqualTo(0xeeeeee);
        assertThat(drawn.getRGB(300, 200) & 0xffffff).isEqualTo(0xeeeeee);
    }

    @Test
    void marksSayWhenTheBackendHasNoAccessibility() {
        f.computer.captureAnswer = ToolFixtures.pixmap(ToolFixtures.image(100, 100, 0), 100, 100);
        f.computer.uiTreeFailure = OpendeskException.capabilityUnsupported(Capability.UI_TREE, "local/linux");
        ToolResult result = f.run("screenshot", "{\"marks\":true}");
        assertThat(result.error()).isFalse();
        assertThat(result.output()).contains("no accessibility tree (ui.tree)");
        assertThat(result.attachments()).hasSize(1);
    }

    @Test
    void cursorIsDrawnAndReported() {
        f.computer.captureAnswer = ToolFixtures.pixmap(ToolFixtures.image(200, 200, 0x000000), 200, 200);
        ToolResult result = f.run("screenshot", "{\"show_cursor\":true}");
        assertThat(result.output()).endsWith("Cursor position (logical): (50, 60)");
        int rgb = ToolFixtures.decode(result.attachments().get(0).content()).getRGB(50, 55) & 0xffffff;
        assertThat(rgb >> 16).isGreaterThan(150);
    }

    @Test
    void savePathWritesTheImage(@TempDir Path dir) throws Exception {
        f.computer.captureAnswer = ToolFixtures.pixmap(ToolFixtures.image(50, 40, 0x123456), 50, 40);
        Path target = dir.resolve("a/b/shot.png");
        ToolResult result = f.run("screenshot", "{\"save_path\":\"" + target + "\"}");
        assertThat(result.output()).startsWith("Captured 50x40 screenshot -> saved to " + target + ".");
        assertThat(Files.readAllBytes(target)).isEqualTo(result.attachments().get(0).content());

        Files.writeString(dir.resolve("file"), "x");
        ToolResult failed = f.run("screenshot", "{\"save_path\":\"" + dir.resolve("file/shot.png") + "\"}");
        assertThat(failed.error()).isTrue();
        assertThat(failed.output()).startsWith("Screenshot captured (50x40) but could not be saved to '");
        assertThat(failed.attachments()).hasSize(1);
    }

    @Test
    void sandboxRegionRefusesOutsideRegions() {
        f.context.session().restrictRegion(new Rect(0, 0, 100, 100));
        ToolResult result = f.run("screenshot", "{\"region\":[500,500,10,10]}");
        assertThat(result.title()).isEqualTo("Screenshot denied");
        assertThat(result.output()).isEqualTo("The requested region is outside the permitted screen area.");
        assertThat(f.computer.calls).isEmpty();
    }

    @Test
    void captureFailuresAreErrorResults() {
        f.computer.captureAnswer = dev.opendesk.core.testing.ScriptedComputer.PIXMAP; // not a decodable PNG
        ToolResult result = f.run("screenshot", "{}");
        assertThat(result.error()).isTrue();
        assertThat(result.output()).startsWith("Failed to capture screenshot: ");
    }
}
