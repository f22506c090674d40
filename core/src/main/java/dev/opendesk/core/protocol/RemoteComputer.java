package dev.opendesk.core.protocol;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.computer.DisplaySubscription;
import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.computer.ExecCommand;
import dev.opendesk.core.computer.ShellCommand;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.model.CapabilityManifest;
import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.CompletedCommand;
import dev.opendesk.core.model.Display;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.Environment;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.FileEntry;
import dev.opendesk.core.model.InputEvent;
import dev.opendesk.core.model.KeyEvent;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Computer} on the other end of a {@link WireCaller} (a {@link Peer}, or a session that
 * reconnects): every method is one wire call, with the
 * params the reference client sends (every key, nil where unset). The manifest is the one the
 * server sent in its HELLO (an unreadable one reads as empty, as in the reference). Convenience
 * verbs (click, drag, hotkey, …) are composed here, on the client, from the primitives.
 */
public final class RemoteComputer implements Computer {
    private final WireCaller peer;
    private final CapabilityManifest manifest;

    public RemoteComputer(WireCaller caller) {
        this.peer = requireNonNull(caller, "caller is null");
        this.manifest = WireModel.manifestOrEmpty(caller.serverCapabilities());
    }

    /** The wire underneath. */
    public WireCaller caller() {
        return peer;
    }

    @Override
    public CapabilityManifest capabilities() {
        return manifest;
    }

    @Override
    public Environment environment() {
        return WireModel.toEnvironment(call("system.environment", params()));
    }

    @Override
    public List<Display> displays() {
        return WireModel.itemsFromWire(call("display.displays", params()), WireModel::toDisplay);
    }

    @Override
    public Pixmap capture(CaptureRequest request) {
        return WireModel.toPixmap(call("display.capture", WireModel.toWire(request)));
    }

    @Override
    public Point cursorPosition() {
        return WireModel.toPoint(call("display.cursor_position", params()));
    }

    @Override
    public EventStream<DisplayFrame> subscribeDisplay(DisplaySubscription subscription) {
        return new MappedStream<>(peer.stream("display.subscribe", WireModel.toWire(subscription)), WireModel::toDisplayFrame);
    }

    @Override
    public EventStream<InputEvent> subscribeInput() {
        return new MappedStream<>(peer.stream("input.subscribe", params()), WireModel::toInputEvent);
    }

    @Override
    public void pointer(PointerEvent event) {
        call("input.pointer", params("event", WireModel.toWire(event)));
    }

    @Override
    public void key(KeyEvent event) {
        call("input.key", params("event", WireModel.toWire(event)));
    }

    @Override
    public void text(TextInput textInput) {
        call("input.text", params("text_input", WireModel.toWire(textInput)));
    }

    @Override
    public List<Window> windows() {
        return WireModel.itemsFromWire(call("windows.list", params()), WireModel::toWindow);
    }

    @Override
    public Optional<Window> focusedWindow() {
        Map<String, @Nullable Object> result = call("windows.focused", params());
        Object window = result == null ? null : result.get("window");
        return window == null ? Optional.empty() : Optional.of(WireModel.toWindow(window));
    }

    @Override
    public void focusWindow(String windowId) {
        call("windows.focus", params("window_id", windowId));
    }

    @Override
    public void moveWindow(String windowId, Rect bounds) {
        call("windows.move", params("window_id", windowId, "bounds", WireModel.toWire(bounds)));
    }

    @Override
    public void closeWindow(String windowId) {
        call("windows.close", params("window_id", windowId));
    }

    @Override
    public void openApp(String name) {
        call("apps.open", params("name", name));
    }

    @Override
    public void closeApp(String name) {
        call("apps.close", params("name", name));
    }

    @Override
    public void focusApp(String name) {
        call("apps.focus", params("name", name));
    }

    @Override
    public List<String> apps() {
        return WireModel.itemsFromWire(call("apps.list", params()), item -> {
            if (item instanceof String name) {
                return name;
            }
            throw new OpendeskException(ErrorCode.PROTOCOL, "apps.list item is not a string");
        });
    }

    @Override
    public UIElement uiTree(UiTreeRequest request) {
        return WireModel.toUIElement(call("ui.tree", WireModel.toWire(request)));
    }

    @Override
    public void uiAction(UIElement element, String action, @Nullable String app) {
        call("ui.action", params("element", WireModel.toWire(element), "action", action, "app", app));
    }

    @Override
    public ClipboardContents readClipboard() {
        return WireModel.toClipboardContents(call("clipboard.read", params()));
    }

    @Override
    public void writeClipboard(ClipboardContents contents) {
        call("clipboard.write", params("contents", WireModel.toWire(contents)));
    }

    @Override
    public byte[] readFile(String path) {
        Map<String, @Nullable Object> result = call("fs.read", params("path", path));
        Object data = result == null ? null : result.get("data");
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        throw new OpendeskException(ErrorCode.PROTOCOL, "fs.read result has no bin 'data'");
    }

    @Override
    public void writeFile(String path, byte[] data) {
        call("fs.write", params("path", path, "data", data));
    }

    @Override
    public List<FileEntry> listFiles(String path) {
        return WireModel.itemsFromWire(call("fs.list", params("path", path)), WireModel::toFileEntry);
    }

    @Override
    public FileEntry statFile(String path) {
        return WireModel.toFileEntry(call("fs.stat", params("path", path)));
    }

    @Override
    public void deleteFile(String path) {
        call("fs.delete", params("path", path));
    }

    @Override
    public void moveFile(String src, String dst) {
        call("fs.move", params("src", src, "dst", dst));
    }

    @Override
    public void makeDirectory(String path, boolean parents) {
        call("fs.mkdir", params("path", path, "parents", parents));
    }

    @Override
    public List<Process> processes() {
        return WireModel.itemsFromWire(call("process.list", params()), WireModel::toProcess);
    }

    @Override
    public CompletedCommand shell(ShellCommand command) {
        return WireModel.toCompletedCommand(call("process.shell", WireModel.toWire(command)));
    }

    @Override
    public CompletedCommand exec(ExecCommand command) {
        return WireModel.toCompletedCommand(call("process.exec", WireModel.toWire(command)));
    }

    @Override
    public void lock() {
        call("power.lock", params());
    }

    @Override
    public List<Notification> notifications() {
        return WireModel.itemsFromWire(call("notifications.list", params()), WireModel::toNotification);
    }

    private @Nullable Map<String, @Nullable Object> call(String method, Map<String, @Nullable Object> params) {
        return peer.call(method, params);
    }

    private static Map<String, @Nullable Object> params(@Nullable Object... keysAndValues) {
        Map<String, @Nullable Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put((String) requireNonNull(keysAndValues[i], "key is null"), keysAndValues[i + 1]);
        }
        return params;
    }

    /** A stream of wire maps seen as a stream of model values. */
    private static final class MappedStream<T> implements EventStream<T> {
        private final EventStream<Map<String, @Nullable Object>> wire;
        private final Function<Object, T> parse;

        MappedStream(EventStream<Map<String, @Nullable Object>> wire, Function<Object, T> parse) {
            this.wire = wire;
            this.parse = parse;
        }

        @Override
        public T next() {
            return parse.apply(wire.next());
        }

        @Override
        public Optional<T> poll(Duration timeout) {
            return wire.poll(timeout).map(parse);
        }

        @Override
        public boolean isOpen() {
            return wire.isOpen();
        }

        @Override
        public void close() {
            wire.close();
        }
    }
}
