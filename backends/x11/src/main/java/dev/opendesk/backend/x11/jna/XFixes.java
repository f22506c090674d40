package dev.opendesk.backend.x11.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/**
 * The XFixes cursor image ({@code libXfixes}): the current cursor as premultiplied ARGB, which
 * screen grabs do not include. {@code XFixesCursorImage} is read through {@link CursorImage}.
 */
public interface XFixes extends Library {
    XFixes INSTANCE = Native.load("Xfixes", XFixes.class);

    boolean XFixesQueryExtension(X11.Display display, IntByReference eventBase, IntByReference errorBase);

    int XFixesQueryVersion(X11.Display display, IntByReference major, IntByReference minor);

    /** {@code XFixesCursorImage *XFixesGetCursorImage(Display *)}, freed with {@code XFree}. */
    Pointer XFixesGetCursorImage(X11.Display display);

    /**
     * Offsets of {@code XFixesCursorImage}: short x, y; unsigned short width, height, xhot, yhot;
     * unsigned long cursor_serial; unsigned long *pixels (one {@code unsigned long} per pixel,
     * ARGB in its low 32 bits: 8 bytes each on 64-bit Linux); Atom atom; const char *name.
     */
    final class CursorImage {
        public static final int X = 0;
        public static final int Y = 2;
        public static final int WIDTH = 4;
        public static final int HEIGHT = 6;
        public static final int XHOT = 8;
        public static final int YHOT = 10;
        public static final int CURSOR_SERIAL = XlibImage.Layout.alignUp(12, NativeLong.SIZE);
        public static final int PIXELS = XlibImage.Layout.alignUp(CURSOR_SERIAL + NativeLong.SIZE, Native.POINTER_SIZE);
        /** Bytes per pixel in {@code pixels}. */
        public static final int PIXEL_SIZE = NativeLong.SIZE;

        private CursorImage() {
        }
    }
}
