package dev.opendesk.core.image;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * Raw frame → scaled → encoded → {@link Pixmap}. Thread-safe.
 *
 * <p>First version: straightforward ImageIO encoding, correct but not fast; the fast path
 * replaces the internals without changing this API.
 */
public final class ImagePipeline {
    /**
     * Encodes one frame.
     *
     * @param logicalWidth the captured area's width in logical pixels (the OS's coordinates)
     * @param logicalHeight its height in logical pixels
     * @param displayId echoed into the Pixmap
     * @param capturedAt Unix seconds
     */
    public Pixmap encode(RawFrame frame, EncodeSettings settings, int logicalWidth, int logicalHeight,
                         @Nullable String displayId, double capturedAt) {
        requireNonNull(frame, "frame is null");
        requireNonNull(settings, "settings is null");
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[frame.width()];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                row[x] = frame.rgb(x, y);
            }
            image.setRGB(0, y, frame.width(), 1, row, 0, frame.width());
        }
        BufferedImage scaled = image;
        if (settings.maxWidth() > 0 && frame.width() > settings.maxWidth()) {
            int width = settings.maxWidth();
            int height = Math.max(1, (int) Math.round((double) frame.height() * width / frame.width()));
            scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            var graphics = scaled.createGraphics();
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(scaled, settings.format().wire(), out)) {
                throw new OpendeskException(ErrorCode.INTERNAL, "no ImageIO writer for " + settings.format().wire());
            }
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "image encoding failed: " + e.getMessage(), e);
        }
        return new Pixmap(out.toByteArray(), settings.format(), scaled.getWidth(), scaled.getHeight(),
                logicalWidth, logicalHeight, displayId, capturedAt);
    }
}
