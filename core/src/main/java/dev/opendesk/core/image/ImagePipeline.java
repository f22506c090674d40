package dev.opendesk.core.image;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Raw frame → scaled → encoded → {@link Pixmap}. Thread-safe (no shared mutable state; every
 * call uses its own buffers).
 *
 * <p>Scaling, when the frame is wider than {@link EncodeSettings#maxWidth()}, is a separable
 * fixed-point area-averaging filter (each output pixel is the mean of the source area it
 * covers; a whole factor such as 3840 → 1920 takes a direct 2×2 box path), which keeps text
 * legible and costs a few taps per pixel. PNG is written by our own encoder (RGB, UP filter,
 * zlib level 1, large images deflated in bands on several cores and joined into one stream);
 * JPEG goes through ImageIO's native writer. The frame's buffer is read with absolute gets on a
 * duplicate, so its position and limit are left alone.
 */
public final class ImagePipeline {
    /** Scaling below this many output pixels stays on the calling thread. */
    private static final long PARALLEL_SCALE_PIXELS = 200_000;
    private static final int SCALE_PARTS = Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1;

    private final Resampler.Filter filter;

    /** The default pipeline (area-averaging downscale). */
    public ImagePipeline() {
        this(Resampler.Filter.AREA);
    }

    ImagePipeline(Resampler.Filter filter) {
        this.filter = requireNonNull(filter, "filter is null");
    }

    /**
     * The frame scaled to {@code width × height} with this pipeline's filter, as a new heap
     * frame (B, G, R, X); the frame itself when it has that size already. Scale once and encode
     * the result as often as needed (e.g. PNG, then JPEG) instead of scaling in every encode.
     */
    public RawFrame scale(RawFrame frame, int width, int height) {
        requireNonNull(frame, "frame is null");
        if (width == frame.width() && height == frame.height()) {
            return frame;
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + width + "x" + height);
        }
        byte[] out = new byte[width * height * 4];
        int parts = (long) width * height < PARALLEL_SCALE_PIXELS ? 1 : SCALE_PARTS;
        if (parts == 1) {
            scaleRows(frame, width, height, 0, height, out);
        } else {
            // Output rows are independent: the bottom part on a pool thread, the top one here.
            int split = height / 2;
            CompletableFuture<Void> bottom = CompletableFuture.runAsync(() -> scaleRows(frame, width, height, split, height, out));
            scaleRows(frame, width, height, 0, split, out);
            try {
                bottom.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return new RawFrame(width, height, width * 4, ByteBuffer.wrap(out));
    }

    private void scaleRows(RawFrame frame, int width, int height, int from, int to, byte[] out) {
        RgbRows rows = Resampler.scaled(frame, width, height, filter, false, from);
        byte[] row = new byte[width * 3];
        for (int y = from, d = from * width * 4; y < to; y++) {
            rows.next(row);
            for (int x = 0, s = 0; x < width; x++, s += 3, d += 4) {
                out[d] = row[s];
                out[d + 1] = row[s + 1];
                out[d + 2] = row[s + 2];
            }
        }
    }

    /**
     * A fresh encoder for the frames of one display stream, with this pipeline's filter: it
     * re-encodes only the bands that changed from one frame to the next ({@link StreamEncoder}).
     */
    public StreamEncoder newStream() {
        return new StreamEncoder(this, filter);
    }

    /**
     * Encodes one frame. The Pixmap's {@code width}/{@code height} are the encoded size, its
     * {@code logical_*} the given logical size, so {@link Pixmap#toLogical} stays exact.
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
        Scaling.Size size = Scaling.encodedSize(frame.width(), frame.height(), settings.maxWidth());
        boolean png = settings.format() == PixmapFormat.PNG;
        boolean scale = size.width() != frame.width() || size.height() != frame.height();
        IntFunction<RgbRows> rowsFrom = startRow -> scale
                ? Resampler.scaled(frame, size.width(), size.height(), filter, png, startRow)
                : RgbRows.direct(frame, png, startRow);
        byte[] data = png
                ? PngEncoder.encode(size.width(), size.height(), rowsFrom)
                : JpegEncoder.encode(size.width(), size.height(), rowsFrom.apply(0), settings.jpegQuality());
        return new Pixmap(data, settings.format(), size.width(), size.height(),
                logicalWidth, logicalHeight, displayId, capturedAt);
    }
}
