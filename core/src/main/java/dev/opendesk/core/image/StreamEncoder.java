package dev.opendesk.core.image;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Encodes the frames of one display stream, redoing only what changed since the previous frame.
 * Every frame still comes out as a complete PNG (a keyframe), byte-for-byte a valid image on its
 * own; what is reused is work, not data on the wire.
 *
 * <p>{@link #update} copies a captured frame into the encoder's own buffer row by row, comparing
 * each row with the previous frame's (a vectorised mismatch) and remembering which rows changed;
 * it is meant to run while the capture buffer is valid (e.g. shared memory the next grab
 * overwrites). {@link #encode} then writes the PNG in bands of {@value #BAND_ROWS} output rows,
 * each an independent raw deflate stream (see {@link PngEncoder}): a band whose source rows,
 * including the row above it that the UP filter reads, did not change keeps its compressed bytes
 * and Adler-32 from the previous frame, the changed bands are deflated again (in parallel when
 * there is enough of them), and the bands are joined into one IDAT. If nothing changed the
 * previous PNG is returned again. Downscaled frames (wider than {@link EncodeSettings#maxWidth()})
 * reuse bands the same way, a band depending on the source rows its filter reads. JPEG frames
 * are encoded whole by the {@link ImagePipeline}.
 *
 * <p>Not thread-safe: one producer calls {@code update} and {@code encode} in turn. A frame of a
 * different size starts afresh.
 */
public final class StreamEncoder {
    /** Output rows per band: small enough that a changed line of text re-encodes little. */
    static final int BAND_ROWS = 32;

    private final ImagePipeline pipeline;
    private final Resampler.Filter filter;
    private byte[] pixels = new byte[0];
    private int width;
    private int height;
    /** Whether each source row changed since the last {@link #encode}. */
    private boolean[] changed = new boolean[0];
    private boolean anyChanged;
    private boolean hasFrame;

    private @Nullable BandCache cache;
    private int bandsReused;
    private int bandsEncoded;

    StreamEncoder(ImagePipeline pipeline, Resampler.Filter filter) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.filter = requireNonNull(filter, "filter is null");
    }

    /**
     * Takes in a captured frame: copies the rows that differ from the previous frame into the
     * encoder's buffer and marks them for re-encoding. The frame's buffer is only read, during
     * this call, with absolute reads on a duplicate.
     */
    public void update(RawFrame frame) {
        requireNonNull(frame, "frame is null");
        int rowBytes = frame.width() * 4;
        if (!hasFrame || frame.width() != width || frame.height() != height) {
            long size = (long) rowBytes * frame.height();
            if (size > Integer.MAX_VALUE - 64) {
                throw new OpendeskException(ErrorCode.INTERNAL, "frame too large to stream: " + frame.width() + "x"
                        + frame.height());
            }
            width = frame.width();
            height = frame.height();
            pixels = new byte[(int) size];
            changed = new boolean[height];
            cache = null;
            hasFrame = true;
            copyAll(frame);
            Arrays.fill(changed, true);
            anyChanged = true;
            return;
        }
        ByteBuffer source = frame.pixels().duplicate();
        source.clear();
        ByteBuffer target = ByteBuffer.wrap(pixels);
        int stride = frame.stride();
        for (int y = 0; y < height; y++) {
            int from = y * stride;
            int to = y * rowBytes;
            source.limit(from + rowBytes).position(from);
            target.limit(to + rowBytes).position(to);
            if (source.mismatch(target) >= 0) {
                target.put(to, source, from, rowBytes);
                changed[y] = true;
                anyChanged = true;
            }
        }
    }

    private void copyAll(RawFrame frame) {
        ByteBuffer source = frame.pixels().duplicate();
        source.clear();
        int rowBytes = width * 4;
        if (frame.stride() == rowBytes) {
            source.get(0, pixels, 0, rowBytes * height);
        } else {
            for (int y = 0; y < height; y++) {
                source.get(y * frame.stride(), pixels, y * rowBytes, rowBytes);
            }
        }
    }

    /**
     * Encodes the last frame given to {@link #update}.
     *
     * @param logicalWidth the captured area's width in logical pixels
     * @param logicalHeight its height in logical pixels
     * @param displayId echoed into the Pixmap
     * @param capturedAt Unix seconds
     * @throws IllegalStateException before the first {@code update}
     */
    public Pixmap encode(EncodeSettings settings, int logicalWidth, int logicalHeight, @Nullable String displayId,
                         double capturedAt) {
        requireNonNull(settings, "settings is null");
        if (!hasFrame) {
            throw new IllegalStateException("no frame to encode yet");
        }
        RawFrame frame = new RawFrame(width, height, width * 4, ByteBuffer.wrap(pixels).order(ByteOrder.LITTLE_ENDIAN));
        if (settings.format() != PixmapFormat.PNG) {
            return pipeline.encode(frame, settings, logicalWidth, logicalHeight, displayId, capturedAt);
        }
        Scaling.Size size = Scaling.encodedSize(width, height, settings.maxWidth());
        BandCache bands = cache;
        if (bands == null || bands.outWidth != size.width() || bands.outHeight != size.height()) {
            bands = new BandCache(size.width(), size.height());
            cache = bands;
        } else if (!anyChanged && bands.png != null) {
            bandsReused += bands.parts.length;
            return new Pixmap(bands.png, PixmapFormat.PNG, size.width(), size.height(), logicalWidth, logicalHeight, displayId,
                    capturedAt);
        }
        boolean scale = size.width() != width || size.height() != height;
        List<Integer> dirty = new ArrayList<>();
        for (int b = 0; b < bands.parts.length; b++) {
            PngEncoder.Band part = bands.parts[b];
            if (part == null || sourceChanged(bands, b, scale)) {
                bands.sizeHints[b] = part == null ? 0 : part.size();
                bands.parts[b] = null;
                dirty.add(b);
            }
        }
        Arrays.fill(changed, false);
        anyChanged = false;
        bandsReused += bands.parts.length - dirty.size();
        bandsEncoded += dirty.size();
        IntFunction<RgbRows> rowsFrom = startRow -> scale
                ? Resampler.scaled(frame, size.width(), size.height(), filter, true, startRow)
                : RgbRows.direct(frame, true, startRow);
        compress(bands, dirty, rowsFrom);
        byte[] png = PngEncoder.assemble(size.width(), size.height(), Arrays.asList(bands.parts));
        bands.png = png;
        return new Pixmap(png, PixmapFormat.PNG, size.width(), size.height(), logicalWidth, logicalHeight, displayId,
                capturedAt);
    }

    /** Whether a source row that output band {@code b} (or the row above it) reads changed. */
    private boolean sourceChanged(BandCache bands, int b, boolean scale) {
        int outFrom = Math.max(0, bands.bounds[b] - 1);
        int outTo = bands.bounds[b + 1];
        int from;
        int to;
        if (scale) {
            double ratio = (double) height / bands.outHeight;
            int margin = (int) Math.ceil(filter.support * ratio) + 2;
            from = Math.max(0, (int) Math.floor(outFrom * ratio) - margin);
            to = Math.min(height, (int) Math.ceil(outTo * ratio) + margin);
        } else {
            from = outFrom;
            to = outTo;
        }
        for (int y = from; y < to; y++) {
            if (changed[y]) {
                return true;
            }
        }
        return false;
    }

    /** Deflates the dirty bands, on the shared band threads when there is enough work to share. */
    private static void compress(BandCache bands, List<Integer> dirty, IntFunction<RgbRows> rowsFrom) {
        if (dirty.isEmpty()) {
            return;
        }
        long work = (long) (bands.outWidth * 3 + 1) * BAND_ROWS * dirty.size();
        int workers = work < PngEncoder.PARALLEL_THRESHOLD ? 1 : Math.min(PngEncoder.MAX_BANDS, dirty.size());
        List<Runnable> tasks = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            List<Integer> share = dirty.subList(dirty.size() * w / workers, dirty.size() * (w + 1) / workers);
            tasks.add(() -> compressRuns(bands, share, rowsFrom));
        }
        if (workers == 1) {
            tasks.get(0).run();
            return;
        }
        ExecutorService pool = PngEncoder.pool();
        List<CompletableFuture<Void>> futures = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            futures.add(CompletableFuture.runAsync(tasks.get(w), pool));
        }
        tasks.get(0).run();
        try {
            for (CompletableFuture<Void> future : futures) {
                future.join();
            }
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new OpendeskException(ErrorCode.INTERNAL, "PNG encoding failed: " + cause, cause);
        }
    }

    /** Compresses the given bands (ascending), each run of consecutive ones from one row source. */
    private static void compressRuns(BandCache bands, List<Integer> share, IntFunction<RgbRows> rowsFrom) {
        int i = 0;
        while (i < share.size()) {
            int first = share.get(i);
            int end = first + 1;
            i++;
            while (i < share.size() && share.get(i) == end) {
                end++;
                i++;
            }
            PngEncoder.compressRun(bands.outWidth, bands.outHeight, bands.bounds, first, end, rowsFrom, bands.parts,
                    bands.sizeHints);
        }
    }

    /** How many bands were reused and how many deflated again so far (for tests and benchmarks). */
    int[] bandCounts() {
        return new int[] {bandsReused, bandsEncoded};
    }

    /** The compressed bands of the last encoded frame at one output size, and its PNG. */
    private static final class BandCache {
        final int outWidth;
        final int outHeight;
        final int[] bounds;
        final PngEncoder.@Nullable Band[] parts;
        /** Each band's compressed size before it was last invalidated (0 = unknown). */
        final int[] sizeHints;
        byte @Nullable [] png;

        BandCache(int outWidth, int outHeight) {
            this.outWidth = outWidth;
            this.outHeight = outHeight;
            int count = (outHeight + BAND_ROWS - 1) / BAND_ROWS;
            this.bounds = new int[count + 1];
            for (int b = 0; b <= count; b++) {
                bounds[b] = Math.min(outHeight, b * BAND_ROWS);
            }
            this.parts = new PngEncoder.Band[count];
            this.sizeHints = new int[count];
        }
    }
}
