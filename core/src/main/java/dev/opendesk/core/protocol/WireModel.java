package dev.opendesk.core.protocol;

import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.DisplaySubscription;
import dev.opendesk.core.computer.ExecCommand;
import dev.opendesk.core.computer.ShellCommand;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.CapabilityManifest;
import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.ClipboardEntry;
import dev.opendesk.core.model.CompletedCommand;
import dev.opendesk.core.model.Display;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.Environment;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.FileEntry;
import dev.opendesk.core.model.InputEvent;
import dev.opendesk.core.model.KeyAction;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.Modifier;
import dev.opendesk.core.model.MouseButton;
import dev.opendesk.core.model.Notification;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerAction;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Process;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.TextInput;
import dev.opendesk.core.model.UIElement;
import dev.opendesk.core.model.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Conversion between the domain records and their wire maps (protocol §10, §10.1, §11).
 *
 * <p>{@code toWire(x)} builds a fresh {@link LinkedHashMap} with every field of the reference
 * model, in declaration order: nil for null, float fields as {@link Double} even when integral,
 * int fields as {@link Long}, enums as their wire strings, bytes as {@code byte[]} (not copied
 * again), nested models as nested maps. The result is ready for {@link MsgpackCodec}.
 *
 * <p>{@code toXxx(wire)} parses a decoded value as pydantic does with {@code extra="forbid"}:
 * an unknown key, a missing required key, a wrong type, a bad enum value or a value the record
 * rejects is an {@link OpendeskException} with {@link ErrorCode#INVALID_ARGUMENT} whose message
 * names the offending key and its path; absent optional keys take the reference defaults (a
 * missing {@code timestamp}/{@code captured_at} is "now"). Lax where pydantic is lax in ways that
 * matter: an int is accepted for a float field and an integral float for an int field. Stricter
 * than pydantic elsewhere: a bool is never a number, a str is never bytes (bin required), bytes
 * are never a str, numeric strings are not numbers. Nil values inside {@code UIElement.metadata}
 * and {@code CapabilityManifest.limits} entries are dropped, because those records cannot hold
 * null (for a {@code .get()} reader, a nil entry and a missing one look the same).
 *
 * <p>Request parameters ({@link CaptureRequest}, {@link DisplaySubscription}, {@link
 * UiTreeRequest}, {@link ShellCommand}, {@link ExecCommand}) are written exactly as the reference
 * client sends them (every key, nil where unset) and read as the reference server reads them:
 * unknown keys are ignored, an absent or nil optional key takes the server default, a missing
 * required key is {@link ErrorCode#INTERNAL} with the quoted key as message (the reference's
 * {@code KeyError}), a wrong type is {@link ErrorCode#INVALID_ARGUMENT}.
 */
public final class WireModel {
    private static final ErrorCode INVALID = ErrorCode.INVALID_ARGUMENT;

    private static final Set<String> POINT_KEYS = Set.of("x", "y");
    private static final Set<String> RECT_KEYS = Set.of("x", "y", "width", "height");
    private static final Set<String> PIXMAP_KEYS = Set.of("data", "format", "width", "height", "logical_width",
            "logical_height", "display_id", "captured_at");
    private static final Set<String> DISPLAY_FRAME_KEYS = Set.of("pixmap", "frame_number", "keyframe");
    private static final Set<String> DISPLAY_KEYS = Set.of("id", "bounds", "scale_factor", "primary", "name");
    private static final Set<String> ENVIRONMENT_KEYS = Set.of("os", "os_version", "hostname", "locale", "timezone",
            "displays");
    private static final Set<String> WINDOW_KEYS = Set.of("id", "title", "app_name", "pid", "bounds", "focused",
            "minimized", "workspace");
    private static final Set<String> PROCESS_KEYS = Set.of("pid", "name", "ppid", "cmdline");
    private static final Set<String> UI_ELEMENT_KEYS = Set.of("role", "name", "value", "bounds", "focused", "enabled",
            "actions", "children", "metadata");
    private static final Set<String> POINTER_EVENT_KEYS = Set.of("action", "point", "button", "modifiers", "dx", "dy",
            "pressure", "tilt_x", "tilt_y", "timestamp");
    private static final Set<String> KEY_EVENT_KEYS = Set.of("action", "keysym", "char", "scancode", "modifiers",
            "is_repeat", "timestamp");
    private static final Set<String> TEXT_INPUT_KEYS = Set.of("text", "interval_ms");
    private static final Set<String> CLIPBOARD_CONTENTS_KEYS = Set.of("entries");
    private static final Set<String> CLIPBOARD_ENTRY_KEYS = Set.of("mime_type", "data");
    private static final Set<String> FILE_ENTRY_KEYS = Set.of("path", "name", "is_dir", "size", "mtime", "mode");
    private static final Set<String> COMPLETED_COMMAND_KEYS = Set.of("returncode", "stdout", "stderr", "duration");
    private static final Set<String> NOTIFICATION_KEYS = Set.of("id", "title", "body", "app", "timestamp");
    private static final Set<String> MANIFEST_KEYS = Set.of("capabilities", "limits", "protocol_version", "backend",
            "description");

    private WireModel() {}

    // ================================================================== to wire

    /** {@code {x, y}}. */
    public static Map<String, @Nullable Object> toWire(Point point) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("x", point.x());
        map.put("y", point.y());
        return map;
    }

    /** {@code {x, y, width, height}}. */
    public static Map<String, @Nullable Object> toWire(Rect rect) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("x", rect.x());
        map.put("y", rect.y());
        map.put("width", rect.width());
        map.put("height", rect.height());
        return map;
    }

    /** {@code {data, format, width, height, logical_width, logical_height, display_id, captured_at}}. */
    public static Map<String, @Nullable Object> toWire(Pixmap pixmap) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("data", pixmap.data());
        map.put("format", pixmap.format().wire());
        map.put("width", (long) pixmap.width());
        map.put("height", (long) pixmap.height());
        map.put("logical_width", (long) pixmap.logicalWidth());
        map.put("logical_height", (long) pixmap.logicalHeight());
        map.put("display_id", pixmap.displayId());
        map.put("captured_at", pixmap.capturedAt());
        return map;
    }

    /** {@code {pixmap, frame_number, keyframe}}. */
    public static Map<String, @Nullable Object> toWire(DisplayFrame frame) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("pixmap", toWire(frame.pixmap()));
        map.put("frame_number", frame.frameNumber());
        map.put("keyframe", frame.keyframe());
        return map;
    }

    /** {@code {id, bounds, scale_factor, primary, name}}. */
    public static Map<String, @Nullable Object> toWire(Display display) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("id", display.id());
        map.put("bounds", toWire(display.bounds()));
        map.put("scale_factor", display.scaleFactor());
        map.put("primary", display.primary());
        map.put("name", display.name());
        return map;
    }

    /** {@code {os, os_version, hostname, locale, timezone, displays}}. */
    public static Map<String, @Nullable Object> toWire(Environment environment) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("os", environment.os());
        map.put("os_version", environment.osVersion());
        map.put("hostname", environment.hostname());
        map.put("locale", environment.locale());
        map.put("timezone", environment.timezone());
        map.put("displays", listToWire(environment.displays(), WireModel::toWire));
        return map;
    }

    /** {@code {id, title, app_name, pid, bounds, focused, minimized, workspace}}. */
    public static Map<String, @Nullable Object> toWire(Window window) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("id", window.id());
        map.put("title", window.title());
        map.put("app_name", window.appName());
        map.put("pid", window.pid());
        map.put("bounds", rectOrNull(window.bounds()));
        map.put("focused", window.focused());
        map.put("minimized", window.minimized());
        map.put("workspace", window.workspace());
        return map;
    }

    /** {@code {pid, name, ppid, cmdline}}. */
    public static Map<String, @Nullable Object> toWire(Process process) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("pid", process.pid());
        map.put("name", process.name());
        map.put("ppid", process.ppid());
        map.put("cmdline", new ArrayList<>(process.cmdline()));
        return map;
    }

    /** {@code {role, name, value, bounds, focused, enabled, actions, children, metadata}}, recursively. */
    public static Map<String, @Nullable Object> toWire(UIElement element) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("role", element.role());
        map.put("name", element.name());
        map.put("value", element.value());
        map.put("bounds", rectOrNull(element.bounds()));
        map.put("focused", element.focused());
        map.put("enabled", element.enabled());
        map.put("actions", new ArrayList<>(element.actions()));
        map.put("children", listToWire(element.children(), WireModel::toWire));
        map.put("metadata", new LinkedHashMap<>(element.metadata()));
        return map;
    }

    /** {@code {action, point, button, modifiers, dx, dy, pressure, tilt_x, tilt_y, timestamp}}. */
    public static Map<String, @Nullable Object> toWire(PointerEvent event) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("action", event.action().wire());
        map.put("point", toWire(event.point()));
        MouseButton button = event.button();
        map.put("button", button == null ? null : button.wire());
        map.put("modifiers", modifiersToWire(event.modifiers()));
        map.put("dx", event.dx());
        map.put("dy", event.dy());
        map.put("pressure", event.pressure());
        map.put("tilt_x", event.tiltX());
        map.put("tilt_y", event.tiltY());
        map.put("timestamp", event.timestamp());
        return map;
    }

    /** {@code {action, keysym, char, scancode, modifiers, is_repeat, timestamp}}. */
    public static Map<String, @Nullable Object> toWire(KeyEvent event) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("action", event.action().wire());
        map.put("keysym", event.keysym());
        map.put("char", event.character());
        Integer scancode = event.scancode();
        map.put("scancode", scancode == null ? null : Long.valueOf(scancode));
        map.put("modifiers", modifiersToWire(event.modifiers()));
        map.put("is_repeat", event.isRepeat());
        map.put("timestamp", event.timestamp());
        return map;
    }

    /** A {@link PointerEvent} or {@link KeyEvent} map, as {@code input.subscribe} items carry them. */
    public static Map<String, @Nullable Object> toWire(InputEvent event) {
        if (event instanceof KeyEvent key) {
            return toWire(key);
        }
        return toWire((PointerEvent) event);
    }

    /** {@code {text, interval_ms}}. */
    public static Map<String, @Nullable Object> toWire(TextInput textInput) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("text", textInput.text());
        map.put("interval_ms", (long) textInput.intervalMs());
        return map;
    }

    /** {@code {entries}}. */
    public static Map<String, @Nullable Object> toWire(ClipboardContents contents) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("entries", listToWire(contents.entries(), WireModel::toWire));
        return map;
    }

    /** {@code {mime_type, data}}. */
    public static Map<String, @Nullable Object> toWire(ClipboardEntry entry) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("mime_type", entry.mimeType());
        map.put("data", entry.data());
        return map;
    }

    /** {@code {path, name, is_dir, size, mtime, mode}}. */
    public static Map<String, @Nullable Object> toWire(FileEntry entry) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("path", entry.path());
        map.put("name", entry.name());
        map.put("is_dir", entry.isDir());
        map.put("size", entry.size());
        map.put("mtime", entry.mtime());
        map.put("mode", entry.mode());
        return map;
    }

    /** {@code {returncode, stdout, stderr, duration}}. */
    public static Map<String, @Nullable Object> toWire(CompletedCommand command) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("returncode", (long) command.returncode());
        map.put("stdout", command.stdout());
        map.put("stderr", command.stderr());
        map.put("duration", command.duration());
        return map;
    }

    /** {@code {id, title, body, app, timestamp}}. */
    public static Map<String, @Nullable Object> toWire(Notification notification) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("id", notification.id());
        map.put("title", notification.title());
        map.put("body", notification.body());
        map.put("app", notification.app());
        map.put("timestamp", notification.timestamp());
        return map;
    }

    /**
     * {@code {capabilities, limits, protocol_version, backend, description}}; the capability set is
     * written as an array of wire strings in enum order.
     */
    public static Map<String, @Nullable Object> toWire(CapabilityManifest manifest) {
        List<@Nullable Object> capabilities = new ArrayList<>();
        for (Capability capability : manifest.capabilities()) {
            capabilities.add(capability.wire());
        }
        Map<String, @Nullable Object> limits = new LinkedHashMap<>();
        manifest.limits().forEach((key, value) -> limits.put(key, new LinkedHashMap<>(value)));
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("capabilities", capabilities);
        map.put("limits", limits);
        map.put("protocol_version", manifest.protocolVersion());
        map.put("backend", manifest.backend());
        map.put("description", manifest.description());
        return map;
    }

    /** {@code display.capture} params: {@code {display_id, region, downscale}}. */
    public static Map<String, @Nullable Object> toWire(CaptureRequest request) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("display_id", request.displayId());
        map.put("region", rectOrNull(request.region()));
        map.put("downscale", request.downscale());
        return map;
    }

    /** {@code display.subscribe} params: {@code {display_id, fps, region}}. */
    public static Map<String, @Nullable Object> toWire(DisplaySubscription subscription) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("display_id", subscription.displayId());
        map.put("fps", (long) subscription.fps());
        map.put("region", rectOrNull(subscription.region()));
        return map;
    }

    /** {@code ui.tree} params: {@code {window_id, app, max_depth}}. */
    public static Map<String, @Nullable Object> toWire(UiTreeRequest request) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("window_id", request.windowId());
        map.put("app", request.app());
        map.put("max_depth", (long) request.maxDepth());
        return map;
    }

    /** {@code process.shell} params: {@code {command, timeout, cwd, env}}; an empty env is nil. */
    public static Map<String, @Nullable Object> toWire(ShellCommand command) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("command", command.command());
        map.put("timeout", secondsOrNull(command.timeout()));
        map.put("cwd", command.cwd());
        map.put("env", envOrNull(command.env()));
        return map;
    }

    /** {@code process.exec} params: {@code {argv, timeout, cwd, env, stdin}}; an empty env is nil. */
    public static Map<String, @Nullable Object> toWire(ExecCommand command) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("argv", new ArrayList<>(command.argv()));
        map.put("timeout", secondsOrNull(command.timeout()));
        map.put("cwd", command.cwd());
        map.put("env", envOrNull(command.env()));
        map.put("stdin", command.stdin());
        return map;
    }

    /** The {@code {"items": [...]}} result of the list methods, each item converted by {@code toWire}. */
    public static <T> Map<String, @Nullable Object> itemsToWire(List<T> items, Function<? super T, ?> toWire) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("items", listToWire(items, toWire));
        return map;
    }

    /** The wire seconds of a timeout: a float, or nil for none. */
    public static @Nullable Double secondsOrNull(@Nullable Duration timeout) {
        return timeout == null ? null : timeout.getSeconds() + timeout.getNano() / 1e9;
    }

    private static @Nullable Map<String, @Nullable Object> rectOrNull(@Nullable Rect rect) {
        return rect == null ? null : toWire(rect);
    }

    private static @Nullable Map<String, @Nullable Object> envOrNull(Map<String, String> env) {
        return env.isEmpty() ? null : new LinkedHashMap<>(env);
    }

    private static List<@Nullable Object> modifiersToWire(List<Modifier> modifiers) {
        List<@Nullable Object> list = new ArrayList<>(modifiers.size());
        for (Modifier modifier : modifiers) {
            list.add(modifier.wire());
        }
        return list;
    }

    private static <T> List<@Nullable Object> listToWire(List<T> values, Function<? super T, ?> toWire) {
        List<@Nullable Object> list = new ArrayList<>(values.size());
        for (T value : values) {
            list.add(toWire.apply(value));
        }
        return list;
    }

    // ================================================================== from wire

    /** Parses a {@link Point}. */
    public static Point toPoint(@Nullable Object wire) {
        return point(wire, "Point");
    }

    /** Parses a {@link Rect}. */
    public static Rect toRect(@Nullable Object wire) {
        return rect(wire, "Rect");
    }

    /** Parses a {@link Pixmap} ({@code format} defaults to png, {@code display_id} to nil, {@code captured_at} to now). */
    public static Pixmap toPixmap(@Nullable Object wire) {
        return pixmap(wire, "Pixmap");
    }

    /** Parses a {@link DisplayFrame} ({@code frame_number} defaults to 0, {@code keyframe} to true). */
    public static DisplayFrame toDisplayFrame(@Nullable Object wire) {
        WireFields f = fields(wire, "DisplayFrame", DISPLAY_FRAME_KEYS);
        Pixmap pixmap = pixmap(f.required("pixmap"), f.where("pixmap"));
        long frameNumber = f.int64("frame_number", 0);
        boolean keyframe = f.bool("keyframe", true);
        return build(f, () -> new DisplayFrame(pixmap, frameNumber, keyframe));
    }

    /** Parses a {@link Display} ({@code scale_factor} defaults to 1.0, {@code primary} to false, {@code name} to nil). */
    public static Display toDisplay(@Nullable Object wire) {
        return display(wire, "Display");
    }

    /** Parses an {@link Environment} (everything but {@code os} defaults to "" or []). */
    public static Environment toEnvironment(@Nullable Object wire) {
        WireFields f = fields(wire, "Environment", ENVIRONMENT_KEYS);
        String os = f.str("os");
        String osVersion = f.str("os_version", "");
        String hostname = f.str("hostname", "");
        String locale = f.str("locale", "");
        String timezone = f.str("timezone", "");
        List<Display> displays = parseList(f, "displays", f.listOrEmpty("displays"), WireModel::display);
        return build(f, () -> new Environment(os, osVersion, hostname, locale, timezone, displays));
    }

    /** Parses a {@link Window}. */
    public static Window toWindow(@Nullable Object wire) {
        WireFields f = fields(wire, "Window", WINDOW_KEYS);
        String id = f.str("id");
        String title = f.str("title");
        String appName = f.str("app_name");
        Long pid = f.int64OrNull("pid");
        Rect bounds = rectOrNull(f, "bounds");
        boolean focused = f.bool("focused", false);
        boolean minimized = f.bool("minimized", false);
        String workspace = f.strOrNull("workspace");
        return build(f, () -> new Window(id, title, appName, pid, bounds, focused, minimized, workspace));
    }

    /** Parses a {@link Process}. */
    public static Process toProcess(@Nullable Object wire) {
        WireFields f = fields(wire, "Process", PROCESS_KEYS);
        long pid = f.int64("pid");
        String name = f.str("name");
        Long ppid = f.int64OrNull("ppid");
        List<String> cmdline = f.strings("cmdline", f.listOrEmpty("cmdline"));
        return build(f, () -> new Process(pid, name, ppid, cmdline));
    }

    /** Parses a {@link UIElement} tree. */
    public static UIElement toUIElement(@Nullable Object wire) {
        return uiElement(wire, "UIElement");
    }

    /** Parses a {@link PointerEvent} ({@code timestamp} defaults to now). */
    public static PointerEvent toPointerEvent(@Nullable Object wire) {
        return pointerEvent(wire, "PointerEvent");
    }

    /** Parses a {@link KeyEvent} (wire {@code char} → {@code character}; {@code timestamp} defaults to now). */
    public static KeyEvent toKeyEvent(@Nullable Object wire) {
        return keyEvent(wire, "KeyEvent");
    }

    /** Parses an {@code input.subscribe} item: a {@link KeyEvent} if it has {@code keysym}, else a {@link PointerEvent}. */
    public static InputEvent toInputEvent(@Nullable Object wire) {
        if (wire instanceof Map<?, ?> map && map.containsKey("keysym")) {
            return keyEvent(wire, "KeyEvent");
        }
        return pointerEvent(wire, "PointerEvent");
    }

    /** Parses a {@link TextInput} ({@code interval_ms} defaults to 20). */
    public static TextInput toTextInput(@Nullable Object wire) {
        WireFields f = fields(wire, "TextInput", TEXT_INPUT_KEYS);
        String text = f.str("text");
        int intervalMs = f.int32("interval_ms", TextInput.DEFAULT_INTERVAL_MS);
        return build(f, () -> new TextInput(text, intervalMs));
    }

    /** Parses {@link ClipboardContents} ({@code entries} defaults to []). */
    public static ClipboardContents toClipboardContents(@Nullable Object wire) {
        WireFields f = fields(wire, "ClipboardContents", CLIPBOARD_CONTENTS_KEYS);
        List<ClipboardEntry> entries = parseList(f, "entries", f.listOrEmpty("entries"), WireModel::clipboardEntry);
        return build(f, () -> new ClipboardContents(entries));
    }

    /** Parses a {@link ClipboardEntry}. */
    public static ClipboardEntry toClipboardEntry(@Nullable Object wire) {
        return clipboardEntry(wire, "ClipboardEntry");
    }

    /** Parses a {@link FileEntry} ({@code size} defaults to 0, {@code mtime}/{@code mode} to nil). */
    public static FileEntry toFileEntry(@Nullable Object wire) {
        WireFields f = fields(wire, "FileEntry", FILE_ENTRY_KEYS);
        String path = f.str("path");
        String name = f.str("name");
        boolean isDir = f.bool("is_dir");
        long size = f.int64("size", 0);
        Double mtime = f.float64OrNull("mtime");
        Long mode = f.int64OrNull("mode");
        return build(f, () -> new FileEntry(path, name, isDir, size, mtime, mode));
    }

    /** Parses a {@link CompletedCommand} ({@code duration} defaults to 0.0). */
    public static CompletedCommand toCompletedCommand(@Nullable Object wire) {
        WireFields f = fields(wire, "CompletedCommand", COMPLETED_COMMAND_KEYS);
        int returncode = f.int32("returncode");
        byte[] stdout = f.bin("stdout");
        byte[] stderr = f.bin("stderr");
        double duration = f.float64("duration", 0.0);
        return build(f, () -> new CompletedCommand(returncode, stdout, stderr, duration));
    }

    /** Parses a {@link Notification} ({@code body} defaults to "", {@code app} to nil, {@code timestamp} to now). */
    public static Notification toNotification(@Nullable Object wire) {
        WireFields f = fields(wire, "Notification", NOTIFICATION_KEYS);
        String id = f.str("id");
        String title = f.str("title");
        String body = f.str("body", "");
        String app = f.strOrNull("app");
        double timestamp = f.float64("timestamp", now());
        return build(f, () -> new Notification(id, title, body, app, timestamp));
    }

    /**
     * Parses a {@link CapabilityManifest} strictly: an unknown key or capability value is
     * {@code invalid_argument}. Absent keys take the defaults (no capabilities, no limits,
     * {@code "0.1"}, {@code "unknown"}, {@code ""}).
     */
    public static CapabilityManifest toManifest(@Nullable Object wire) {
        WireFields f = fields(wire, "CapabilityManifest", MANIFEST_KEYS);
        List<String> names = f.strings("capabilities", f.listOrEmpty("capabilities"));
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String name : names) {
            Optional<Capability> capability = Capability.fromWire(name);
            if (capability.isEmpty()) {
                throw f.error("unknown capability '" + name + "' in " + f.where("capabilities"));
            }
            capabilities.add(capability.get());
        }
        Map<String, Map<String, Object>> limits = new LinkedHashMap<>();
        Map<String, @Nullable Object> rawLimits = f.mapOrEmpty("limits");
        WireFields limitFields = WireFields.of(rawLimits, INVALID, "", f.where("limits"), null);
        for (String key : rawLimits.keySet()) {
            limits.put(key, withoutNils(limitFields.map(key)));
        }
        String protocolVersion = f.str("protocol_version", CapabilityManifest.PROTOCOL_VERSION);
        String backend = f.str("backend", CapabilityManifest.UNKNOWN_BACKEND);
        String description = f.str("description", "");
        return build(f, () -> new CapabilityManifest(capabilities, limits, protocolVersion, backend, description));
    }

    /**
     * Parses the HELLO {@code capabilities} as the Python client does: anything it cannot read
     * (unknown key, unknown capability, wrong type) yields {@link CapabilityManifest#empty()}.
     */
    public static CapabilityManifest manifestOrEmpty(@Nullable Object wire) {
        try {
            return toManifest(wire);
        } catch (OpendeskException e) {
            return CapabilityManifest.empty();
        }
    }

    /** Reads {@code display.capture} params as the reference server does (defaults nil, nil, true). */
    public static CaptureRequest toCaptureRequest(@Nullable Object params) {
        WireFields f = params(params, "display.capture");
        String displayId = f.strOrNull("display_id");
        Rect region = rectOrNull(f, "region");
        boolean downscale = f.raw("downscale") == null || f.bool("downscale");
        return build(f, () -> new CaptureRequest(displayId, region, downscale));
    }

    /** Reads {@code display.subscribe} params as the reference server does (defaults nil, 30, nil). */
    public static DisplaySubscription toDisplaySubscription(@Nullable Object params) {
        WireFields f = params(params, "display.subscribe");
        String displayId = f.strOrNull("display_id");
        int fps = f.raw("fps") == null ? DisplaySubscription.MAX_FPS : f.int32("fps");
        Rect region = rectOrNull(f, "region");
        return build(f, () -> new DisplaySubscription(displayId, fps, region));
    }

    /** Reads {@code ui.tree} params as the reference server does (defaults nil, nil, 8). */
    public static UiTreeRequest toUiTreeRequest(@Nullable Object params) {
        WireFields f = params(params, "ui.tree");
        String windowId = f.strOrNull("window_id");
        String app = f.strOrNull("app");
        int maxDepth = f.raw("max_depth") == null ? UiTreeRequest.DEFAULT_MAX_DEPTH : f.int32("max_depth");
        return build(f, () -> new UiTreeRequest(windowId, app, maxDepth));
    }

    /** Reads {@code process.shell} params ({@code command} required; timeout, cwd, env default to nil). */
    public static ShellCommand toShellCommand(@Nullable Object params) {
        WireFields f = params(params, "process.shell");
        requireParam(f, "command");
        String command = f.str("command");
        Duration timeout = timeout(f);
        String cwd = f.strOrNull("cwd");
        Map<String, String> env = env(f);
        return build(f, () -> new ShellCommand(command, timeout, cwd, env));
    }

    /** Reads {@code process.exec} params ({@code argv} required; timeout, cwd, env, stdin default to nil). */
    public static ExecCommand toExecCommand(@Nullable Object params) {
        WireFields f = params(params, "process.exec");
        requireParam(f, "argv");
        List<String> argv = f.strings("argv", f.list("argv"));
        Duration timeout = timeout(f);
        String cwd = f.strOrNull("cwd");
        Map<String, String> env = env(f);
        byte[] stdin = f.binOrNull("stdin");
        return build(f, () -> new ExecCommand(argv, timeout, cwd, env, stdin));
    }

    /**
     * Parses the {@code {"items": [...]}} result of a list method with {@code parser} for each item.
     *
     * @throws OpendeskException {@code invalid_argument} if the result is not such a map or an item is bad
     */
    public static <T> List<T> itemsFromWire(@Nullable Object result, Function<@Nullable Object, T> parser) {
        WireFields f = WireFields.of(result, INVALID, "", "result", Set.of("items"));
        List<?> items = f.list("items");
        List<T> parsed = new ArrayList<>(items.size());
        for (Object item : items) {
            parsed.add(parser.apply(item));
        }
        return Collections.unmodifiableList(parsed);
    }

    /**
     * A timeout read from wire seconds (int or float; nil → null).
     *
     * @throws OpendeskException {@code invalid_argument} for a non-number, a negative or non-finite value
     */
    public static @Nullable Duration durationOrNull(@Nullable Object seconds) {
        if (seconds == null) {
            return null;
        }
        if (!(seconds instanceof Double || seconds instanceof Float || WireFields.lax(seconds) != null)) {
            throw new OpendeskException(INVALID, "timeout must be a float or nil, got " + MsgpackCodec.typeName(seconds));
        }
        double value = ((Number) seconds).doubleValue();
        if (!Double.isFinite(value) || value < 0) {
            throw new OpendeskException(INVALID, "timeout must be a finite, non-negative number, got " + value);
        }
        long whole = (long) Math.floor(Math.min(value, (double) Long.MAX_VALUE / 2));
        long nanos = Math.round((value - whole) * 1e9);
        return Duration.ofSeconds(whole).plusNanos(Math.min(nanos, 999_999_999L));
    }

    // ------------------------------------------------------------------ parsing helpers

    private static WireFields fields(@Nullable Object wire, String where, Set<String> keys) {
        return WireFields.of(wire, INVALID, "", where, keys);
    }

    private static WireFields params(@Nullable Object params, String method) {
        return WireFields.of(params, INVALID, "", method + " params", null);
    }

    private static void requireParam(WireFields f, String key) {
        if (!f.has(key)) {
            throw new OpendeskException(ErrorCode.INTERNAL, "'" + key + "'");
        }
    }

    private static @Nullable Duration timeout(WireFields f) {
        try {
            return durationOrNull(f.raw("timeout"));
        } catch (OpendeskException e) {
            throw f.error("'timeout' in " + f.where() + ": " + e.getMessage());
        }
    }

    private static Map<String, String> env(WireFields f) {
        Map<String, @Nullable Object> raw = f.mapOrNull("env");
        if (raw == null) {
            return Map.of();
        }
        Map<String, String> env = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (!(value instanceof String s)) {
                throw f.error("'env." + key + "' in " + f.where() + " must be a str, got " + MsgpackCodec.typeName(value));
            }
            env.put(key, s);
        });
        return env;
    }

    /** Builds a record, turning its validation failures into {@code invalid_argument} naming the path. */
    private static <T> T build(WireFields f, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (OpendeskException | NullPointerException | IllegalArgumentException e) {
            throw new OpendeskException(INVALID, f.prefix() + "invalid " + f.where() + ": " + e.getMessage(), e);
        }
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    private static <T> List<T> parseList(WireFields f, String key, List<?> list,
                                         java.util.function.BiFunction<@Nullable Object, String, T> parser) {
        List<T> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            result.add(parser.apply(list.get(i), f.where(key) + "[" + i + "]"));
        }
        return result;
    }

    private static @Nullable Rect rectOrNull(WireFields f, String key) {
        Object value = f.raw(key);
        return value == null ? null : rect(value, f.where(key));
    }

    private static <E extends Enum<E>> E enumValue(WireFields f, String key, String value,
                                                   Function<String, Optional<E>> fromWire) {
        return fromWire.apply(value).orElseThrow(
                () -> f.error("'" + key + "' in " + f.where() + " has an unknown value '" + value + "'"));
    }

    private static List<Modifier> modifiers(WireFields f) {
        List<String> names = f.strings("modifiers", f.listOrEmpty("modifiers"));
        List<Modifier> modifiers = new ArrayList<>(names.size());
        for (String name : names) {
            modifiers.add(enumValue(f, "modifiers", name, Modifier::fromWire));
        }
        return modifiers;
    }

    private static Map<String, Object> withoutNils(Map<String, @Nullable Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private static Point point(@Nullable Object wire, String where) {
        WireFields f = fields(wire, where, POINT_KEYS);
        double x = f.float64("x");
        double y = f.float64("y");
        return build(f, () -> new Point(x, y));
    }

    private static Rect rect(@Nullable Object wire, String where) {
        WireFields f = fields(wire, where, RECT_KEYS);
        double x = f.float64("x");
        double y = f.float64("y");
        double width = f.float64("width");
        double height = f.float64("height");
        return build(f, () -> new Rect(x, y, width, height));
    }

    private static Pixmap pixmap(@Nullable Object wire, String where) {
        WireFields f = fields(wire, where, PIXMAP_KEYS);
        byte[] data = f.bin("data");
        PixmapFormat format = f.has("format")
                ? enumValue(f, "format", f.str("format"), PixmapFormat::fromWire) : PixmapFormat.PNG;
        int width = f.int32("width");
        int height = f.int32("height");
        int logicalWidth = f.int32("logical_width");
        int logicalHeight = f.int32("logical_height");
        String displayId = f.strOrNull("display_id");
        double capturedAt = f.float64("captured_at", now());
        return build(f, () -> new Pixmap(data, format, width, height, logicalWidth, logicalHeight, displayId,
                capturedAt));
    }

    private static Display display(@Nullable Object wire, String where) {
        WireFields f = fields(wire, where, DISPLAY_KEYS);
        String id = f.str("id");
        Rect bounds = rect(f.required("bounds"), f.where("bounds"));
        double scaleFactor = f.float64("scale_factor", 1.0);
        boolean primary = f.bool("primary", false);
        String name = f.strOrNull("name");
        return build(f, () -> new Display(id, bounds, scaleFactor, primary, name));
    }

    private static UIElement uiElement(@Nullable Object wire, String where) {
        WireFields f = fields(wire, where, UI_ELEMENT_KEYS);
        String role = f.str("role");
        String name = f.str("name", "");
        String value = f.strOrNull("value");
        Rect bounds = rectOrNull(f, "bounds");
        boolean focused = f.bool("focused", false);
        boolean enabled = f.bool("enabled", true);
        List<String> actions = f.strings("actions", f.listOrEmpty("actions"));
        List<UIElement> children = parseList(f, "children", f.listOrEmpty("children"), WireModel::uiElement);
        Map<String, Object> metadata = withoutNils(f.mapOrEmpty("metadata"));
        return build(f, () -> new UIElement(role, name, value, bounds, focused, enabled, actions, children, metadata));
    }

    private static PointerEvent pointerEvent(@Nullable Object wire, String where) {
        WireFields f = fields(wire, where, POINTER_EVENT_KEYS);
        PointerAction action = enumValue(f, "action", f.str("action"), PointerAction::fromWire);
        Point point = point(f.required("point"), f.where("point"));
        String buttonName = f.strOrNull("button");
        MouseButton button = buttonName == null ? null : enumValue(f, "button", buttonName, MouseButton::fromWire);
        List<Modifier> modifiers = modifiers(f);
        double dx = f.float64("dx", 0.0);
        double dy = f.float64("dy", 0.0);
        Double pressure = f.float64OrNull("pressure");
        Double tiltX = f.float64OrNull("tilt_x");
        Double tiltY = f.float64OrNull("tilt_y");
        double timestamp = f.float64("timestamp", now());
        return build(f, () -> new PointerEvent(action, point, button, modifiers, dx, dy, pressure, tiltX, tiltY,
                timestamp));
    }

    private static KeyEvent keyEvent(@Nullable Object wire, String where) {
        WireFields f = fields(wire, where, KEY_EVENT_KEYS);
        KeyAction action = enumValue(f, "action", f.str("action"), KeyAction::fromWire);
        String keysym = f.str("keysym");
        String character = f.strOrNull("char");
        Integer scancode = f.int32OrNull("scancode");
        List<Modifier> modifiers = modifiers(f);
        boolean isRepeat = f.bool("is_repeat", false);
        double timestamp = f.float64("timestamp", now());
        return build(f, () -> new KeyEvent(action, keysym, character, scancode, modifiers, isRepeat, timestamp));
    }

    private static ClipboardEntry clipboardEntry(@Nullable Object wire, String where) {
        WireFields f = fields(wire, where, CLIPBOARD_ENTRY_KEYS);
        String mimeType = f.str("mime_type");
        byte[] data = f.bin("data");
        return build(f, () -> new ClipboardEntry(mimeType, data));
    }
}
