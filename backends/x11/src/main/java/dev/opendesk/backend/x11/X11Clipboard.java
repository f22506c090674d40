package dev.opendesk.backend.x11;

import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;

/** The CLIPBOARD selection: read by conversion, written by owning it from a dedicated thread. */
final class X11Clipboard implements AutoCloseable {
    X11Clipboard(X11Session session) {
    }

    ClipboardContents read() {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    void write(ClipboardContents contents) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    @Override
    public void close() {
    }
}
