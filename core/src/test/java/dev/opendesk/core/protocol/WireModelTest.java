package dev.opendesk.core.protocol;

import static dev.opendesk.core.protocol.MsgpackCodecTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

final class WireModelTest {
    private static final Rect RECT = new Rect(10, 20, 300.5, 40);
    private static final Pixmap PIXMAP = new Pixmap(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, PixmapFormat.PNG,
            1920, 1080, 2560, 1440, "1", 1_700_000_000.25);
    private static final Display DISPLAY = new Display("1", new Rect(0, 0, 2560, 1440), 2.0, true, "display-1");
    private static final UIElement TREE = new UIElement("window", "Main", null, RECT, true, true, List.of(),
            List.of(new UIElement("button", "OK", "v", new Rect(1, 2, 3, 4), false, false, List.of("click", "press"),
                    List.of(UIElement.leaf("text", "")), Map.of("menu_path", List.of("File", "Save"))),
                    UIElement.leaf("group", "g")),
            Map.of("app", "Finder"));

    private static Map<String, Object> wire(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }

    /** toWire → msgpack bytes → decode → parse. */
    private static <T> T roundTrip(Map<String, Object> wire, Function<Object, T> parser) {
        return parser.apply(MsgpackCodec.decode(MsgpackCodec.encode(wire)));
    }

