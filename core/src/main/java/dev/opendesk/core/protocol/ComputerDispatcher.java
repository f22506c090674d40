package dev.opendesk.core.protocol;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.InputEvent;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Window;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Serves a {@link Computer} on the wire (protocol §10): each of the 33 unary and 2 streaming
 * methods, with params validated into the model records (bad params → {@code invalid_argument})
 * and results written in the reference's shapes. Unknown methods get the reference's
 * {@code capability_unsupported} with its {@code details}. Paths get {@code ~} expanded.
 *
 * <p>Improvement over the reference: a missing required top-level param is
 * {@code invalid_argument} ("missing param 'path'") instead of {@code internal}.
 */
public final class ComputerDispatcher implements RequestHandler {
    private static final ErrorCode INVALID = ErrorCode.INVALID_ARGUMENT;

    private final Computer computer;

    public ComputerDispatcher(Computer computer) {
        this.computer = requireNonNull(computer, "computer is null");
    }

    /** The error the reference gives for an unknown unary method. */
    public static OpendeskException unknownMethod(String method) {
        Capability capability = method.startsWith("ui.") ? Capability.UI_TREE : Capability.DISPLAY_CAPTURE;
        return OpendeskException.capabilityUnsupported(capability, "server (unknown method '" + method + "')");
    }

    /** The error the reference gives for an unknown stream. */
    public static OpendeskException unknownStream(String method) {
        return OpendeskException.capabilityUnsupported(Capability.DISPLAY_STREAM, "server (unknown stream '" + method + "')");
    }

    @Override
    public @Nullable Map<String, @Nullable Object> handle(String method, Map<String, @Nullable Object> params) {
        WireMethod wireMethod = WireMethod.fromWire(method).filter(WireMethod::isUnary).orElseThrow(() -> unknownMethod(method));
        WireFields p = WireFields.of(params, INVALID, "", method + " params", null);
        switch (wireMethod) {
            case SYSTEM_CAPABILITIES:
                return WireModel.toWire(computer.capabilities());
            case SYSTEM_ENVIRONMENT:
                return WireModel.toWire(computer.environment());
            case DISPLAY_DISPLAYS:
                return items(computer.displays(), WireModel::toWire);
            case DISPLAY_CAPTURE:
                return WireModel.toWire(computer.capture(WireModel.toCaptureRequest(params)));
            case DISPLAY_CURSOR_POSITION:
                return WireModel.toWire(computer.cursorPosition());
            case INPUT_POINTER:
                computer.pointer(WireModel.toPointerEvent(required(p, "event")));
                return null;
            case INPUT_KEY:
                computer.key(WireModel.toKeyEvent(required(p, "event")));
                return null;
            case INPUT_TEXT:
                computer.text(WireModel.toTextInput(required(p, "text_input")));
                return null;
            case WINDOWS_LIST:
                return items(computer.windows(), WireModel::toWire);
            case WINDOWS_FOCUSED: {
                Map<String, @Nullable Object> result = new LinkedHashMap<>();
                result.put("window", computer.focusedWindow().map((Window w) -> (Object) WireModel.toWire(w)).orElse(null));
                return result;
            }
            case WINDOWS_FOCUS:
                computer.focusWindow(string(p, "window_id"));
                return null;
            case WINDOWS_MOVE: {
                String windowId = string(p, "window_id");
                computer.moveWindow(windowId, WireModel.toRect(required(p, "bounds")));
                return null;
            }
            case WINDOWS_CLOSE:
                computer.closeWindow(string(p, "window_id"));
                return null;
            case APPS_OPEN:
                computer.openApp(string(p, "name"));
                return null;
            case APPS_CLOSE:
                computer.closeApp(string(p, "name"));
                return null;
            case APPS_FOCUS:
                computer.focusApp(string(p, "name"));
                return null;
            case APPS_LIST:
                return items(computer.apps(), name -> name);
            case UI_TREE:
                return WireModel.toWire(computer.uiTree(WireModel.toUiTreeRequest(params)));
            case UI_ACTION:
                computer.uiAction(WireModel.toUIElement(required(p, "element")), p.str("action", "click"), p.strOrNull("app"));
                return null;
            case CLIPBOARD_READ:
                return WireModel.toWire(computer.readClipboard());
            case CLIPBOARD_WRITE:
                computer.writeClipboard(WireModel.toClipboardContents(required(p, "contents")));
                return null;
            case FS_READ: {
                Map<String, @Nullable Object> result = new LinkedHashMap<>();
                result.put("data", computer.readFile(path(p, "path")));
                return result;
            }
            case FS_WRITE: {
                String path = path(p, "path");
                required(p, "data");
                computer.writeFile(path, p.bin("data"));
                return null;
            }
            case FS_LIST:
                return items(computer.listFiles(path(p, "path")), WireModel::toWire);
            case FS_STAT:
                return WireModel.toWire(computer.statFile(path(p, "path")));
            case FS_DELETE:
                computer.deleteFile(path(p, "path"));
                return null;
            case FS_MOVE: {
                String source = path(p, "src");
                computer.moveFile(source, path(p, "dst"));
                return null;
            }
            case FS_MKDIR:
                computer.makeDirectory(path(p, "path"), p.raw("parents") == null || p.bool("parents"));
                return null;
            case PROCESS_LIST:
                return items(computer.processes(), WireModel::toWire);
            case PROCESS_SHELL:
                required(p, "command");
                return WireModel.toWire(computer.shell(WireModel.toShellCommand(params)));
            case PROCESS_EXEC:
                required(p, "argv");
                return WireModel.toWire(computer.exec(WireModel.toExecCommand(params)));
            case POWER_LOCK:
                computer.lock();
                return null;
            case NOTIFICATIONS_LIST:
                return items(computer.notifications(), WireModel::toWire);
            default:
                throw unknownMethod(method);
        }
    }

    @Override
    public void handleStream(String method, Map<String, @Nullable Object> params, StreamSink sink) {
        WireMethod wireMethod = WireMethod.fromWire(method).filter(m -> !m.isUnary()).orElseThrow(() -> unknownStream(method));
        if (wireMethod == WireMethod.DISPLAY_SUBSCRIBE) {
            try (EventStream<DisplayFrame> frames = computer.subscribeDisplay(WireModel.toDisplaySubscription(params))) {
                pump(frames, WireModel::toWire, sink);
            }
        } else {
            WireFields.of(params, INVALID, "", method + " params", null);
            try (EventStream<InputEvent> events = computer.subscribeInput()) {
                pump(events, WireModel::toWire, sink);
            }
        }
    }

    private static <T> void pump(EventStream<T> source, Function<T, Map<String, @Nullable Object>> toWire, StreamSink sink) {
        while (!sink.isCancelled()) {
            T item;
            try {
                item = source.next();
            } catch (NoSuchElementException end) {
                return;
            }
            sink.emit(toWire.apply(item));
        }
    }

    private static <T> Map<String, @Nullable Object> items(List<T> items, Function<T, Object> toWire) {
        Map<String, @Nullable Object> result = new LinkedHashMap<>();
        result.put("items", items.stream().map(toWire).toList());
        return result;
    }

    private static Object required(WireFields p, String key) {
        Object value = p.raw(key);
        if (!p.has(key) || value == null) {
            throw new OpendeskException(INVALID, "missing param '" + key + "'");
        }
        return value;
    }

    private static String string(WireFields p, String key) {
        required(p, key);
        return p.str(key);
    }

    private static String path(WireFields p, String key) {
        return expandHome(string(p, key));
    }

    /** {@code ~} and {@code ~/x} become the server user's home, as the reference does. */
    static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }
}
