package dev.opendesk.backend.x11;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.TextInput;

/** Pointer, keys and text through XTest on its own X connection. */
final class X11Input implements AutoCloseable {
    X11Input(X11Session session) {
    }

    void pointer(PointerEvent event) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    void key(KeyEvent event) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    void text(TextInput textInput) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "x11: not implemented yet");
    }

    @Override
    public void close() {
    }
}
