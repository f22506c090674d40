package dev.opendesk.backend.x11;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.Window;
import java.util.List;
import java.util.Optional;

/** Top-level windows: EWMH when a window manager runs, plain X otherwise. */
final class X11Windows implements AutoCloseable {
    X11Windows(X11Session session) {
    }

    List<Window> windows() {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    Optional<Window> focusedWindow() {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    void focusWindow(String windowId) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    void moveWindow(String windowId, Rect bounds) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    void closeWindow(String windowId) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    /** Whether an EWMH window manager runs (so move/resize and activation work). */
    boolean hasWindowManager() {
        return false;
    }

    @Override
    public void close() {
    }
}
