package dev.opendesk.backend.x11.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;

/**
 * The MIT-SHM extension ({@code libXext}): the server writes screen pixels straight into a System V
 * shared memory segment we map, so a full-screen grab costs one round trip and no copy. The
 * {@code XShmSegmentInfo} structure is handled as raw memory laid out by {@link SegmentInfo}.
 */
public interface XShm extends Library {
    XShm INSTANCE = Native.load("Xext", XShm.class);

    boolean XShmQueryExtension(X11.Display display);

    /** {@code XImage *XShmCreateImage(Display *, Visual *, unsigned depth, int format, char *data, XShmSegmentInfo *, unsigned w, unsigned h)}. */
    Pointer XShmCreateImage(X11.Display display, X11.Visual visual, int depth, int format, Pointer data,
                            Pointer shmInfo, int width, int height);

    boolean XShmAttach(X11.Display display, Pointer shmInfo);

    boolean XShmDetach(X11.Display display, Pointer shmInfo);

    /** {@code Bool XShmGetImage(Display *, Drawable, XImage *, int x, int y, unsigned long plane_mask)}. */
    boolean XShmGetImage(X11.Display display, X11.Drawable drawable, Pointer image, int x, int y, NativeLong planeMask);

    /** Offsets of {@code XShmSegmentInfo}: ShmSeg shmseg; int shmid; char *shmaddr; Bool readOnly. */
    final class SegmentInfo {
        public static final int SHMSEG = 0;
        public static final int SHMID = NativeLong.SIZE;
        public static final int SHMADDR = XlibImage.Layout.alignUp(SHMID + 4, Native.POINTER_SIZE);
        public static final int READ_ONLY = SHMADDR + Native.POINTER_SIZE;
        public static final int SIZE = XlibImage.Layout.alignUp(READ_ONLY + 4, Math.max(NativeLong.SIZE, Native.POINTER_SIZE));

        private SegmentInfo() {
        }
    }

    /** The System V shared memory calls of the C library. */
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);
        int IPC_PRIVATE = 0;
        int IPC_CREAT = 01000;
        int IPC_RMID = 0;

        /** {@code int shmget(key_t, size_t, int)}; size_t is an unsigned long on Linux. */
        int shmget(int key, NativeLong size, int flags);

        /** {@code void *shmat(int, const void *, int)}; returns {@code (void *) -1} on failure. */
        Pointer shmat(int shmId, Pointer address, int flags);

        int shmdt(Pointer address);

        int shmctl(int shmId, int command, Pointer buffer);
    }
}
