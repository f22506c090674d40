package dev.opendesk.backend.x11.atspi;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.Window;
import java.util.Optional;

/**
 * What the AT-SPI client needs from the rest of the desktop: the pointer and keyboard for its
 * fallbacks (an element with no usable action is clicked at the centre of its bounds; text is
 * typed where EditableText is missing), and the window list to map a window id to its accessible
 * window. A backend passes its own {@link Computer} through {@link #of(Computer)}.
 */
public interface AtspiDesktop {
    /** Left-clicks at a point in logical screen pixels. */
    void click(Point point);

    /** Types text into whatever has the keyboard focus. */
    void typeText(String text);

    /** The window of that id, if it exists. */
    Optional<Window> window(String windowId);

    /** The window with the keyboard focus, if any. */
    Optional<Window> focusedWindow();

    /** The desktop of a Computer: its pointer, keyboard and window list. */
    static AtspiDesktop of(Computer computer) {
        requireNonNull(computer, "computer is null");
        return new AtspiDesktop() {
            @Override
            public void click(Point point) {
                computer.click(point);
            }

            @Override
            public void typeText(String text) {
                computer.typeText(text);
            }

            @Override
            public Optional<Window> window(String windowId) {
                return computer.windows().stream().filter(w -> w.id().equals(windowId)).findFirst();
            }

            @Override
            public Optional<Window> focusedWindow() {
                return computer.focusedWindow();
            }
        };
    }
}
