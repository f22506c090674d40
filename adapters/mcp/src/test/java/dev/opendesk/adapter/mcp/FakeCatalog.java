package dev.opendesk.adapter.mcp;

import dev.opendesk.spi.ToolCall;
import dev.opendesk.spi.ToolCallResult;
import dev.opendesk.spi.ToolCatalog;
import dev.opendesk.spi.ToolContent;
import dev.opendesk.spi.ToolDescriptor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * A catalog with one tool of each kind an adapter must map: text, text + image, a failing tool,
 * a tool whose call throws, and one with no output. It remembers the calls it got.
 */
final class FakeCatalog implements ToolCatalog {
    static final String VERSION = "9.8.7-test";
    static final byte[] PNG = png();

    final List<ToolCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public List<ToolDescriptor> tools() {
        return List.of(
                new ToolDescriptor("echo", "Echoes its text argument.",
                        "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\",\"description\":\"what to echo\"}},"
                                + "\"required\":[\"text\"],\"additionalProperties\":false}"),
                new ToolDescriptor("snap", "Returns a 3x2 PNG.", "{\"type\":\"object\",\"properties\":{}}"),
                new ToolDescriptor("fail", "Always fails.", "{\"type\":\"object\",\"properties\":{}}"),
                new ToolDescriptor("explode", "Its catalog throws.", "{\"type\":\"object\",\"properties\":{}}"),
                new ToolDescriptor("quiet", "Succeeds without output.", "{\"type\":\"object\",\"properties\":{}}"));
    }

    @Override
    public ToolCallResult call(ToolCall call) {
        calls.add(call);
        return switch (call.toolName()) {
            case "echo" -> ToolCallResult.text("echo: " + call.argumentsJson());
            case "snap" -> new ToolCallResult(false, List.of(new ToolContent.Text("Screenshot 3x2"), new ToolContent.Image("image/png", PNG)));
            case "fail" -> ToolCallResult.failure("ERROR: this tool always fails");
            case "explode" -> throw new IllegalStateException("the catalog exploded");
            case "quiet" -> new ToolCallResult(false, List.of());
            default -> ToolCallResult.failure("the fake catalog has no tool " + call.toolName());
        };
    }

    @Override
    public String hostVersion() {
        return VERSION;
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        image.setRGB(2, 1, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
