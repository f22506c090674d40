package dev.opendesk.backend.x11;

import static java.util.Objects.requireNonNull;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import dev.opendesk.backend.x11.jna.XFixes;
import dev.opendesk.backend.x11.jna.XShm;
import dev.opendesk.backend.x11.jna.XlibImage;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grabs areas of the root window on one X connection: into one MIT-SHM segment (grown when a
 * bigger area is asked for, reused otherwise, marked for removal as soon as the server has
 * attached it so nothing outlives the process), or with {@code XGetImage} when shared memory is
 * off or the server refuses it. Optionally composites the XFixes cursor image. Not thread-safe:
 * {@link X11Screens} serialises its use.
 */
final class X11Capture implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(X11Capture.class);
    private static final NativeLong ALL_PLANES = new NativeLong(-1L);

    private final X11.Display display;
    private final X11.Drawable root;
    private final X11.Visual visual;
    private final int depth;
    private final boolean cursorImages;
    private boolean shm;

    private final Memory shmInfo = new Memory(XShm.SegmentInfo.SIZE);
    private int shmId = -1;
    private @Nullable Pointer shmAddress;
    private long shmSize;
    private boolean attached;
    private @Nullable Pointer shmImage;
    private int shmImageWidth;
    private int shmImageHeight;

    X11Capture(X11.Display display, X11.Window root, boolean useShm) {
        this.display = requireNonNull(display, "display is null");
        this.root = new X11.Drawable(root.longValue());
        X11.XWindowAttributes attributes = new X11.XWindowAttributes();
        X11.INSTANCE.XGetWindowAttributes(display, root, attributes);
        this.visual = attributes.visual;
        this.depth = attributes.depth;
        this.shm = useShm && XShm.INSTANCE.XShmQueryExtension(display);
        if (useShm && !shm) {
            LOG.info("X server has no MIT-SHM: capturing with XGetImage");
        }
        this.cursorImages = queryXFixes(display);
        shmInfo.clear();
    }

    private static boolean queryXFixes(X11.Display display) {
        try {
            IntByReference a = new IntByReference();
            IntByReference b = new IntByReference();
            if (!XFixes.INSTANCE.XFixesQueryExtension(display, a, b)) {
                return false;
            }
            IntByReference major = new IntByReference(4);
            IntByReference minor = new IntByReference(0);
            XFixes.INSTANCE.XFixesQueryVersion(display, major, minor);
            return major.getValue() >= 2;
        } catch (UnsatisfiedLinkError e) {
            LOG.info("libXfixes is missing: captures cannot show the cursor ({})", e.getMessage());
            return false;
        }
    }

    /** Whether grabs go through shared memory (false after a fallback to {@code XGetImage}). */
    boolean usesShm() {
        return shm;
    }

    /**
     * Grabs {@code width × height} pixels at {@code (x, y)} of the root window (which must lie
     * inside it) and hands them to {@code reader}. The frame is only valid during that call: the
     * next grab overwrites shared memory.
     */
    <T> T grab(int x, int y, int width, int height, boolean drawCursor, Function<RawFrame, T> reader) {
        if (shm) {
            try {
                Pointer image = shmImage(width, height);
                boolean ok = X11Errors.checked(display, "grab the screen (XShmGetImage)",
                        () -> XShm.INSTANCE.XShmGetImage(display, root, image, x, y, ALL_PLANES));
                if (!ok) {
                    throw new OpendeskException(ErrorCode.INTERNAL, "XShmGetImage failed");
                }
                RawFrame frame = frame(image, requireNonNull(shmAddress), width, height);
                if (drawCursor) {
                    drawCursor(frame, x, y);
                }
                return reader.apply(frame);
            } catch (SharedMemoryRefused e) {
                LOG.info("shared memory refused ({}): capturing with XGetImage from now on", e.getMessage());
                releaseSegment(true);
                shm = false;
            }
        }
        Pointer image = X11Errors.checked(display, "grab the screen (XGetImage)",
                () -> XlibImage.INSTANCE.XGetImage(display, root, x, y, width, height, ALL_PLANES, XlibImage.Z_PIXMAP));
        if (image == null) {
            throw new OpendeskException(ErrorCode.INTERNAL, "XGetImage returned nothing");
        }
        try {
            RawFrame frame = frame(image, image.getPointer(XlibImage.Layout.DATA), width, height);
            if (drawCursor) {
                drawCursor(frame, x, y);
            }
            return reader.apply(frame);
        } finally {
            XlibImage.INSTANCE.XDestroyImage(image);
        }
    }

    private static RawFrame frame(Pointer image, Pointer data, int width, int height) {
        int bitsPerPixel = image.getInt(XlibImage.Layout.BITS_PER_PIXEL);
        int byteOrder = image.getInt(XlibImage.Layout.BYTE_ORDER);
        if (bitsPerPixel != 32 || byteOrder != XlibImage.LSB_FIRST) {
            throw new OpendeskException(ErrorCode.INTERNAL, "unsupported X pixel format: depth "
                    + image.getInt(XlibImage.Layout.DEPTH) + " at " + bitsPerPixel + " bits per pixel, "
                    + (byteOrder == XlibImage.LSB_FIRST ? "LSB" : "MSB") + " first (need 32 bpp, LSB first)");
        }
        int stride = image.getInt(XlibImage.Layout.BYTES_PER_LINE);
        ByteBuffer pixels = data.getByteBuffer(0, (long) stride * height).order(ByteOrder.LITTLE_ENDIAN);
        return new RawFrame(width, height, stride, pixels);
    }

    /** The XImage header for this size over our segment, growing the segment if needed. */
    private Pointer shmImage(int width, int height) {
        if (shmImage != null && shmImageWidth == width && shmImageHeight == height) {
            return shmImage;
        }
        freeShmImage();
        Pointer image = XShm.INSTANCE.XShmCreateImage(display, visual, depth, XlibImage.Z_PIXMAP, null, shmInfo, width, height);
        if (image == null) {
            throw new SharedMemoryRefused("XShmCreateImage failed for " + width + "x" + height);
        }
        long needed = (long) image.getInt(XlibImage.Layout.BYTES_PER_LINE) * height;
        if (needed > shmSize) {
            try {
                allocateSegment(needed);
            } catch (RuntimeException e) {
                X11.INSTANCE.XFree(image);
                throw e;
            }
        }
        image.setPointer(XlibImage.Layout.DATA, shmAddress);
        shmImage = image;
        shmImageWidth = width;
        shmImageHeight = height;
        return image;
    }

    private void allocateSegment(long size) {
        releaseSegment(true);
        int id = XShm.LibC.INSTANCE.shmget(XShm.LibC.IPC_PRIVATE, new NativeLong(size), XShm.LibC.IPC_CREAT | 0600);
        if (id < 0) {
            throw new SharedMemoryRefused("shmget of " + size + " bytes failed, errno " + Native.getLastError());
        }
        Pointer address = XShm.LibC.INSTANCE.shmat(id, null, 0);
        if (address == null || Pointer.nativeValue(address) == -1L) {
            int errno = Native.getLastError();
            XShm.LibC.INSTANCE.shmctl(id, XShm.LibC.IPC_RMID, null);
            throw new SharedMemoryRefused("shmat failed, errno " + errno);
        }
        shmId = id;
        shmAddress = address;
        shmInfo.setNativeLong(XShm.SegmentInfo.SHMSEG, new NativeLong(0));
        shmInfo.setInt(XShm.SegmentInfo.SHMID, id);
        shmInfo.setPointer(XShm.SegmentInfo.SHMADDR, address);
        shmInfo.setInt(XShm.SegmentInfo.READ_ONLY, 0);
        boolean ok;
        try {
            ok = X11Errors.checked(display, "attach shared memory", () -> XShm.INSTANCE.XShmAttach(display, shmInfo));
        } catch (OpendeskException e) {
            releaseSegment(false);
            throw new SharedMemoryRefused(e.getMessage());
        }
        if (!ok) {
            releaseSegment(false);
            throw new SharedMemoryRefused("XShmAttach failed");
        }
        attached = true;
        shmSize = size;
        // removed by the kernel once the server and we have detached, even if we crash
        XShm.LibC.INSTANCE.shmctl(id, XShm.LibC.IPC_RMID, null);
    }

    private void freeShmImage() {
        if (shmImage != null) {
            X11.INSTANCE.XFree(shmImage); // the header only: the pixels are our segment
            shmImage = null;
        }
    }

    private void releaseSegment(boolean serverAlive) {
        freeShmImage();
        if (attached && serverAlive) {
            XShm.INSTANCE.XShmDetach(display, shmInfo);
            X11.INSTANCE.XSync(display, false);
        }
        attached = false;
        if (shmAddress != null) {
            XShm.LibC.INSTANCE.shmdt(shmAddress);
            shmAddress = null;
        }
        if (shmId >= 0) {
            XShm.LibC.INSTANCE.shmctl(shmId, XShm.LibC.IPC_RMID, null);
            shmId = -1;
        }
        shmSize = 0;
    }

    /** Blends the current cursor (premultiplied ARGB) over the frame, which starts at {@code (areaX, areaY)} of the root. */
    private void drawCursor(RawFrame frame, int areaX, int areaY) {
        if (!cursorImages) {
            return;
        }
        Pointer cursor = XFixes.INSTANCE.XFixesGetCursorImage(display);
        if (cursor == null) {
            return;
        }
        try {
            int width = cursor.getShort(XFixes.CursorImage.WIDTH) & 0xffff;
            int height = cursor.getShort(XFixes.CursorImage.HEIGHT) & 0xffff;
            int left = cursor.getShort(XFixes.CursorImage.X) - (cursor.getShort(XFixes.CursorImage.XHOT) & 0xffff) - areaX;
            int top = cursor.getShort(XFixes.CursorImage.Y) - (cursor.getShort(XFixes.CursorImage.YHOT) & 0xffff) - areaY;
            Pointer pixels = cursor.getPointer(XFixes.CursorImage.PIXELS);
            if (pixels == null) {
                return;
            }
            ByteBuffer out = frame.pixels();
            for (int row = 0; row < height; row++) {
                int y = top + row;
                if (y < 0 || y >= frame.height()) {
                    continue;
                }
                for (int col = 0; col < width; col++) {
                    int x = left + col;
                    if (x < 0 || x >= frame.width()) {
                        continue;
                    }
                    long argb = XFixes.CursorImage.PIXEL_SIZE == 8
                            ? pixels.getLong((long) (row * width + col) * 8)
                            : pixels.getInt((long) (row * width + col) * 4) & 0xffffffffL;
                    int alpha = (int) (argb >>> 24) & 0xff;
                    if (alpha == 0) {
                        continue;
                    }
                    int offset = y * frame.stride() + x * 4;
                    int inverse = 255 - alpha;
                    for (int channel = 0; channel < 3; channel++) { // B, G, R
                        int source = (int) (argb >>> (8 * channel)) & 0xff;
                        int target = out.get(offset + channel) & 0xff;
                        out.put(offset + channel, (byte) Math.min(255, source + (target * inverse + 127) / 255));
                    }
                }
            }
        } finally {
            X11.INSTANCE.XFree(cursor);
        }
    }

    /**
     * Frees the segment.
     *
     * @param serverAlive false when the connection is gone: then the server is not asked to detach
     */
    void close(boolean serverAlive) {
        releaseSegment(serverAlive);
    }

    @Override
    public void close() {
        close(true);
    }

    /** The server or the kernel refused shared memory: fall back to XGetImage. */
    private static final class SharedMemoryRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SharedMemoryRefused(@Nullable String message) {
            super(message == null ? "shared memory refused" : message, null, false, false);
        }
    }
}
