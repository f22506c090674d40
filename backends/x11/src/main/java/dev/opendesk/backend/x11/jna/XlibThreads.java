package dev.opendesk.backend.x11.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** {@code XInitThreads}: must run before the first {@code XOpenDisplay} of the process. */
public interface XlibThreads extends Library {
    XlibThreads INSTANCE = Native.load("X11", XlibThreads.class);

    int XInitThreads();
}
