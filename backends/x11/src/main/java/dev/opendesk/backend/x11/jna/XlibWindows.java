package dev.opendesk.backend.x11.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/**
 * The window-management calls jna-platform's {@code X11} lacks, and event functions that take a
 * raw {@code XEvent} buffer ({@link Event}) instead of jna-platform's union, whose member layouts
 * are not all trustworthy.
 */
public interface XlibWindows extends Library {
    XlibWindows INSTANCE = Native.load("X11", XlibWindows.class);

    /** {@code RevertToParent} (X.h). */
    int REVERT_TO_PARENT = 2;
    /** {@code PointerRoot} as a focus value (X.h). */
    long POINTER_ROOT = 1;

    int XSetInputFocus(X11.Display display, X11.Window window, int revertTo, NativeLong time);

    int XGetInputFocus(X11.Display display, X11.WindowByReference focus, IntByReference revertTo);

    int XMoveResizeWindow(X11.Display display, X11.Window window, int x, int y, int width, int height);

    int XKillClient(X11.Display display, NativeLong resource);

    /** {@code Status XSendEvent(Display *, Window, Bool propagate, long mask, XEvent *)}. */
    int XSendEvent(X11.Display display, X11.Window window, int propagate, NativeLong eventMask, Pointer event);

    int XNextEvent(X11.Display display, Pointer event);

    /** {@code Bool XCheckTypedWindowEvent(Display *, Window, int type, XEvent *)}. */
    int XCheckTypedWindowEvent(X11.Display display, X11.Window window, int type, Pointer event);

    int XConnectionNumber(X11.Display display);

    /**
     * Offsets into an {@code XEvent} (a union of 24 C longs). Every event struct starts with
     * {@code int type; unsigned long serial; Bool send_event; Display *display;} and then holds
     * only longs/XIDs/pointers (and an {@code int} padded to a long), so field {@code i} sits at
     * {@code i * sizeof(long)} on both LP64 and ILP32 (checked against Xlib.h with offsetof).
     */
    final class Event {
        /** {@code sizeof(XEvent)}: 192 bytes on 64-bit. */
        public static final int SIZE = 24 * NativeLong.SIZE;

        public static final int TYPE = 0;
        public static final int SEND_EVENT = slot(2);
        public static final int DISPLAY = slot(3);
        /** The {@code window} of most events (XAnyEvent, XClientMessageEvent, XPropertyEvent, XSelectionClearEvent). */
        public static final int WINDOW = slot(4);

        /** XClientMessageEvent: {@code Atom message_type}. */
        public static final int CLIENT_MESSAGE_TYPE = slot(5);
        /** XClientMessageEvent: {@code int format}. */
        public static final int CLIENT_FORMAT = slot(6);
        /** XClientMessageEvent: {@code long data.l[i]} at {@code CLIENT_DATA + i * NativeLong.SIZE}. */
        public static final int CLIENT_DATA = slot(7);

        /** XPropertyEvent: {@code Atom atom; Time time; int state}. */
        public static final int PROPERTY_ATOM = slot(5);
        public static final int PROPERTY_TIME = slot(6);
        public static final int PROPERTY_STATE = slot(7);

        /** Event types (X.h). */
        public static final int PROPERTY_NOTIFY = 28;
        public static final int SELECTION_CLEAR = 29;
        public static final int SELECTION_REQUEST = 30;
        public static final int SELECTION_NOTIFY = 31;
        public static final int CLIENT_MESSAGE = 33;

        /** Event masks (X.h). */
        public static final long PROPERTY_CHANGE_MASK = 1L << 22;
        public static final long SUBSTRUCTURE_NOTIFY_MASK = 1L << 19;
        public static final long SUBSTRUCTURE_REDIRECT_MASK = 1L << 20;

        private Event() {
        }

        /** The offset of the {@code i}-th long-sized field. */
        public static int slot(int i) {
            return i * NativeLong.SIZE;
        }
    }
}
