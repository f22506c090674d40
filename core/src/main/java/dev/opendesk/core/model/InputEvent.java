package dev.opendesk.core.model;

import java.util.List;

/**
 * An input event as carried by {@code input.subscribe}: a {@link PointerEvent} or a
 * {@link KeyEvent} (on the wire they are told apart by the presence of {@code keysym}).
 */
public sealed interface InputEvent permits PointerEvent, KeyEvent {
    /** Modifiers held during the event. */
    List<Modifier> modifiers();

    /** When the event happened, in Unix seconds. */
    double timestamp();
}
