package dev.opendesk.backend.x11;

import static java.util.Objects.requireNonNull;

import com.sun.jna.platform.unix.X11;
import dev.opendesk.backend.x11.jna.XlibThreads;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;

/**
 * The X server this backend drives. Every component opens its own connection ({@link #open}) and
 * serialises its own use of it, so no Xlib state is shared between threads; Xlib is still put in
 * thread-safe mode and given an error handler that records instead of exiting ({@link X11Errors}).
 */
public final class X11Session {
    private static final Object INIT_LOCK = new Object();
    private static boolean initialised;

    private final String displayName;

    /** @param displayName e.g. {@code :0} (the {@code DISPLAY} value) */
    public X11Session(String displayName) {
        this.displayName = requireNonNull(displayName, "displayName is null");
    }

    /** The display name, e.g. {@code :0}. */
    public String displayName() {
        return displayName;
    }

    /**
     * Opens a new connection to the X server.
     *
     * @param purpose what it is for, for error messages ("capture", "input", …)
     * @throws OpendeskException {@code internal} when the server does not answer
     */
    public X11.Display open(String purpose) {
        initialiseXlib();
        X11.Display display = X11.INSTANCE.XOpenDisplay(displayName);
        if (display == null) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot open X display '" + displayName + "' for " + purpose);
        }
        // a lost server must not exit(1) the process from inside Xlib, whichever component notices it first
        X11Screens.watchForConnectionLoss(display);
        return display;
    }

    /** Closes a connection opened by {@link #open}. */
    public void close(X11.Display display) {
        X11.INSTANCE.XCloseDisplay(display);
    }

    private static void initialiseXlib() {
        synchronized (INIT_LOCK) {
            if (!initialised) {
                XlibThreads.INSTANCE.XInitThreads();
                X11Errors.install();
                initialised = true;
            }
        }
    }
}
