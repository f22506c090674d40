package dev.opendesk.core.tool;

import dev.opendesk.core.image.EncodeSettings;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.image.PixmapDecoder;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.image.Scaling;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Screenshot pixels for the tools: decoding a Pixmap, fitting a model's image budget, and
 * encoding through the one {@link ImagePipeline}.
 */
final class ScreenImages {
    /** The smallest long edge a caller may ask for. */
    static final int MIN_EDGE = 64;
    /** At most this many pixels (about 1.15 megapixels, a model's image budget). */
    static final long MAX_PIXELS = 1_150_000;
    /** The encoded image must be smaller than this many bytes. */
    static final int MAX_BYTES = 1_000_000;

    /**
     * PNG is not tried when its estimated size is this many times the budget (the estimate is
     * within a few per cent on desktop content; see PngEstimateTest).
     */
    static final double PNG_HOPELESS = 1.0;
    private static final int SAMPLE_ROWS = 16;
    private static final int SAMPLE_EVERY = 8;

    private ScreenImages() {}

    /**
     * The largest size with the aspect ratio of {@code width × height} (as the pipeline rounds
     * it) whose long edge is at most {@code maxEdge} and whose area is at most {@code maxPixels};
     * never larger than the source.
     */
    static Scaling.Size budget(int width, int height, int maxEdge, long maxPixels) {
        double scale = Math.min(1.0, Math.min((double) maxEdge / Math.max(width, height),
                Math.sqrt((double) maxPixels / ((double) width * height))));
        int targetWidth = Math.max(1, (int) Math.floor(width * scale));
        while (true) {
            Scaling.Size size = Scaling.encodedSize(width, height, targetWidth);
            if (targetWidth <= 1 || (Math.max(size.width(), size.height()) <= maxEdge
                    && (long) size.width() * size.height() <= maxPixels)) {
                return size;
            }
            targetWidth--;
        }
    }

    /**
     * Encodes {@code frame} at {@code size} or smaller so that it takes fewer than
     * {@code maxBytes}: PNG first, then JPEG at falling quality, then smaller.
     */
    static Pixmap encodeWithinBudget(ImagePipeline pipeline, RawFrame frame, Scaling.Size size, int maxBytes,
                                     int logicalWidth, int logicalHeight, @org.jspecify.annotations.Nullable String displayId, double capturedAt) {
        // Scale once; PNG and the JPEG qualities all encode the same scaled pixels.
        RawFrame scaled = pipeline.scale(frame, size.width(), size.height());
        // A PNG that is bound to miss the budget by far is not worth making: estimate its size
        // from a sample of the rows first (photos, video and gradients compress badly).
        if (estimatePngBytes(pipeline, scaled) < PNG_HOPELESS * maxBytes) {
            EncodeSettings asIs = new EncodeSettings(PixmapFormat.PNG, 0, 80);
            Pixmap png = pipeline.encode(scaled, asIs, logicalWidth, logicalHeight, displayId, capturedAt);
            if (png.size() < maxBytes) {
                return png;
            }
        }
        int width = size.width();
        int[] qualities = {85, 70};
        while (true) {
            Pixmap jpeg = null;
            for (int quality : qualities) {
                jpeg = pipeline.encode(scaled, new EncodeSettings(PixmapFormat.JPEG, 0, quality),
                        logicalWidth, logicalHeight, displayId, capturedAt);
                if (jpeg.size() < maxBytes) {
                    return jpeg;
                }
            }
            if (width <= MIN_EDGE) {
                return jpeg;
            }
            width = Math.max(MIN_EDGE, (int) (width * 0.8));
            Scaling.Size smaller = Scaling.encodedSize(frame.width(), frame.height(), width);
            scaled = pipeline.scale(frame, smaller.width(), smaller.height());
        }
    }

    /**
     * The PNG size of {@code frame} estimated from every {@value #SAMPLE_EVERY}th band of
     * {@value #SAMPLE_ROWS} rows, encoded as one image; the whole frame for small frames.
     */
    static long estimatePngBytes(ImagePipeline pipeline, RawFrame frame) {
        int bands = frame.height() / SAMPLE_ROWS;
        int sampledBands = (bands + SAMPLE_EVERY - 1) / SAMPLE_EVERY;
        if (sampledBands < 4) {
            return 0; // too small to sample: just encode it
        }
        int w = frame.width();
        byte[] sample = new byte[w * 4 * SAMPLE_ROWS * sampledBands];
        ByteBuffer source = frame.pixels().duplicate();
        source.clear();
        int row = 0;
        for (int band = 0; band < bands; band += SAMPLE_EVERY) {
            for (int y = band * SAMPLE_ROWS; y < (band + 1) * SAMPLE_ROWS; y++, row++) {
                source.get((int) ((long) y * frame.stride()), sample, row * w * 4, w * 4);
            }
        }
        RawFrame sampled = new RawFrame(w, row, w * 4, ByteBuffer.wrap(sample));
        Pixmap png = pipeline.encode(sampled, new EncodeSettings(PixmapFormat.PNG, 0, 80), w, row, null, 0);
        return (long) ((double) png.size() * frame.height() / row);
    }

    /**
     * A frame that overlays (marks, cursor) draw on: the drawable image is made on first use,
     * and {@link #frame()} gives the pixels with whatever was drawn.
     */
    static final class Canvas {
        private final RawFrame original;
        private @org.jspecify.annotations.Nullable BufferedImage image;

        Canvas(RawFrame original) {
            this.original = original;
        }

        BufferedImage image() {
            BufferedImage made = image;
            if (made == null) {
                made = toImage(original);
                image = made;
            }
            return made;
        }

        RawFrame frame() {
            BufferedImage drawn = image;
            return drawn == null ? original : PixmapDecoder.fromImage(drawn);
        }
    }

    /** The pixels of a raw frame as a {@link BufferedImage#TYPE_INT_RGB} image. */
    static BufferedImage toImage(RawFrame frame) {
        int w = frame.width();
        int h = frame.height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        ByteBuffer source = frame.pixels().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        source.clear();
        for (int y = 0; y < h; y++) {
            source.position((int) ((long) y * frame.stride()));
            source.asIntBuffer().get(pixels, y * w, w);
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xffffff;
        }
        return image;
    }
}
