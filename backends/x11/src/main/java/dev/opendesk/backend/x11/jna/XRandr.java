package dev.opendesk.backend.x11.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;

/**
 * The RandR 1.5 monitor calls ({@code libXrandr}). {@code XRRMonitorInfo} is read and written as
 * raw memory laid out by {@link MonitorInfo}.
 */
public interface XRandr extends Library {
    XRandr INSTANCE = Native.load("Xrandr", XRandr.class);

    boolean XRRQueryExtension(X11.Display display, IntByReference eventBase, IntByReference errorBase);

    int XRRQueryVersion(X11.Display display, IntByReference major, IntByReference minor);

    /** {@code XRRMonitorInfo *XRRGetMonitors(Display *, Window, Bool get_active, int *nmonitors)}: an array, freed by {@link #XRRFreeMonitors}. */
    Pointer XRRGetMonitors(X11.Display display, X11.Window window, boolean getActive, IntByReference count);

    void XRRFreeMonitors(Pointer monitors);

    /** An {@code XRRMonitorInfo} with room for {@code outputs} outputs, freed with {@code XFree}. */
    Pointer XRRAllocateMonitor(X11.Display display, int outputs);

    void XRRSetMonitor(X11.Display display, X11.Window window, Pointer monitor);

    void XRRDeleteMonitor(X11.Display display, X11.Window window, NativeLong name);

    /** Offsets of {@code XRRMonitorInfo}: Atom name; Bool primary, automatic; int noutput, x, y, width, height, mwidth, mheight; RROutput *outputs. */
    final class MonitorInfo {
        public static final int NAME = 0;
        public static final int PRIMARY = NativeLong.SIZE;
        public static final int AUTOMATIC = PRIMARY + 4;
        public static final int NOUTPUT = PRIMARY + 8;
        public static final int X = PRIMARY + 12;
        public static final int Y = PRIMARY + 16;
        public static final int WIDTH = PRIMARY + 20;
        public static final int HEIGHT = PRIMARY + 24;
        public static final int MWIDTH = PRIMARY + 28;
        public static final int MHEIGHT = PRIMARY + 32;
        public static final int OUTPUTS = XlibImage.Layout.alignUp(PRIMARY + 36, Native.POINTER_SIZE);
        public static final int SIZE = XlibImage.Layout.alignUp(OUTPUTS + Native.POINTER_SIZE,
                Math.max(NativeLong.SIZE, Native.POINTER_SIZE));

        private MonitorInfo() {
        }
    }
}
