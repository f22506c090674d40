package dev.opendesk.core.image;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG through ImageIO's built-in (native) writer: the rows are copied in bulk into the byte
 * array behind a {@code TYPE_3BYTE_BGR} image, the writer's fast path, and written with an
 * explicit quality and an in-memory stream (no ImageIO cache files).
 */
final class JpegEncoder {
    private JpegEncoder() {}

    static byte[] encode(int width, int height, RgbRows bgrRows, int quality) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int rowBytes = width * 3;
        byte[] row = new byte[rowBytes];
        for (int y = 0; y < height; y++) {
            bgrRows.next(row);
            System.arraycopy(row, 0, data, y * rowBytes, rowBytes);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new OpendeskException(ErrorCode.INTERNAL, "no JPEG writer in this JDK");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, rowBytes * height / 10));
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "JPEG encoding failed: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
