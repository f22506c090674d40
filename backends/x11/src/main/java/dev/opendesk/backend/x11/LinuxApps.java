package dev.opendesk.backend.x11;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.util.List;

/** Applications on a Linux desktop: open, close, focus, list; and locking the screen. */
final class LinuxApps {
    LinuxApps(X11Windows windows) {
    }

    void openApp(String name) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    void closeApp(String name) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    void focusApp(String name) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    List<String> apps() {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    void lock() {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }
}
