package dev.opendesk.core.tool;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.testing.ScriptedComputer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/** Shared helpers of the tool tests: a scripted Computer, contexts, real PNGs, a sleeper that only records. */
final class ToolFixtures {
    /** Every sleep asked for, in milliseconds. */
    final List<Long> slept = new CopyOnWriteArrayList<>();
    final ScriptedComputer computer = new ScriptedComputer();
    final ToolOptions options = ToolOptions.defaults().withSleeper(slept::add);
    final ToolRegistry registry = Tools.standardRegistry(options);
    final ToolContext context = registry.context("test-session", computer, ToolContext.PermissionCheck.ALLOW_ALL);

    ToolResult run(String tool, String json) {
        return registry.require(tool).execute(context, json(json));
    }

    static JsonObject json(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    /** The pointer events the computer received. */
    List<PointerEvent> pointerEvents() {
        return computer.calls.stream().filter(c -> c.get(0).equals("pointer")).map(c -> (PointerEvent) c.get(1)).toList();
    }

    /** The key events the computer received. */
    List<KeyEvent> keyEvents() {
        return computer.calls.stream().filter(c -> c.get(0).equals("key")).map(c -> (KeyEvent) c.get(1)).toList();
    }

    /** The calls of one method. */
    List<List<Object>> calls(String method) {
        return computer.calls.stream().filter(c -> c.get(0).equals(method)).toList();
    }

    static BufferedImage image(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Pixmap pixmap(BufferedImage image, int logicalWidth, int logicalHeight) {
        return new Pixmap(png(image), PixmapFormat.PNG, image.getWidth(), image.getHeight(), logicalWidth, logicalHeight,
                "1", 1_700_000_000.0);
    }

    static BufferedImage decode(byte[] data) {
        try {
            return ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