    private static void assertInvalid(ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call)
                .isInstanceOf(OpendeskException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void geometryRoundTrips() {
        Point point = new Point(-1.5, 2);
        assertThat(roundTrip(WireModel.toWire(point), WireModel::toPoint)).isEqualTo(point);
        assertThat(roundTrip(WireModel.toWire(RECT), WireModel::toRect)).isEqualTo(RECT);
    }

    @Test
    void displayValuesRoundTrip() {
        assertThat(roundTrip(WireModel.toWire(PIXMAP), WireModel::toPixmap)).isEqualTo(PIXMAP);
        Pixmap noId = new Pixmap(new byte[0], PixmapFormat.RAW_RGBA, 1, 1, 1, 1, null, 0);
        assertThat(roundTrip(WireModel.toWire(noId), WireModel::toPixmap)).isEqualTo(noId);
        DisplayFrame frame = new DisplayFrame(PIXMAP, 7, false);
        assertThat(roundTrip(WireModel.toWire(frame), WireModel::toDisplayFrame)).isEqualTo(frame);
        assertThat(roundTrip(WireModel.toWire(DISPLAY), WireModel::toDisplay)).isEqualTo(DISPLAY);
        Display unnamed = new Display("2", RECT, 1.0, false, null);
        assertThat(roundTrip(WireModel.toWire(unnamed), WireModel::toDisplay)).isEqualTo(unnamed);
        Environment environment = new Environment("Linux", "6.8", "host", "en_US", "Europe/Berlin",
                List.of(DISPLAY, unnamed));
        assertThat(roundTrip(WireModel.toWire(environment), WireModel::toEnvironment)).isEqualTo(environment);
    }

    @Test
    void windowsProcessesAndTreesRoundTrip() {
        Window window = new Window("w1", "Title", "App", 123L, RECT, true, true, "desk 2");
        assertThat(roundTrip(WireModel.toWire(window), WireModel::toWindow)).isEqualTo(window);
        Window bare = Window.of("w2", "", "");
        assertThat(roundTrip(WireModel.toWire(bare), WireModel::toWindow)).isEqualTo(bare);
        Process process = new Process(42, "bash", 1L, List.of("bash", "-l"));
        assertThat(roundTrip(WireModel.toWire(process), WireModel::toProcess)).isEqualTo(process);
        assertThat(roundTrip(WireModel.toWire(Process.of(1, "init")), WireModel::toProcess))
                .isEqualTo(Process.of(1, "init"));
        assertThat(roundTrip(WireModel.toWire(TREE), WireModel::toUIElement)).isEqualTo(TREE);
    }

    @Test
    void inputEventsRoundTrip() {
        PointerEvent pointer = new PointerEvent(PointerAction.DOWN, new Point(812, 410), MouseButton.X2,
                List.of(Modifier.SHIFT, Modifier.META), 1.0, -3.0, 0.5, 10.0, -10.0, 1_700_000_000.5);
        assertThat(roundTrip(WireModel.toWire(pointer), WireModel::toPointerEvent)).isEqualTo(pointer);
        PointerEvent move = PointerEvent.move(new Point(1, 2));
        assertThat(roundTrip(WireModel.toWire(move), WireModel::toPointerEvent)).isEqualTo(move);
        KeyEvent key = new KeyEvent(KeyAction.UP, "a", "A", 30, List.of(Modifier.CAPS_LOCK), true, 12.25);
        assertThat(roundTrip(WireModel.toWire(key), WireModel::toKeyEvent)).isEqualTo(key);
        KeyEvent bare = KeyEvent.down("enter");
        assertThat(roundTrip(WireModel.toWire(bare), WireModel::toKeyEvent)).isEqualTo(bare);
        assertThat(roundTrip(WireModel.toWire((InputEvent) key), WireModel::toInputEvent)).isEqualTo(key);
        assertThat(roundTrip(WireModel.toWire((InputEvent) pointer), WireModel::toInputEvent)).isEqualTo(pointer);
        TextInput text = new TextInput("héllo ✓", 0);
        assertThat(roundTrip(WireModel.toWire(text), WireModel::toTextInput)).isEqualTo(text);
    }

    @Test
    void clipboardFilesCommandsAndNotificationsRoundTrip() {
        ClipboardContents contents = new ClipboardContents(List.of(ClipboardEntry.ofText("hi"),
                new ClipboardEntry("image/png", new byte[] {1, 2, 3})));
        assertThat(roundTrip(WireModel.toWire(contents), WireModel::toClipboardContents)).isEqualTo(contents);
        assertThat(roundTrip(WireModel.toWire(ClipboardContents.empty()), WireModel::toClipboardContents))
                .isEqualTo(ClipboardContents.empty());
        ClipboardEntry entry = ClipboardEntry.ofText("x");
        assertThat(roundTrip(WireModel.toWire(entry), WireModel::toClipboardEntry)).isEqualTo(entry);
        FileEntry file = new FileEntry("/tmp/a", "a", false, 10, 1.5, 33188L);
        assertThat(roundTrip(WireModel.toWire(file), WireModel::toFileEntry)).isEqualTo(file);
        FileEntry dir = new FileEntry("/", "", true, 0, null, null);
        assertThat(roundTrip(WireModel.toWire(dir), WireModel::toFileEntry)).isEqualTo(dir);
        CompletedCommand command = new CompletedCommand(-9, "out".getBytes(StandardCharsets.UTF_8), new byte[0], 0.25);
        assertThat(roundTrip(WireModel.toWire(command), WireModel::toCompletedCommand)).isEqualTo(command);
        Notification notification = new Notification("n1", "Title", "Body", "Mail", 1.0);
        assertThat(roundTrip(WireModel.toWire(notification), WireModel::toNotification)).isEqualTo(notification);
        Notification noApp = new Notification("n2", "T", "", null, 2.0);
        assertThat(roundTrip(WireModel.toWire(noApp), WireModel::toNotification)).isEqualTo(noApp);
    }

    @Test
    void manifestRoundTrips() {
        Map<String, Map<String, Object>> limits = new LinkedHashMap<>();
        limits.put("display.stream", Map.of("max_fps", 30L));
        CapabilityManifest manifest = new CapabilityManifest(EnumSet.allOf(Capability.class), limits, "0.1",
                "local/linux", "render box");
        assertThat(roundTrip(WireModel.toWire(manifest), WireModel::toManifest)).isEqualTo(manifest);
        assertThat(roundTrip(WireModel.toWire(CapabilityManifest.empty()), WireModel::toManifest))
                .isEqualTo(CapabilityManifest.empty());
    }

    // ------------------------------------------------------------------ wire shape

    @Test
    void keyOrderFollowsThePythonModels() {
        assertThat(WireModel.toWire(PIXMAP).keySet()).containsExactly("data", "format", "width", "height",
                "logical_width", "logical_height", "display_id", "captured_at");
        assertThat(WireModel.toWire(DisplayFrame.of(PIXMAP, 0)).keySet())
                .containsExactly("pixmap", "frame_number", "keyframe");
        assertThat(WireModel.toWire(DISPLAY).keySet()).containsExactly("id", "bounds", "scale_factor", "primary", "name");
        assertThat(WireModel.toWire(new Environment("Linux", "", "", "", "", List.of())).keySet())
                .containsExactly("os", "os_version", "hostname", "locale", "timezone", "displays");
        assertThat(WireModel.toWire(Window.of("w", "", "")).keySet()).containsExactly("id", "title", "app_name", "pid",
                "bounds", "focused", "minimized", "workspace");
        assertThat(WireModel.toWire(Process.of(1, "x")).keySet()).containsExactly("pid", "name", "ppid", "cmdline");
        assertThat(WireModel.toWire(TREE).keySet()).containsExactly("role", "name", "value", "bounds", "focused",
                "enabled", "actions", "children", "metadata");
        assertThat(WireModel.toWire(PointerEvent.move(new Point(0, 0))).keySet()).containsExactly("action", "point",
                "button", "modifiers", "dx", "dy", "pressure", "tilt_x", "tilt_y", "timestamp");
        assertThat(WireModel.toWire(KeyEvent.down("a")).keySet()).containsExactly("action", "keysym", "char",
                "scancode", "modifiers", "is_repeat", "timestamp");
        assertThat(WireModel.toWire(TextInput.of("x")).keySet()).containsExactly("text", "interval_ms");
        assertThat(WireModel.toWire(ClipboardEntry.ofText("x")).keySet()).containsExactly("mime_type", "data");
        assertThat(WireModel.toWire(new FileEntry("/a", "a", false, 0, null, null)).keySet())
                .containsExactly("path", "name", "is_dir", "size", "mtime", "mode");
        assertThat(WireModel.toWire(new CompletedCommand(0, new byte[0], new byte[0], 0)).keySet())
                .containsExactly("returncode", "stdout", "stderr", "duration");
        assertThat(WireModel.toWire(new Notification("n", "t", "", null, 0)).keySet())
                .containsExactly("id", "title", "body", "app", "timestamp");
        assertThat(WireModel.toWire(CapabilityManifest.empty()).keySet())
                .containsExactly("capabilities", "limits", "protocol_version", "backend", "description");
    }

    @Test
    void floatFieldsAreDoublesAndIntFieldsAreLongs() {
        Map<String, Object> rect = WireModel.toWire(new Rect(0, 0, 100, 50));
        assertThat(rect.values()).allMatch(Double.class::isInstance);
        assertThat(hex(MsgpackCodec.encode(WireModel.toWire(new Point(50, 60)))))
                .isEqualTo("82a178cb4049000000000000a179cb404e000000000000");
        Map<String, Object> pixmap = WireModel.toWire(PIXMAP);
        assertThat(pixmap.get("width")).isEqualTo(1920L);
        assertThat(pixmap.get("logical_height")).isEqualTo(1440L);
        assertThat(pixmap.get("format")).isEqualTo("png");
        assertThat(pixmap.get("data")).isInstanceOf(byte[].class);
        assertThat(WireModel.toWire(new Display("1", RECT, 1, true, null)).get("scale_factor")).isEqualTo(1.0);
        assertThat(WireModel.toWire(new KeyEvent(KeyAction.DOWN, "a", null, 4, List.of(), false, 5)))
                .containsEntry("scancode", 4L).containsEntry("timestamp", 5.0).containsEntry("char", null);
        assertThat(WireModel.toWire(new CompletedCommand(1, new byte[0], new byte[0], 2)))
                .containsEntry("returncode", 1L).containsEntry("duration", 2.0);
        assertThat(WireModel.toWire(TextInput.of("x"))).containsEntry("interval_ms", 20L);
        assertThat(WireModel.toWire(new PointerEvent(PointerAction.SCROLL, new Point(0, 0), null,
                List.of(Modifier.CTRL), 0, 3, null, null, null, 1)))
                .containsEntry("dx", 0.0).containsEntry("dy", 3.0).containsEntry("modifiers", List.of("ctrl"))
                .containsEntry("action", "scroll").containsEntry("button", null);
    }

    @Test
    void manifestCapabilitiesAreWireStringsInEnumOrder() {
        CapabilityManifest manifest = CapabilityManifest.of(Set.of(Capability.FS_READ, Capability.DISPLAY_CAPTURE),
                "local/linux");
        assertThat(WireModel.toWire(manifest).get("capabilities")).isEqualTo(List.of("display.capture", "fs.read"));
    }

    // ------------------------------------------------------------------ defaults and laxness

    @Test
    void absentOptionalKeysTakeTheReferenceDefaults() {
        assertThat(WireModel.toUIElement(wire("role", "button"))).isEqualTo(UIElement.leaf("button", ""));
        Display display = WireModel.toDisplay(wire("id", "1", "bounds", WireModel.toWire(RECT)));
        assertThat(display).isEqualTo(new Display("1", RECT, 1.0, false, null));
        Pixmap pixmap = WireModel.toPixmap(wire("data", new byte[0], "width", 1L, "height", 1L,
                "logical_width", 1L, "logical_height", 1L));
        assertThat(pixmap.format()).isEqualTo(PixmapFormat.PNG);
        assertThat(pixmap.displayId()).isNull();
        assertThat(pixmap.capturedAt()).isCloseTo(System.currentTimeMillis() / 1000.0, within(60.0));
        PointerEvent pointer = WireModel.toPointerEvent(wire("action", "move", "point", wire("x", 1L, "y", 2L)));
        assertThat(pointer.button()).isNull();
        assertThat(pointer.modifiers()).isEmpty();
        assertThat(pointer.dx()).isZero();
        assertThat(pointer.timestamp()).isCloseTo(System.currentTimeMillis() / 1000.0, within(60.0));
        KeyEvent key = WireModel.toKeyEvent(wire("action", "down", "keysym", "a"));
        assertThat(key.character()).isNull();
        assertThat(key.isRepeat()).isFalse();
        assertThat(WireModel.toTextInput(wire("text", "t"))).isEqualTo(TextInput.of("t"));
        assertThat(WireModel.toClipboardContents(wire())).isEqualTo(ClipboardContents.empty());
        assertThat(WireModel.toFileEntry(wire("path", "/a", "name", "a", "is_dir", true)))
                .isEqualTo(new FileEntry("/a", "a", true, 0, null, null));
        assertThat(WireModel.toCompletedCommand(wire("returncode", 0L, "stdout", new byte[0], "stderr", new byte[0]))
                .duration()).isZero();
        assertThat(WireModel.toEnvironment(wire("os", "Darwin")))
                .isEqualTo(new Environment("Darwin", "", "", "", "", List.of()));
        assertThat(WireModel.toNotification(wire("id", "n", "title", "t")).body()).isEmpty();
        assertThat(WireModel.toDisplayFrame(wire("pixmap", WireModel.toWire(PIXMAP))))
                .isEqualTo(DisplayFrame.of(PIXMAP, 0));
        assertThat(WireModel.toManifest(wire())).isEqualTo(CapabilityManifest.empty());
        assertThat(WireModel.toProcess(wire("pid", 1L, "name", "x"))).isEqualTo(Process.of(1, "x"));
        assertThat(WireModel.toWindow(wire("id", "w", "title", "t", "app_name", "a"))).isEqualTo(Window.of("w", "t", "a"));
    }

    @Test
    void intsAreAcceptedForFloatsAndIntegralFloatsForInts() {
        assertThat(WireModel.toPoint(wire("x", 50L, "y", -60L))).isEqualTo(new Point(50, -60));
        Pixmap pixmap = WireModel.toPixmap(wire("data", new byte[0], "width", 10.0, "height", 20.0,
                "logical_width", 10L, "logical_height", 20L, "captured_at", 5L));
        assertThat(pixmap.width()).isEqualTo(10);
        assertThat(pixmap.capturedAt()).isEqualTo(5.0);
        assertThat(WireModel.toProcess(wire("pid", 7.0, "name", "x", "ppid", 1.0)).ppid()).isEqualTo(1L);
    }

    @Test
    void nilMetadataAndLimitValuesAreDropped() {
        UIElement element = WireModel.toUIElement(wire("role", "r", "metadata", wire("app", null, "k", "v")));
        assertThat(element.metadata()).containsExactly(Map.entry("k", "v"));
        CapabilityManifest manifest = WireModel.toManifest(wire("limits", wire("display.stream",
                wire("max_fps", 30L, "other", null))));
        assertThat(manifest.limits().get("display.stream")).containsExactly(Map.entry("max_fps", 30L));
    }

    // ------------------------------------------------------------------ strictness

    @Test
    void unknownKeysAreRejectedAndNamed() {
        assertInvalid(() -> WireModel.toPoint(wire("x", 1.0, "y", 2.0, "z", 3.0)), "unknown key 'z' in Point");
        assertInvalid(() -> WireModel.toRect(wire("x", 1.0, "y", 2.0, "width", 1.0, "height", 1.0, "right", 2.0)),
                "unknown key 'right'");
        Map<String, Object> badChild = wire("role", "b", "bounds",
                wire("x", 0.0, "y", 0.0, "width", 1.0, "height", 1.0, "q", 1L));
        assertInvalid(() -> WireModel.toUIElement(wire("role", "root", "children", List.of(badChild))),
                "unknown key 'q' in UIElement.children[0].bounds");
        assertInvalid(() -> WireModel.toPointerEvent(wire("action", "move", "point", wire("x", 1.0, "y", 1.0, "w", 1L))),
                "unknown key 'w' in PointerEvent.point");
        assertInvalid(() -> WireModel.toKeyEvent(wire("action", "down", "keysym", "a", "character", "a")),
                "unknown key 'character' in KeyEvent");
        assertInvalid(() -> WireModel.toEnvironment(wire("os", "Linux", "displays",
                List.of(wire("id", "1", "bounds", WireModel.toWire(RECT), "platform", "x")))),
                "unknown key 'platform' in Environment.displays[0]");
        assertInvalid(() -> WireModel.toDisplayFrame(wire("pixmap", wire("data", new byte[0], "bogus", 1L))),
                "unknown key 'bogus' in DisplayFrame.pixmap");
    }

    @Test
    void wrongTypesAreRejected() {
        assertInvalid(() -> WireModel.toPoint(wire("x", "1", "y", 2.0)), "'x' in Point must be a float, got str");
        assertInvalid(() -> WireModel.toPoint(wire("x", true, "y", 2.0)), "'x' in Point must be a float, got bool");
        assertInvalid(() -> WireModel.toPoint(wire("x", null, "y", 2.0)), "got nil");
        assertInvalid(() -> WireModel.toPixmap(wire("data", "png", "width", 1L, "height", 1L, "logical_width", 1L,
                "logical_height", 1L)), "'data' in Pixmap must be bin, got str");
        assertInvalid(() -> WireModel.toPixmap(wire("data", new byte[0], "width", 1.5, "height", 1L,
                "logical_width", 1L, "logical_height", 1L)), "'width' in Pixmap must be an int, got float");
        assertInvalid(() -> WireModel.toPixmap(wire("data", new byte[0], "width", 1L << 40, "height", 1L,
                "logical_width", 1L, "logical_height", 1L)), "out of range");
        assertInvalid(() -> WireModel.toWindow(wire("id", "w", "title", "t", "app_name", "a", "focused", 1L)),
                "'focused' in Window must be a bool, got int");
        assertInvalid(() -> WireModel.toUIElement(wire("role", "r", "name", null)), "'name' in UIElement must be a str");
        assertInvalid(() -> WireModel.toUIElement(wire("role", "r", "actions", List.of("click", 1L))),
                "'actions[1]' in UIElement must be a str, got int");
        assertInvalid(() -> WireModel.toUIElement(wire("role", "r", "children", null)), "'children' in UIElement");
        assertInvalid(() -> WireModel.toUIElement(wire("role", "r", "children", List.of("x"))),
                "UIElement.children[0] must be a map, got str");
        assertInvalid(() -> WireModel.toProcess(wire("pid", 1L, "name", "x", "cmdline", "bash")),
                "'cmdline' in Process must be an array");
        assertInvalid(() -> WireModel.toClipboardEntry(wire("mime_type", "text/plain", "data", "text")),
                "'data' in ClipboardEntry must be bin");
        assertInvalid(() -> WireModel.toPoint(List.of(1.0, 2.0)), "Point must be a map, got array");
        assertInvalid(() -> WireModel.toPoint(null), "Point must be a map, got nil");
    }

    @Test
    void missingRequiredKeysAreRejected() {
        assertInvalid(() -> WireModel.toPoint(wire("x", 1.0)), "missing 'y' in Point");
        assertInvalid(() -> WireModel.toUIElement(wire("name", "n")), "missing 'role' in UIElement");
        assertInvalid(() -> WireModel.toPointerEvent(wire("action", "move")), "missing 'point' in PointerEvent");
        assertInvalid(() -> WireModel.toKeyEvent(wire("action", "down")), "missing 'keysym' in KeyEvent");
        assertInvalid(() -> WireModel.toDisplay(wire("id", "1")), "missing 'bounds' in Display");
        assertInvalid(() -> WireModel.toFileEntry(wire("path", "/a", "name", "a")), "missing 'is_dir' in FileEntry");
        assertInvalid(() -> WireModel.toCompletedCommand(wire("returncode", 0L, "stdout", new byte[0])),
                "missing 'stderr'");
        assertInvalid(() -> WireModel.toDisplayFrame(wire()), "missing 'pixmap' in DisplayFrame");
        assertInvalid(() -> WireModel.toEnvironment(wire()), "missing 'os' in Environment");
        assertInvalid(() -> WireModel.toNotification(wire("id", "n")), "missing 'title' in Notification");
        assertInvalid(() -> WireModel.toTextInput(wire()), "missing 'text' in TextInput");
    }

    @Test
    void badEnumValuesAndRecordViolationsAreInvalidArguments() {
        assertInvalid(() -> WireModel.toPointerEvent(wire("action", "click", "point", wire("x", 1.0, "y", 1.0))),
                "'action' in PointerEvent has an unknown value 'click'");
        assertInvalid(() -> WireModel.toPointerEvent(wire("action", "down", "point", wire("x", 1.0, "y", 1.0),
                "button", "left2")), "unknown value 'left2'");
        assertInvalid(() -> WireModel.toKeyEvent(wire("action", "down", "keysym", "a", "modifiers", List.of("hyper"))),
                "unknown value 'hyper'");
        assertInvalid(() -> WireModel.toPixmap(wire("data", new byte[0], "format", "gif", "width", 1L, "height", 1L,
                "logical_width", 1L, "logical_height", 1L)), "unknown value 'gif'");
        assertInvalid(() -> WireModel.toWindow(wire("id", "", "title", "t", "app_name", "a")), "Window");
        assertInvalid(() -> WireModel.toRect(wire("x", 0.0, "y", 0.0, "width", -1.0, "height", 1.0)), "width");
        assertInvalid(() -> WireModel.toPixmap(wire("data", new byte[0], "width", 0L, "height", 1L,
                "logical_width", 1L, "logical_height", 1L)), "width must be positive");
        assertInvalid(() -> WireModel.toClipboardEntry(wire("mime_type", " ", "data", new byte[0])), "mimeType");
    }

    @Test
    void manifestParsingStrictAndWithThePythonFallback() {
        Map<String, Object> unknownCapability = wire("capabilities", List.of("fs.read", "teleport"));
        assertInvalid(() -> WireModel.toManifest(unknownCapability), "unknown capability 'teleport'");
        assertThat(WireModel.manifestOrEmpty(unknownCapability)).isEqualTo(CapabilityManifest.empty());
        Map<String, Object> unknownKey = wire("capabilities", List.of("fs.read"), "platform", "linux");
        assertInvalid(() -> WireModel.toManifest(unknownKey), "unknown key 'platform' in CapabilityManifest");
        assertThat(WireModel.manifestOrEmpty(unknownKey)).isEqualTo(CapabilityManifest.empty());
        assertThat(WireModel.manifestOrEmpty(wire("limits", wire("x", 1L)))).isEqualTo(CapabilityManifest.empty());
        assertThat(WireModel.manifestOrEmpty(null)).isEqualTo(CapabilityManifest.empty());
        CapabilityManifest parsed = WireModel.manifestOrEmpty(wire("capabilities", List.of("fs.read", "fs.read"),
                "backend", "local/darwin", "description", "billing"));
        assertThat(parsed.capabilities()).containsExactly(Capability.FS_READ);
        assertThat(parsed.backend()).isEqualTo("local/darwin");
        assertThat(parsed.description()).isEqualTo("billing");
    }

    @Test
    void inputEventsAreToldApartByKeysym() {
        assertThat(WireModel.toInputEvent(wire("action", "down", "keysym", "a"))).isInstanceOf(KeyEvent.class);
        assertThat(WireModel.toInputEvent(wire("action", "down", "point", wire("x", 1.0, "y", 1.0))))
                .isInstanceOf(PointerEvent.class);
        assertInvalid(() -> WireModel.toInputEvent("x"), "must be a map");
    }

    // ------------------------------------------------------------------ request params

    @Test
    void captureParams() {
        Map<String, Object> wire = WireModel.toWire(CaptureRequest.primary());
        assertThat(wire.keySet()).containsExactly("display_id", "region", "downscale");
        assertThat(hex(MsgpackCodec.encode(wire)))
                .isEqualTo("83aa646973706c61795f6964c0a6726567696f6ec0a9646f776e7363616c65c3");
        CaptureRequest request = new CaptureRequest("2", RECT, false);
        assertThat(roundTrip(WireModel.toWire(request), WireModel::toCaptureRequest)).isEqualTo(request);
        assertThat(WireModel.toCaptureRequest(wire())).isEqualTo(CaptureRequest.primary());
        assertThat(WireModel.toCaptureRequest(wire("downscale", null, "ignored", 1L))).isEqualTo(CaptureRequest.primary());
        assertInvalid(() -> WireModel.toCaptureRequest(wire("region", wire("x", 1.0))), "missing 'y'");
        assertInvalid(() -> WireModel.toCaptureRequest(wire("display_id", 1L)), "'display_id'");
    }

    @Test
    void subscribeAndUiTreeParams() {
        assertThat(WireModel.toWire(DisplaySubscription.primary()))
                .containsExactly(entry("display_id", null), entry("fps", 30L), entry("region", null));
        DisplaySubscription subscription = new DisplaySubscription("1", 5, RECT);
        assertThat(roundTrip(WireModel.toWire(subscription), WireModel::toDisplaySubscription)).isEqualTo(subscription);
        assertThat(WireModel.toDisplaySubscription(wire())).isEqualTo(DisplaySubscription.primary());
        assertThat(WireModel.toDisplaySubscription(wire("fps", 10.0)).fps()).isEqualTo(10);
        assertThat(WireModel.toWire(UiTreeRequest.focused()))
                .containsExactly(entry("window_id", null), entry("app", null), entry("max_depth", 8L));
        UiTreeRequest tree = new UiTreeRequest("w", "Finder", 3);
        assertThat(roundTrip(WireModel.toWire(tree), WireModel::toUiTreeRequest)).isEqualTo(tree);
        assertThat(WireModel.toUiTreeRequest(wire())).isEqualTo(UiTreeRequest.focused());
        assertInvalid(() -> WireModel.toUiTreeRequest(wire("max_depth", "8")), "'max_depth'");
        assertInvalid(() -> WireModel.toUiTreeRequest(wire("max_depth", -1L)), "maxDepth");
    }

    @Test
    void shellParams() {
        assertThat(WireModel.toWire(ShellCommand.of("ls"))).containsExactly(entry("command", "ls"),
                entry("timeout", null), entry("cwd", null), entry("env", null));
        ShellCommand full = new ShellCommand("make", Duration.ofMillis(1500), "/src", Map.of("A", "1"));
        Map<String, Object> wire = WireModel.toWire(full);
        assertThat(wire.get("timeout")).isEqualTo(1.5);
        assertThat(roundTrip(wire, WireModel::toShellCommand)).isEqualTo(full);
        assertThat(WireModel.toShellCommand(wire("command", "x", "timeout", 2L)).timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(WireModel.toShellCommand(wire("command", "x", "env", null)).env()).isEmpty();
        assertThatThrownBy(() -> WireModel.toShellCommand(wire("timeout", 1.0)))
                .isInstanceOf(OpendeskException.class)
                .hasMessage("'command'")
                .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.INTERNAL));
        assertInvalid(() -> WireModel.toShellCommand(wire("command", "x", "timeout", "1")), "'timeout'");
        assertInvalid(() -> WireModel.toShellCommand(wire("command", "x", "timeout", true)), "'timeout'");
        assertInvalid(() -> WireModel.toShellCommand(wire("command", "x", "timeout", -1.0)), "non-negative");
        assertInvalid(() -> WireModel.toShellCommand(wire("command", "x", "env", wire("A", 1L))), "'env.A'");
        assertInvalid(() -> WireModel.toShellCommand(wire("command", null)), "'command'");
    }

