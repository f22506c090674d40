package dev.opendesk.core.image;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
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
    private final Resampler.Filter filter;

    /** The default pipeline (area-averaging downscale). */
    public ImagePipeline() {
        this(Resampler.Filter.AREA);
    }

    ImagePipeline(Resampler.Filter filter) {
        this.filter = requireNonNull(filter, "filter is null");
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
