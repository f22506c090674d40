package dev.opendesk.backend.x11.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;

/** Selection ownership and conversion (ICCCM §2), which jna-platform's {@code X11} lacks. */
public interface XlibSelection extends Library {
    XlibSelection INSTANCE = Native.load("X11", XlibSelection.class);

    int XSetSelectionOwner(X11.Display display, X11.Atom selection, X11.Window owner, NativeLong time);

    /** The owner's window id, or 0 ({@code None}). */
    NativeLong XGetSelectionOwner(X11.Display display, X11.Atom selection);

    int XConvertSelection(X11.Display display, X11.Atom selection, X11.Atom target, X11.Atom property,
            X11.Window requestor, NativeLong time);

    /** In 4-byte units; 0 when the server lacks BIG-REQUESTS. */
    NativeLong XExtendedMaxRequestSize(X11.Display display);

    /** In 4-byte units. */
    NativeLong XMaxRequestSize(X11.Display display);

    /**
     * Offsets of {@code XSelectionRequestEvent} ({@code owner, requestor, selection, target,
     * property, time}) and {@code XSelectionEvent} ({@code requestor, selection, target, property,
     * time}) and {@code XSelectionClearEvent} ({@code window, selection, time}) inside an
     * {@code XEvent} buffer; see {@link XlibWindows.Event}.
     */
    final class Layout {
        public static final int REQUEST_OWNER = XlibWindows.Event.slot(4);
        public static final int REQUEST_REQUESTOR = XlibWindows.Event.slot(5);
        public static final int REQUEST_SELECTION = XlibWindows.Event.slot(6);
        public static final int REQUEST_TARGET = XlibWindows.Event.slot(7);
        public static final int REQUEST_PROPERTY = XlibWindows.Event.slot(8);
        public static final int REQUEST_TIME = XlibWindows.Event.slot(9);

        public static final int NOTIFY_REQUESTOR = XlibWindows.Event.slot(4);
        public static final int NOTIFY_SELECTION = XlibWindows.Event.slot(5);
        public static final int NOTIFY_TARGET = XlibWindows.Event.slot(6);
        public static final int NOTIFY_PROPERTY = XlibWindows.Event.slot(7);
        public static final int NOTIFY_TIME = XlibWindows.Event.slot(8);

        public static final int CLEAR_WINDOW = XlibWindows.Event.slot(4);
        public static final int CLEAR_SELECTION = XlibWindows.Event.slot(5);
        public static final int CLEAR_TIME = XlibWindows.Event.slot(6);

        private Layout() {
        }
    }
}
