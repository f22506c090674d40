package dev.opendesk.backend.x11;

import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import dev.opendesk.backend.x11.jna.XlibErrors;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Xlib's default error handler prints and exits the process; ours records the error against its
 * connection so the call that caused it can fail with a proper exception ({@link #checked}).
 */
public final class X11Errors {
    private static final Logger LOG = LoggerFactory.getLogger(X11Errors.class);
    /** X protocol error codes (X.h). */
    static final int BAD_WINDOW = 3;
    static final int BAD_MATCH = 8;
    static final int BAD_DRAWABLE = 9;
    static final int BAD_ACCESS = 10;
    static final int BAD_ALLOC = 11;
    static final int BAD_VALUE = 2;

    private static final Map<Pointer, X11Error> LAST_ERROR = new ConcurrentHashMap<>();
    /** Kept strongly reachable: Xlib holds only a native pointer to it. */
    private static final XlibErrors.Handler HANDLER = (display, event) -> {
        X11Error error = new X11Error(event.getByte(XlibErrors.Layout.ERROR_CODE) & 0xff,
                event.getByte(XlibErrors.Layout.REQUEST_CODE) & 0xff, event.getByte(XlibErrors.Layout.MINOR_CODE) & 0xff,
                event.getNativeLong(XlibErrors.Layout.RESOURCE_ID).longValue());
        LAST_ERROR.put(display, error);
        LOG.debug("X error {}", error);
        return 0;
    };

    private X11Errors() {
    }

    /** One recorded X protocol error. */
    public record X11Error(int errorCode, int requestCode, int minorCode, long resourceId) {
        @Override
        public String toString() {
            return "error " + errorCode + " (" + name(errorCode) + ") on request " + requestCode + "." + minorCode
                    + " for resource 0x" + Long.toHexString(resourceId);
        }
    }

    static synchronized void install() {
        XlibErrors.INSTANCE.XSetErrorHandler(HANDLER);
    }

    /**
     * Runs {@code operation} on {@code display}, waits for the server to process it
     * ({@code XSync}) and turns an X error it caused into an exception: {@code BadWindow} /
     * {@code BadDrawable} become {@code not_found}, anything else {@code internal}.
     *
     * @param what the operation, for the message ("focus window 0x1a00003")
     */
    public static <T> T checked(X11.Display display, String what, Supplier<T> operation) {
        LAST_ERROR.remove(display.getPointer());
        T result = operation.get();
        X11.INSTANCE.XSync(display, false);
        X11Error error = LAST_ERROR.remove(display.getPointer());
        if (error != null) {
            ErrorCode code = error.errorCode() == BAD_WINDOW || error.errorCode() == BAD_DRAWABLE
                    ? ErrorCode.NOT_FOUND : ErrorCode.INTERNAL;
            String message = code == ErrorCode.NOT_FOUND
                    ? what + ": window 0x" + Long.toHexString(error.resourceId()) + " does not exist (any more)"
                    : what + ": X " + error;
            throw new OpendeskException(code, message);
        }
        return result;
    }

    /** {@link #checked(X11.Display, String, Supplier)} for operations without a result. */
    public static void checked(X11.Display display, String what, Runnable operation) {
        checked(display, what, () -> {
            operation.run();
            return null;
        });
    }

    static String name(int errorCode) {
        switch (errorCode) {
            case 1: return "BadRequest";
            case BAD_VALUE: return "BadValue";
            case BAD_WINDOW: return "BadWindow";
            case 4: return "BadPixmap";
            case 5: return "BadAtom";
            case BAD_MATCH: return "BadMatch";
            case BAD_DRAWABLE: return "BadDrawable";
            case BAD_ACCESS: return "BadAccess";
            case BAD_ALLOC: return "BadAlloc";
            default: return "X error";
        }
    }
}
