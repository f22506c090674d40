package dev.opendesk.backend.x11.jna;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;

/**
 * Xlib calls that jna-platform lacks or maps awkwardly: {@code XGetImage} / {@code XDestroyImage}
 * on a raw {@code XImage *} (read through {@link Layout}), atom names that can be freed, and the I/O error handlers that decide
 * whether a lost connection exits the process.
 */
public interface XlibImage extends Library {
    XlibImage INSTANCE = Native.load("X11", XlibImage.class);

    /** {@code ZPixmap} image format. */
    int Z_PIXMAP = 2;
    /** {@code LSBFirst} byte order. */
    int LSB_FIRST = 0;

    /** {@code XImage *XGetImage(Display *, Drawable, int x, int y, unsigned w, unsigned h, unsigned long plane_mask, int format)}. */
    Pointer XGetImage(X11.Display display, X11.Drawable drawable, int x, int y, int width, int height,
                      NativeLong planeMask, int format);

    /** Frees the image through its own {@code destroy_image} function. */
    int XDestroyImage(Pointer image);

    /** {@code char *XGetAtomName(Display *, Atom)}, freed with {@code XFree}; null for an unknown atom. */
    Pointer XGetAtomName(X11.Display display, NativeLong atom);

    /** {@code int (*)(Display *)}: called first on a fatal I/O error; its result is ignored. */
    interface IOErrorHandler extends Callback {
        int invoke(Pointer display);
    }

    /** {@code void (*)(Display *, void *)}: called after the I/O error handler; the default one calls {@code exit(1)}. */
    interface IOErrorExitHandler extends Callback {
        void invoke(Pointer display, Pointer userData);
    }

    Pointer XSetIOErrorHandler(IOErrorHandler handler);

    /** libX11 ≥ 1.7: replaces the {@code exit(1)} after a fatal I/O error on this connection. */
    void XSetIOErrorExitHandler(X11.Display display, IOErrorExitHandler handler, Pointer userData);

    /** Offsets in {@code XImage}. */
    final class Layout {
        public static final int WIDTH = 0;
        public static final int HEIGHT = 4;
        public static final int FORMAT = 12;
        public static final int DATA = alignUp(16, Native.POINTER_SIZE);
        public static final int BYTE_ORDER = DATA + Native.POINTER_SIZE;
        public static final int DEPTH = BYTE_ORDER + 16;
        public static final int BYTES_PER_LINE = BYTE_ORDER + 20;
        public static final int BITS_PER_PIXEL = BYTE_ORDER + 24;

        private Layout() {
        }

        /** {@code offset} rounded up to a multiple of {@code alignment}. */
        public static int alignUp(int offset, int alignment) {
            return (offset + alignment - 1) / alignment * alignment;
        }
    }
}
