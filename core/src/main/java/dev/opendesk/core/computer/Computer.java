package dev.opendesk.core.computer;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.CapabilityManifest;
import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.CompletedCommand;
import dev.opendesk.core.model.Display;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.Environment;
import dev.opendesk.core.model.FileEntry;
import dev.opendesk.core.model.InputEvent;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.Keys;
import dev.opendesk.core.model.MouseButton;
import dev.opendesk.core.model.Notification;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Process;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.TextInput;
import dev.opendesk.core.model.UIElement;
import dev.opendesk.core.model.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A computer that can be observed and acted upon: the port every tool talks to. A backend
 * implements it for the local machine; a remote computer implements it by forwarding each call
 * as the wire method named in its Javadoc (protocol §10), so tools never know which one they hold.
 *
 * <p>Methods are blocking and may be called from several threads at once. Failures are
 * {@link OpendeskException}s carrying the wire {@link dev.opendesk.core.model.ErrorCode}: a backend
 * that lacks a feature throws {@link OpendeskException#capabilityUnsupported}, a missing file or
 * window is {@code not_found}, bad arguments are {@code invalid_argument}.
 *
 * <p>All coordinates are logical pixels. The convenience verbs at the end ({@link #click(Point)},
 * {@link #drag}, {@link #hotkey}, ...) are compositions of {@link #pointer}, {@link #key} and
 * {@link #text} exactly as protocol §10.1 describes; implementations should not override them.
 */
public interface Computer {

    // ---------------------------------------------------------------- system

    /** What this computer supports (wire {@code system.capabilities}). Cheap; may be cached. */
    CapabilityManifest capabilities();

    /** Static facts about the machine (wire {@code system.environment}). */
    Environment environment();

    // ---------------------------------------------------------------- display

    /** The connected displays (wire {@code display.displays}). */
    List<Display> displays();

    /** A screenshot (wire {@code display.capture}). */
    Pixmap capture(CaptureRequest request);

    /**
     * A screenshot as pixels, for callers that process them further. The default decodes what
     * {@link #capture(CaptureRequest)} returns; a local backend overrides it to hand over its grab
     * without encoding it (and may then ignore {@code downscale}: the frame is at full resolution).
     */
    default CapturedFrame captureFrame(CaptureRequest request) {
        return CapturedFrame.decoded(capture(request));
    }

    /** A screenshot of the whole primary display, downscaled (wire {@code display.capture} with its defaults). */
    default Pixmap capture() {
        return capture(CaptureRequest.primary());
    }

    /** The pointer position (wire {@code display.cursor_position}). */
    Point cursorPosition();

    /**
     * A stream of display frames, paced at {@link DisplaySubscription#effectiveFps()} at most
     * (wire stream {@code display.subscribe}). Closing the stream cancels the subscription.
     */
    EventStream<DisplayFrame> subscribeDisplay(DisplaySubscription subscription);

    // ---------------------------------------------------------------- input

    /**
     * A stream of the pointer and key events seen on the machine (wire stream {@code input.subscribe}).
     * The default refuses, as the reference does.
     *
     * @throws OpendeskException {@code capability_unsupported} ({@code input.pointer}) by default
     */
    default EventStream<InputEvent> subscribeInput() {
        throw OpendeskException.capabilityUnsupported(Capability.INPUT_POINTER, capabilities().backend());
    }

    /** Injects one pointer event (wire {@code input.pointer}). */
    void pointer(PointerEvent event);

    /** Injects one key press or release (wire {@code input.key}). */
    void key(KeyEvent event);

    /** Types Unicode text (wire {@code input.text}). */
    void text(TextInput textInput);

    // ---------------------------------------------------------------- windows

    /** The open windows of all applications (wire {@code windows.list}). */
    List<Window> windows();

    /** The focused window, if any (wire {@code windows.focused}). */
    Optional<Window> focusedWindow();

    /** Brings a window to the foreground (wire {@code windows.focus}). */
    void focusWindow(String windowId);

    /**
     * Moves and resizes a window (wire {@code windows.move}). The default refuses, as the reference does.
     *
     * @throws OpendeskException {@code capability_unsupported} ({@code windows.manipulate}) by default
     */
    default void moveWindow(String windowId, Rect bounds) {
        throw OpendeskException.capabilityUnsupported(Capability.WINDOWS_MANIPULATE, capabilities().backend());
    }

    /** Closes a window; the application may ask for confirmation (wire {@code windows.close}). */
    void closeWindow(String windowId);

    // ---------------------------------------------------------------- apps

    /** Launches an application by name (wire {@code apps.open}). */
    void openApp(String name);

    /** Quits an application by name (wire {@code apps.close}). */
    void closeApp(String name);

    /** Brings an application to the foreground (wire {@code apps.focus}). */
    void focusApp(String name);

    /** The display names of the running applications (wire {@code apps.list}). */
    List<String> apps();

    // ---------------------------------------------------------------- accessibility

    /** The accessibility tree of a window or application, the focused window by default (wire {@code ui.tree}). */
    UIElement uiTree(UiTreeRequest request);

    /**
     * Invokes an accessibility action on an element, which the host re-finds by
     * {@code (role, name, bounds)} (wire {@code ui.action}).
     *
     * @param element the element, as returned by {@link #uiTree}
     * @param action the action, e.g. {@code click} (the wire default), {@code press}, {@code toggle}
     * @param app the application to search in, or null for the focused one
     */
    void uiAction(UIElement element, String action, @Nullable String app);

    /** Clicks an element through accessibility in the focused app (wire {@code ui.action} with its defaults). */
    default void uiAction(UIElement element) {
        uiAction(element, "click", null);
    }

    // ---------------------------------------------------------------- clipboard

    /** The clipboard in every representation available (wire {@code clipboard.read}). */
    ClipboardContents readClipboard();

    /** Replaces the clipboard (wire {@code clipboard.write}). */
    void writeClipboard(ClipboardContents contents);

    // ---------------------------------------------------------------- files (host-native paths, ~ expanded)

    /** The content of a file (wire {@code fs.read}); {@code not_found} if missing. */
    byte[] readFile(String path);

    /** Writes a file, creating parent directories (wire {@code fs.write}). */
    void writeFile(String path, byte[] data);

    /** The entries of a directory (wire {@code fs.list}). */
    List<FileEntry> listFiles(String path);

    /** One file's metadata (wire {@code fs.stat}); {@code not_found} if missing. */
    FileEntry statFile(String path);

    /** Deletes a file or, recursively, a directory; a missing path is not an error (wire {@code fs.delete}). */
    void deleteFile(String path);

    /** Moves or renames a file or directory (wire {@code fs.move}). */
    void moveFile(String src, String dst);

    /**
     * Creates a directory, succeeding if it exists (wire {@code fs.mkdir}).
     *
     * @param parents whether to create missing parents too (the wire default is true)
     */
    void makeDirectory(String path, boolean parents);

    // ---------------------------------------------------------------- processes, power, notifications

    /** The running processes (wire {@code process.list}). */
    List<Process> processes();

    /** Runs a command line through the shell and waits for it (wire {@code process.shell}). */
    CompletedCommand shell(ShellCommand command);

    /** Runs a program from an argument vector and waits for it (wire {@code process.exec}). */
    CompletedCommand exec(ExecCommand command);

    /** Locks the screen (wire {@code power.lock}). */
    void lock();

    /** Recent desktop notifications (wire {@code notifications.list}). The default returns none, like the reference. */
    default List<Notification> notifications() {
        return List.of();
    }

    // ---------------------------------------------------------------- convenience verbs (§10.1)

    /** Moves the pointer: one {@code move} event. */
    default void moveTo(Point point) {
        pointer(PointerEvent.move(point));
    }

    /** Clicks {@code button} at {@code point}: {@code move}, {@code down}, {@code up}. */
    default void click(Point point, MouseButton button) {
        pointer(PointerEvent.move(point));
        pointer(PointerEvent.down(point, button));
        pointer(PointerEvent.up(point, button));
    }

    /** Left-clicks at {@code point}: {@code move}, {@code down}, {@code up}. */
    default void click(Point point) {
        click(point, MouseButton.LEFT);
    }

    /** Left-double-clicks at {@code point}: {@code move}, {@code down}, {@code up}, {@code down}, {@code up}. */
    default void doubleClick(Point point) {
        pointer(PointerEvent.move(point));
        for (int i = 0; i < 2; i++) {
            pointer(PointerEvent.down(point, MouseButton.LEFT));
            pointer(PointerEvent.up(point, MouseButton.LEFT));
        }
    }

    /** Drags with {@code button} held: {@code move(from)}, {@code down(from)}, {@code move(to)}, {@code up(to)}. */
    default void drag(Point from, Point to, MouseButton button) {
        pointer(PointerEvent.move(from));
        pointer(PointerEvent.down(from, button));
        pointer(PointerEvent.move(to));
        pointer(PointerEvent.up(to, button));
    }

    /**
     * Scrolls at {@code at}: a {@code move} there, then one {@code scroll} event with
     * {@code dx} (horizontal) and {@code dy} (vertical) in wheel clicks or pixels.
     */
    default void scroll(Point at, double dx, double dy) {
        pointer(PointerEvent.move(at));
        pointer(PointerEvent.scroll(at, dx, dy));
    }

    /** Presses and releases one key, its name converted by {@link Keys#toKeysym}: key {@code down}, key {@code up}. */
    default void press(String key) {
        String keysym = Keys.toKeysym(key);
        key(KeyEvent.down(keysym));
        key(KeyEvent.up(keysym));
    }

    /**
     * Presses a chord such as {@code hotkey("ctrl", "shift", "t")}: a {@code down} for every key in
     * order, then an {@code up} for each in reverse. Each argument is one key name, converted by
     * {@link Keys#toKeysym}, so modifiers are sent as their own events with the modifier's wire
     * value as keysym ({@code cmd → meta}).
     *
     * @throws OpendeskException {@code invalid_argument} when no key is given or a name is blank
     */
    default void hotkey(String... keys) {
        requireNonNull(keys, "keys is null");
        if (keys.length == 0) {
            throw OpendeskException.invalidArgument("hotkey needs at least one key");
        }
        List<String> keysyms = new ArrayList<>(keys.length);
        for (String key : keys) {
            keysyms.add(Keys.toKeysym(key));
        }
        for (String keysym : keysyms) {
            key(KeyEvent.down(keysym));
        }
        for (int i = keysyms.size() - 1; i >= 0; i--) {
            key(KeyEvent.up(keysyms.get(i)));
        }
    }

    /** Types text at the default interval: one {@link #text} call. */
    default void typeText(String text) {
        text(TextInput.of(text));
    }
}
