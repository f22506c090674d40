package dev.opendesk.core.image;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;

/** Turns an encoded {@link Pixmap} (PNG, JPEG or raw RGB/RGBA) back into a {@link RawFrame}. */
public final class PixmapDecoder {
    private PixmapDecoder() {}

    /**
     * The pixels of {@code pixmap} as a heap frame (B, G, R, X).
     *
     * @throws OpendeskException {@code internal} when the data cannot be decoded
     */
    public static RawFrame decode(Pixmap pixmap) {
        requireNonNull(pixmap, "pixmap is null");
        byte[] data = pixmap.data();
        int w = pixmap.width();
        int h = pixmap.height();
        switch (pixmap.format()) {
            case PNG:
            case JPEG: {
                BufferedImage image;
                try {
                    image = ImageIO.read(new ByteArrayInputStream(data));
                } catch (IOException e) {
                    throw new OpendeskException(ErrorCode.INTERNAL,
                            "cannot decode the " + pixmap.format().wire() + " image: " + e.getMessage(), e);
                }
                if (image == null) {
                    throw new OpendeskException(ErrorCode.INTERNAL,
                            "cannot decode the " + pixmap.format().wire() + " image (" + data.length + " bytes)");
                }
                return fromImage(image);
            }
            default: {
                int channels = pixmap.format() == PixmapFormat.RAW_RGB ? 3 : 4;
                if ((long) w * h * channels > data.length) {
                    throw new OpendeskException(ErrorCode.INTERNAL, "raw image too short for " + w + "x" + h);
                }
                byte[] out = new byte[w * h * 4];
                for (int i = 0, s = 0, d = 0; i < w * h; i++, s += channels, d += 4) {
                    out[d] = data[s + 2];
                    out[d + 1] = data[s + 1];
                    out[d + 2] = data[s];
                }
                return new RawFrame(w, h, w * 4, ByteBuffer.wrap(out));
            }
        }
    }

    /** The pixels of any image as a heap frame (B, G, R, X); alpha is dropped. */
    public static RawFrame fromImage(BufferedImage image) {
        requireNonNull(image, "image is null");
        int w = image.getWidth();
        int h = image.getHeight();
        ByteBuffer buffer = ByteBuffer.allocate(w * h * 4).order(ByteOrder.LITTLE_ENDIAN);
        if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getDataBuffer() instanceof DataBufferInt data
                && data.getData().length == w * h) {
            buffer.asIntBuffer().put(data.getData(), 0, w * h); // 0x00RRGGBB little-endian is B, G, R, X
            return new RawFrame(w, h, w * 4, buffer);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            buffer.asIntBuffer().put(y * w, row, 0, w);
        }
        return new RawFrame(w, h, w * 4, buffer);
    }
}
