package dev.opendesk.core.image;

import java.util.Set;

/**
 * An alternative implementation, typically native, of some of the pipeline's inner steps:
 * scaling a frame and encoding it as PNG or JPEG. {@link ImagePipeline} hands a step to its codec
 * when the codec lists it in {@link #operations()} and runs every other step in its own pure-Java
 * code. A codec plugs in through the SPI's {@code ImageCodecProvider}; native code never lives in
 * core.
 *
 * <p>Frames are B, G, R, X in memory ({@link RawFrame}); their buffers may be heap or direct and
 * must only be read. Implementations are thread-safe: the pipeline calls them from several
 * threads at once.
 */
public interface ImageCodec {
    /** A step of the pipeline a codec may take over. */
    enum Operation {
        /** {@link #scale}: downscaling a frame (area-like: every output pixel averages the source it covers). */
        SCALE,
        /** {@link #encodePng}: an 8-bit RGB PNG of a frame. */
        PNG,
        /** {@link #encodeJpeg}: a baseline JPEG of a frame. */
        JPEG
    }

    /** The pure-Java pipeline alone: takes over no step. */
    ImageCodec JAVA = new ImageCodec() {
        @Override
        public String name() {
            return "java";
        }

        @Override
        public Set<Operation> operations() {
            return Set.of();
        }
    };

    /** A short name for logs and {@code opendesk plugins}, e.g. {@code lwjgl}. */
    String name();

    /**
     * The steps this codec takes over. The pipeline asks once, on its first image, not at start-up:
     * this is where a codec may load its native library, and it answers an empty set (after
     * logging why) when that fails. Must not throw.
     */
    Set<Operation> operations();

    /**
     * The frame scaled to {@code width × height} (both positive, at most the frame's size), as a
     * new frame with a tightly packed heap buffer ({@code stride == 4 × width}).
     */
    default RawFrame scale(RawFrame frame, int width, int height) {
        throw new UnsupportedOperationException(name() + " does not scale");
    }

    /** The whole frame as an 8-bit RGB PNG file (the X byte dropped). */
    default byte[] encodePng(RawFrame frame) {
        throw new UnsupportedOperationException(name() + " does not write PNG");
    }

    /** The whole frame as a baseline JPEG file of the given quality (1..100). */
    default byte[] encodeJpeg(RawFrame frame, int quality) {
        throw new UnsupportedOperationException(name() + " does not write JPEG");
    }
}