    @Test
    void execParams() {
        assertThat(WireModel.toWire(ExecCommand.of("ls", "-l"))).containsExactly(entry("argv", List.of("ls", "-l")),
                entry("timeout", null), entry("cwd", null), entry("env", null), entry("stdin", null));
        ExecCommand full = new ExecCommand(List.of("cat"), Duration.ofSeconds(3), "/", Map.of("K", "V"),
                new byte[] {1, 2});
        assertThat(roundTrip(WireModel.toWire(full), WireModel::toExecCommand)).isEqualTo(full);
        assertThatThrownBy(() -> WireModel.toExecCommand(wire()))
                .isInstanceOf(OpendeskException.class)
                .hasMessage("'argv'")
                .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.INTERNAL));
        assertInvalid(() -> WireModel.toExecCommand(wire("argv", List.of())), "argv must not be empty");
        assertInvalid(() -> WireModel.toExecCommand(wire("argv", List.of("a", 1L))), "'argv[1]'");
        assertInvalid(() -> WireModel.toExecCommand(wire("argv", List.of("a"), "stdin", "text")), "'stdin'");
    }

    @Test
    void durations() {
        assertThat(WireModel.secondsOrNull(null)).isNull();
        assertThat(WireModel.secondsOrNull(Duration.ofMillis(250))).isEqualTo(0.25);
        assertThat(WireModel.durationOrNull(0.001)).isEqualTo(Duration.ofMillis(1));
        assertThat(WireModel.durationOrNull(30L)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WireModel.durationOrNull(null)).isNull();
        assertInvalid(() -> WireModel.durationOrNull(Double.NaN), "finite");
    }

    @Test
    void items() {
        Map<String, Object> wire = WireModel.itemsToWire(List.of(DISPLAY), WireModel::toWire);
        List<Display> displays = roundTrip(wire, result -> WireModel.itemsFromWire(result, WireModel::toDisplay));
        assertThat(displays).containsExactly(DISPLAY);
        Map<String, Object> apps = WireModel.itemsToWire(List.of("Finder", "Mail"), Function.identity());
        assertThat(WireModel.itemsFromWire(apps, String.class::cast)).containsExactly("Finder", "Mail");
        assertInvalid(() -> WireModel.itemsFromWire(wire("items", "x"), WireModel::toDisplay), "'items'");
        assertInvalid(() -> WireModel.itemsFromWire(null, WireModel::toDisplay), "must be a map");
    }
}
