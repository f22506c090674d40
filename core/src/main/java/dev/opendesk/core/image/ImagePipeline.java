package dev.opendesk.core.image;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>An {@link ImageCodec} (a plugin, typically native) may take over scaling, PNG or JPEG: the
 * pipeline asks it which on its first image and uses it for those steps. A codec that fails on an
 * image is logged and not asked again; that image and every later one take the pure-Java path.
 */
public final class ImagePipeline {
    /** Scaling below this many output pixels stays on the calling thread. */
    private static final long PARALLEL_SCALE_PIXELS = 200_000;
    private static final int SCALE_PARTS = Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1;

    private static final Logger LOG = LoggerFactory.getLogger(ImagePipeline.class);

    private final Resampler.Filter filter;
    private final ImageCodec codec;
    /** What {@link #codec} takes over; null until the first image asks. */
    private volatile @Nullable Set<ImageCodec.Operation> codecOperations;

    /** The pure-Java pipeline (area-averaging downscale). */
    public ImagePipeline() {
        this(ImageCodec.JAVA);
    }

    /** A pipeline that hands the steps {@code codec} takes over to it (area-averaging downscale). */
    public ImagePipeline(ImageCodec codec) {
        this(Resampler.Filter.AREA, codec);
    }

    ImagePipeline(Resampler.Filter filter) {
        this(filter, ImageCodec.JAVA);
    }

    private ImagePipeline(Resampler.Filter filter, ImageCodec codec) {
        this.filter = requireNonNull(filter, "filter is null");
        this.codec = requireNonNull(codec, "codec is null");
    }

    /** The codec's name when it takes over at least one step, else {@code java}. Asks the codec (may load it). */
    public String codecName() {
        return codecOperations().isEmpty() ? ImageCodec.JAVA.name() : codec.name();
    }

    /**
     * The steps the codec takes over (the rest are pure Java). Asks the codec (may load it).
     */
    public Set<ImageCodec.Operation> codecSteps() {
        return codecOperations();
    }

    private Set<ImageCodec.Operation> codecOperations() {
        Set<ImageCodec.Operation> ops = codecOperations;
        if (ops == null) {
            synchronized (this) {
                ops = codecOperations;
                if (ops == null) {
                    ops = askCodec();
                    codecOperations = ops;
                }
            }
        }
        return ops;
    }

    private Set<ImageCodec.Operation> askCodec() {
        if (codec == ImageCodec.JAVA) {
            return Set.of();
        }
        try {
            Set<ImageCodec.Operation> ops = Set.copyOf(codec.operations());
            // The codec's scaler is area-like; a pipeline built for another filter keeps its own.
            if (filter != Resampler.Filter.AREA && ops.contains(ImageCodec.Operation.SCALE)) {
                EnumSet<ImageCodec.Operation> without = EnumSet.noneOf(ImageCodec.Operation.class);
                without.addAll(ops);
                without.remove(ImageCodec.Operation.SCALE);
                ops = Set.copyOf(without);
            }
            LOG.debug("image codec {} takes over {}", codec.name(), ops);
            return ops;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("image codec {} is unusable, using the pure-Java pipeline: {}", codec.name(), e.toString());
            return Set.of();
        }
    }

    private boolean codecDoes(ImageCodec.Operation operation) {
        return codecOperations().contains(operation);
    }

    /** The codec failed on an image: say so once and use pure Java from now on. */
    private void codecFailed(ImageCodec.Operation operation, Throwable e) {
        synchronized (this) {
            if (!Objects.equals(codecOperations, Set.of())) {
                LOG.warn("image codec {} failed ({}), using the pure-Java pipeline from now on: {}",
                        codec.name(), operation, e.toString());
                codecOperations = Set.of();
            }
        }
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
        if (codecDoes(ImageCodec.Operation.SCALE) && width <= frame.width() && height <= frame.height()) {
            try {
                return codec.scale(frame, width, height);
            } catch (RuntimeException | LinkageError e) {
                codecFailed(ImageCodec.Operation.SCALE, e);
            }
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
        ImageCodec.Operation encoding = png ? ImageCodec.Operation.PNG : ImageCodec.Operation.JPEG;
        if (codecDoes(encoding)) {
            RawFrame scaled = scale(frame, size.width(), size.height());
            try {
                byte[] data = png ? codec.encodePng(scaled) : codec.encodeJpeg(scaled, settings.jpegQuality());
                return new Pixmap(data, settings.format(), size.width(), size.height(),
                        logicalWidth, logicalHeight, displayId, capturedAt);
            } catch (RuntimeException | LinkageError e) {
                codecFailed(encoding, e);
            }
            frame = scaled;
        } else if (codecDoes(ImageCodec.Operation.SCALE)) {
            frame = scale(frame, size.width(), size.height());
        }
        RawFrame source = frame;
        boolean scale = size.width() != source.width() || size.height() != source.height();
        IntFunction<RgbRows> rowsFrom = startRow -> scale
                ? Resampler.scaled(source, size.width(), size.height(), filter, png, startRow)
                : RgbRows.direct(source, png, startRow);
        byte[] data = png
                ? PngEncoder.encode(size.width(), size.height(), rowsFrom)
                : JpegEncoder.encode(size.width(), size.height(), rowsFrom.apply(0), settings.jpegQuality());
        return new Pixmap(data, settings.format(), size.width(), size.height(),
                logicalWidth, logicalHeight, displayId, capturedAt);
    }
}
