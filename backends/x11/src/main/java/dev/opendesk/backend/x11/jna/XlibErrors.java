package dev.opendesk.backend.x11.jna;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * {@code XSetErrorHandler} with the real {@code XErrorEvent} layout (jna-platform's structure
 * has {@code serial} and {@code resourceid} in the wrong places, so its error codes read wrong).
 */
public interface XlibErrors extends Library {
    XlibErrors INSTANCE = Native.load("X11", XlibErrors.class);

    /** {@code int (*)(Display *, XErrorEvent *)}. */
    interface Handler extends Callback {
        int invoke(Pointer display, Pointer event);
    }

    Pointer XSetErrorHandler(Handler handler);

    /** Offsets of {@code XErrorEvent}: int type; Display *display; XID resourceid; unsigned long serial; uchar error_code, request_code, minor_code. */
    final class Layout {
        private static final int DISPLAY = alignUp(4, Native.POINTER_SIZE);
        public static final int RESOURCE_ID = DISPLAY + Native.POINTER_SIZE;
        public static final int SERIAL = RESOURCE_ID + NativeLong.SIZE;
        public static final int ERROR_CODE = SERIAL + NativeLong.SIZE;
        public static final int REQUEST_CODE = ERROR_CODE + 1;
        public static final int MINOR_CODE = ERROR_CODE + 2;

        private Layout() {
        }

        private static int alignUp(int offset, int alignment) {
            return (offset + alignment - 1) / alignment * alignment;
        }
    }
}
