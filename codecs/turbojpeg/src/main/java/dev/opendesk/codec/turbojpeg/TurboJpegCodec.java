package dev.opendesk.codec.turbojpeg;

import static java.util.Objects.requireNonNull;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.HostPlatform;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JPEG through libjpeg-turbo's TurboJPEG API: the frame's B, G, R, X rows go to
 * {@code tjCompress2} as they are ({@code TJPF_BGRX}, the frame's stride as pitch), with 4:2:0
 * chroma subsampling like ImageIO's writer. Direct buffers are read in place; a heap buffer is
 * copied once into native memory. Every call uses its own compressor instance, so the codec is
 * thread-safe and holds no native state between images.
 *
 * <p>The library is loaded on the first {@link #operations()} call (or the first image), not when
 * the codec is created; when it cannot be loaded the codec takes over nothing.
 */
public final class TurboJpegCodec implements ImageCodec {
    private static final Logger LOG = LoggerFactory.getLogger(TurboJpegCodec.class);

    private final Supplier<Optional<Path>> libraryFile;
    private final Object lock = new Object();
    /** Set once the library was tried; {@link #library} stays null when that failed. */
    private volatile boolean tried;
    private volatile @Nullable TurboJpegLibrary library;
    private volatile String failure = "";

    /** A codec that looks for libturbojpeg in this machine's usual places when first used. */
    public TurboJpegCodec() {
        this(() -> LibraryLocation.of(HostPlatform.current()).find());
    }

    /** A codec that loads the given library file, or lets JNA search by name when it is empty. */
    TurboJpegCodec(Supplier<Optional<Path>> libraryFile) {
        this.libraryFile = requireNonNull(libraryFile, "libraryFile is null");
    }

    @Override
    public String name() {
        return "turbojpeg";
    }

    @Override
    public Set<Operation> operations() {
        return load() == null ? Set.of() : Set.of(Operation.JPEG);
    }

    @Override
    public byte[] encodeJpeg(RawFrame frame, int quality) {
        requireNonNull(frame, "frame is null");
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100, got " + quality);
        }
        TurboJpegLibrary tj = load();
        if (tj == null) {
            throw new IllegalStateException("libturbojpeg is not usable: " + failure);
        }
        ByteBuffer pixels = frame.pixels();
        long bytes = (long) frame.stride() * (frame.height() - 1) + frame.width() * 4L;
        Memory copy = null;
        try {
            Pointer source;
            if (pixels.isDirect()) {
                source = Native.getDirectBufferPointer(pixels);
            } else {
                copy = new Memory(bytes);
                copy.getByteBuffer(0, bytes).put(0, pixels, 0, (int) bytes);
                source = copy;
            }
            return compress(tj, source, frame, quality);
        } finally {
            if (copy != null) {
                copy.close();
            }
            // The native code reads a direct buffer's memory: keep the buffer alive until it is done.
            Reference.reachabilityFence(pixels);
        }
    }

    private static byte[] compress(TurboJpegLibrary tj, Pointer source, RawFrame frame, int quality) {
        Pointer handle = tj.tjInitCompress();
        if (handle == null) {
            throw new OpendeskException(ErrorCode.INTERNAL, "TurboJPEG could not create a compressor: " + tj.tjGetErrorStr2(null));
        }
        try {
            PointerByReference output = new PointerByReference();
            NativeLongByReference size = new NativeLongByReference(new NativeLong(0));
            int status = tj.tjCompress2(handle, source, frame.width(), frame.stride(), frame.height(),
                    TurboJpegLibrary.TJPF_BGRX, output, size, TurboJpegLibrary.TJSAMP_420, quality, 0);
            Pointer jpeg = output.getValue();
            try {
                if (status != 0) {
                    throw new OpendeskException(ErrorCode.INTERNAL, "TurboJPEG compression failed: " + tj.tjGetErrorStr2(handle));
                }
                long length = size.getValue().longValue();
                if (jpeg == null || length <= 0 || length > Integer.MAX_VALUE - 8) {
                    throw new OpendeskException(ErrorCode.INTERNAL, "TurboJPEG returned no image (" + length + " bytes)");
                }
                return jpeg.getByteArray(0, (int) length);
            } finally {
                if (jpeg != null) {
                    tj.tjFree(jpeg);
                }
            }
        } finally {
            tj.tjDestroy(handle);
        }
    }

    /** The library, loading it on the first call; null (after one warning) when it is unusable. */
    private @Nullable TurboJpegLibrary load() {
        if (tried) {
            return library;
        }
        synchronized (lock) {
            if (!tried) {
                try {
                    library = bind(libraryFile.get());
                } catch (Exception | LinkageError e) {
                    failure = e.toString();
                    LOG.warn("libturbojpeg cannot be loaded, JPEG stays with the pure-Java pipeline: {}", failure);
                } finally {
                    tried = true;
                }
            }
            return library;
        }
    }

    private static TurboJpegLibrary bind(Optional<Path> file) {
        String name = file.map(Path::toString).orElse("turbojpeg");
        NativeLibrary lib = NativeLibrary.getInstance(name);
        for (String function : TurboJpegLibrary.FUNCTIONS) {
            lib.getFunction(function); // an UnsatisfiedLinkError now rather than on the first image (TurboJPEG < 2.0)
        }
        TurboJpegLibrary tj = Native.load(name, TurboJpegLibrary.class);
        LOG.debug("loaded TurboJPEG from {}", lib.getFile() == null ? name : lib.getFile());
        return tj;
    }
}
