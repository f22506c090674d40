package dev.opendesk.codec.lwjgl;

import static java.util.Objects.requireNonNull;
import static org.lwjgl.system.MemoryUtil.NULL;

import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.image.RawFrame;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.lwjgl.stb.STBIR_RESIZE;
import org.lwjgl.stb.STBImageResize;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.util.spng.SPNG;
import org.lwjgl.util.spng.spng_alloc;
import org.lwjgl.util.spng.spng_ihdr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scaling through stb_image_resize2 and PNG writing through libspng, with LWJGL's natives.
 *
 * <p>{@link #scale} is a box-filter (area-averaging) downscale of the four 8-bit channels as they
 * are, without alpha weighting, in two halves on two threads for large outputs (like the
 * pure-Java scaler). A frame in a direct buffer is read in place; a heap frame is copied into
 * native memory first, unless it is at least three times the output's size (e.g. 4K → 1080p),
 * where the copy costs more than it saves and the pure-Java scaler does it. {@link #encodePng} writes 8-bit RGB (colour type 2) with the UP filter on
 * every row and zlib level 1 (libspng's bundled miniz), rows converted from B, G, R, X one at a
 * time; libspng compresses on one thread.
 *
 * <p>{@link #operations()} lists only what measured faster than the pure-Java pipeline on
 * desktop-like frames in direct buffers ({@code LwjglCodecBenchmark}: JMH sample time, 3 forks ×
 * 5 iterations, medians in ms of two runs on a 2-core machine shared with another job, hence the
 * spread):
 * <table>
 * <caption>pure Java against LWJGL</caption>
 * <tr><th>step</th><th>Java</th><th>LWJGL</th><th>Java ÷ LWJGL</th></tr>
 * <tr><td>scale 3840×2160 → 1920×1080</td><td>12.4, 11.2</td><td>10.8, 6.8</td><td>1.15, 1.64</td></tr>
 * <tr><td>scale 1920×1080 → 1429×804</td><td>10.0, 9.5</td><td>5.1, 3.5</td><td>1.95, 2.68</td></tr>
 * <tr><td>PNG 1920×1080</td><td>14.7, 25.0</td><td>39.5, 38.3</td><td>0.37, 0.65</td></tr>
 * <tr><td>PNG 1429×804</td><td>20.5, 10.6</td><td>37.9, 24.4</td><td>0.54, 0.43</td></tr>
 * </table>
 * So the codec takes over {@link Operation#SCALE} only. Its PNG is correct and about as small
 * (1920×1080: 590,446 bytes against our 603,929; 1429×804: 548,821 against 526,793) but 1.5–2.7
 * times slower: libspng deflates with miniz on one thread, where our encoder runs the JDK's zlib
 * on two cores in bands. {@link #encodePng} still works when called directly. JPEG is not
 * offered (stb_image_write's baseline JPEG writer, also in LWJGL, was not evaluated).
 *
 * <p>Thread-safe: every call uses its own native memory, freed before it returns.
 */
public final class LwjglImageCodec implements ImageCodec {
    private static final Logger LOG = LoggerFactory.getLogger(LwjglImageCodec.class);

    private static final String ALLOCATOR_PROPERTY = "org.lwjgl.system.allocator";

    /** The steps measured faster than pure Java (see the class comment). */
    static final Set<Operation> FASTER = Set.of(Operation.SCALE);

    /** Scaling to fewer output pixels than this stays on the calling thread. */
    private static final long PARALLEL_SCALE_PIXELS = 200_000;
    /**
     * A heap frame with at least this many times the output's pixels is scaled by the pure-Java
     * pipeline: 3840×2160 → 1920×1080 from the heap took 8.1 ms there against 10.4 ms here (the
     * copy of 33 MB into native memory alone is about 2.2 ms; noisy figures, a wash at best),
     * while 1920×1080 → 1429×804 (1.8 times) still took 4.1 ms here against 11.5 ms.
     */
    private static final int HEAP_COPY_RATIO = 3;
    private static final ImagePipeline PURE_JAVA = new ImagePipeline();
    /** zlib's {@code Z_DEFAULT_STRATEGY}. */
    private static final int Z_DEFAULT_STRATEGY = 0;
    private static final int SCALE_SPLITS = Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1;

    private volatile @Nullable Set<Operation> operations;

    /** A codec; nothing native is loaded until {@link #operations()} or the first call. */
    public LwjglImageCodec() {}

    @Override
    public String name() {
        return "lwjgl";
    }

    /** Loads LWJGL's natives on the first call; the steps {@link #FASTER} than pure Java, or none if loading failed. */
    @Override
    public Set<Operation> operations() {
        Set<Operation> ops = operations;
        if (ops == null) {
            synchronized (this) {
                ops = operations;
                if (ops == null) {
                    ops = load();
                    operations = ops;
                }
            }
        }
        return ops;
    }

    private static Set<Operation> load() {
        try {
            long start = System.nanoTime();
            if (System.getProperty(ALLOCATOR_PROPERTY) == null) {
                // malloc: LWJGL otherwise first tries (and fails) to load jemalloc and rpmalloc
                Configuration.MEMORY_ALLOCATOR.set("system");
            }
            // Only the libraries of the steps taken over: libspng loads on a direct encodePng call.
            if (FASTER.contains(Operation.SCALE)) {
                Class.forName(STBImageResize.class.getName(), true, LwjglImageCodec.class.getClassLoader()); // lwjgl, lwjgl_stb
            }
            if (FASTER.contains(Operation.PNG)) {
                SPNG.spng_version_string(); // lwjgl, lwjgl_spng
                Natives.spngAlloc();
            }
            LOG.debug("LWJGL {} natives loaded in {} ms; taking over {}", org.lwjgl.Version.getVersion(),
                    (System.nanoTime() - start) / 1_000_000, FASTER);
            return FASTER;
        } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError, missing classes...
            LOG.warn("cannot load LWJGL's native libraries, the lwjgl codec takes over nothing: {}", e.toString());
            return Set.of();
        }
    }

    @Override
    public RawFrame scale(RawFrame frame, int width, int height) {
        requireNonNull(frame, "frame is null");
        if (width <= 0 || height <= 0 || width > frame.width() || height > frame.height()) {
            throw new IllegalArgumentException("cannot scale " + frame.width() + "x" + frame.height() + " to "
                    + width + "x" + height);
        }
        ByteBuffer pixels = whole(frame);
        if (!pixels.isDirect() && (long) frame.width() * frame.height() >= (long) HEAP_COPY_RATIO * width * height) {
            // copying a large heap frame into native memory costs more than stb saves
            return PURE_JAVA.scale(frame, width, height);
        }
        int inBytes = inputBytes(frame);
        int outBytes = width * height * 4;
        long copy = NULL;
        long output = NULL;
        STBIR_RESIZE resize = STBIR_RESIZE.calloc();
        try {
            long input;
            if (pixels.isDirect()) {
                input = MemoryUtil.memAddress0(pixels);
            } else {
                copy = MemoryUtil.nmemAllocChecked(inBytes);
                MemoryUtil.memByteBuffer(copy, inBytes).put(0, pixels, 0, inBytes);
                input = copy;
            }
            output = MemoryUtil.nmemAllocChecked(outBytes);
            long r = resize.address();
            STBImageResize.nstbir_resize_init(r, input, frame.width(), frame.height(), frame.stride(),
                    output, width, height, width * 4, STBImageResize.STBIR_4CHANNEL, STBImageResize.STBIR_TYPE_UINT8);
            STBImageResize.nstbir_set_edgemodes(r, STBImageResize.STBIR_EDGE_CLAMP, STBImageResize.STBIR_EDGE_CLAMP);
            STBImageResize.nstbir_set_filters(r, STBImageResize.STBIR_FILTER_BOX, STBImageResize.STBIR_FILTER_BOX);
            boolean parallel = SCALE_SPLITS > 1 && (long) width * height >= PARALLEL_SCALE_PIXELS;
            if (parallel) {
                resizeInSplits(r);
            } else if (STBImageResize.nstbir_resize_extended(r) == 0) {
                throw new IllegalStateException("stb_image_resize2 failed to scale " + frame.width() + "x"
                        + frame.height() + " to " + width + "x" + height);
            }
            byte[] out = new byte[outBytes];
            MemoryUtil.memByteBuffer(output, outBytes).get(0, out);
            return new RawFrame(width, height, width * 4, ByteBuffer.wrap(out));
        } finally {
            resize.free();
            MemoryUtil.nmemFree(output);
            MemoryUtil.nmemFree(copy);
            Reference.reachabilityFence(pixels); // a direct buffer's memory was read natively
        }
    }

    /** Runs a prepared resize in {@link #SCALE_SPLITS} parts: the last on a pool thread, the others here. */
    private static void resizeInSplits(long resize) {
        int splits = STBImageResize.nstbir_build_samplers_with_splits(resize, SCALE_SPLITS);
        if (splits == 0) {
            throw new IllegalStateException("stb_image_resize2 could not prepare its samplers");
        }
        try {
            if (splits == 1) {
                check(STBImageResize.nstbir_resize_extended_split(resize, 0, 1));
                return;
            }
            CompletableFuture<Integer> last = CompletableFuture.supplyAsync(
                    () -> STBImageResize.nstbir_resize_extended_split(resize, splits - 1, 1));
            int here;
            try {
                here = STBImageResize.nstbir_resize_extended_split(resize, 0, splits - 1);
            } finally {
                last.exceptionally(e -> 0).join(); // the samplers are freed only once the other split is done
            }
            check(here);
            try {
                check(last.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        } finally {
            STBImageResize.nstbir_free_samplers(resize);
        }
    }

    private static void check(int stbirResult) {
        if (stbirResult == 0) {
            throw new IllegalStateException("stb_image_resize2 failed");
        }
    }

    @Override
    public byte[] encodePng(RawFrame frame) {
        requireNonNull(frame, "frame is null");
        int width = frame.width();
        int height = frame.height();
        if ((long) width * 3 > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("frame too wide for PNG: " + width);
        }
        int rowBytes = width * 3;
        long ctx = SPNG.nspng_ctx_new2(Natives.spngAlloc().address(), SPNG.SPNG_CTX_ENCODER);
        if (ctx == NULL) {
            throw new IllegalStateException("libspng could not create an encoder");
        }
        long row = NULL;
        try {
            spng(SPNG.spng_set_option(ctx, SPNG.SPNG_ENCODE_TO_BUFFER, 1));
            spng(SPNG.spng_set_option(ctx, SPNG.SPNG_IMG_COMPRESSION_LEVEL, 1));
            // zlib's default strategy: libspng's own choice for filtered rows (Z_FILTERED) made
            // screen content up to 37 % larger and slower under miniz at level 1
            spng(SPNG.spng_set_option(ctx, SPNG.SPNG_IMG_COMPRESSION_STRATEGY, Z_DEFAULT_STRATEGY));
            spng(SPNG.spng_set_option(ctx, SPNG.SPNG_FILTER_CHOICE, SPNG.SPNG_FILTER_CHOICE_UP));
            try (MemoryStack stack = MemoryStack.stackPush()) {
                spng_ihdr ihdr = spng_ihdr.calloc(stack)
                        .width(width)
                        .height(height)
                        .bit_depth((byte) 8)
                        .color_type(SPNG.SPNG_COLOR_TYPE_TRUECOLOR);
                spng(SPNG.spng_set_ihdr(ctx, ihdr));
            }
            spng(SPNG.nspng_encode_image(ctx, NULL, 0, SPNG.SPNG_FMT_PNG,
                    SPNG.SPNG_ENCODE_PROGRESSIVE | SPNG.SPNG_ENCODE_FINALIZE));
            row = MemoryUtil.nmemAllocChecked(rowBytes);
            ByteBuffer nativeRow = MemoryUtil.memByteBuffer(row, rowBytes);
            ByteBuffer pixels = whole(frame);
            byte[] bgrx = pixels.hasArray() ? pixels.array() : new byte[width * 4];
            int base = pixels.hasArray() ? pixels.arrayOffset() : 0;
            byte[] rgb = new byte[rowBytes];
            for (int y = 0; y < height; y++) {
                int s;
                if (pixels.hasArray()) {
                    s = base + y * frame.stride();
                } else {
                    pixels.get(y * frame.stride(), bgrx, 0, width * 4);
                    s = 0;
                }
                for (int d = 0; d < rowBytes; d += 3, s += 4) {
                    rgb[d] = bgrx[s + 2];
                    rgb[d + 1] = bgrx[s + 1];
                    rgb[d + 2] = bgrx[s];
                }
                nativeRow.put(0, rgb);
                int result = SPNG.nspng_encode_row(ctx, row, rowBytes);
                if (result != SPNG.SPNG_OK && !(result == SPNG.SPNG_EOI && y == height - 1)) {
                    spng(result);
                }
            }
            return pngBuffer(ctx);
        } finally {
            SPNG.spng_ctx_free(ctx);
            MemoryUtil.nmemFree(row);
        }
    }

    /** The encoded PNG, copied out of the buffer libspng made, which is freed. */
    private static byte[] pngBuffer(long ctx) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            long length = stack.nmalloc(8, 8);
            long error = stack.nmalloc(4, 4);
            MemoryUtil.memPutAddress(length, 0);
            MemoryUtil.memPutInt(error, 0);
            long png = SPNG.nspng_get_png_buffer(ctx, length, error);
            if (png == NULL) {
                int code = MemoryUtil.memGetInt(error);
                spng(code == 0 ? SPNG.SPNG_EINTERNAL : code);
            }
            try {
                long size = MemoryUtil.memGetAddress(length);
                if (size <= 0 || size > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("libspng wrote a PNG of " + size + " bytes");
                }
                byte[] out = new byte[(int) size];
                MemoryUtil.memByteBuffer(png, out.length).get(0, out);
                return out;
            } finally {
                Natives.free(png);
            }
        }
    }

    private static void spng(int result) {
        if (result != SPNG.SPNG_OK) {
            throw new IllegalStateException("libspng failed: " + SPNG.spng_strerror(result) + " (" + result + ")");
        }
    }

    /** The frame's buffer from index 0 to its capacity, whatever its position and limit (left alone). */
    private static ByteBuffer whole(RawFrame frame) {
        return frame.pixels().duplicate().clear();
    }

    private static int inputBytes(RawFrame frame) {
        long bytes = (long) frame.stride() * (frame.height() - 1) + frame.width() * 4L;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("frame too large: " + bytes + " bytes");
        }
        return (int) bytes;
    }

    /** The native pieces made once per process, on first use (which loads LWJGL's libraries). */
    private static final class Natives {
        /** libspng's allocator: LWJGL's, so that the PNG buffer libspng returns is freed with {@link #free}. */
        private static final MemoryUtil.MemoryAllocator ALLOCATOR = MemoryUtil.getAllocator(false);
        /** Lives as long as the process (a few bytes; libspng copies it into every context). */
        private static final spng_alloc SPNG_ALLOC = spngAllocOf(ALLOCATOR);

        private Natives() {}

        static spng_alloc spngAlloc() {
            return SPNG_ALLOC;
        }

        static void free(long address) {
            ALLOCATOR.free(address);
        }

        private static spng_alloc spngAllocOf(MemoryUtil.MemoryAllocator allocator) {
            spng_alloc alloc = spng_alloc.calloc();
            long a = alloc.address();
            MemoryUtil.memPutAddress(a + spng_alloc.MALLOC_FN, allocator.getMalloc());
            MemoryUtil.memPutAddress(a + spng_alloc.REALLOC_FN, allocator.getRealloc());
            MemoryUtil.memPutAddress(a + spng_alloc.CALLOC_FN, allocator.getCalloc());
            MemoryUtil.memPutAddress(a + spng_alloc.FREE_FN, allocator.getFree());
            return alloc;
        }
    }
}
