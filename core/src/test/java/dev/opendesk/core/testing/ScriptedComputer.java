package dev.opendesk.core.testing;

import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.computer.DisplaySubscription;
import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.computer.ExecCommand;
import dev.opendesk.core.computer.ShellCommand;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.CapabilityManifest;
import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.CompletedCommand;
import dev.opendesk.core.model.Display;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.Environment;
import dev.opendesk.core.model.FileEntry;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.Notification;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Process;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.TextInput;
import dev.opendesk.core.model.UIElement;
import dev.opendesk.core.model.Window;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A Computer with fixed answers that records every call as {@code [method, args…]}: the far end
 * of protocol tests, where what is under test is the wire, not a desktop.
 */
public final class ScriptedComputer implements Computer {
    public static final Rect SCREEN = new Rect(0, 0, 1920, 1080);
    public static final Display DISPLAY = new Display("1", SCREEN, 1.0, true, "display-1");
    public static final Environment ENVIRONMENT = new Environment("Linux", "6.1", "host-a", "en_US", "UTC", List.of(DISPLAY));
    public static final Pixmap PIXMAP = new Pixmap(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, PixmapFormat.PNG, 1920, 1080, 1920, 1080, "1", 1_700_000_000.5);
    public static final Window WINDOW = new Window("0x1", "Terminal", "xterm", 42L, new Rect(10, 20, 300, 200), true, false, null);
    public static final UIElement TREE = new UIElement("frame", "Terminal", null, new Rect(10, 20, 300, 200), false, true, List.of(),
            List.of(new UIElement("push button", "OK", null, new Rect(15, 25, 40, 20), false, true, List.of("click"), List.of(),
                    Map.of("app", "zenity"))), Map.of());
    public static final FileEntry FILE = new FileEntry("/tmp/a", "a", false, 3, 1_700_000_000.0, 0100644L);
    public static final CompletedCommand COMPLETED = new CompletedCommand(0, "hi\n".getBytes(), new byte[0], 0.25);
    public static final Process PROCESS = new Process(1, "init", null, List.of("/sbin/init"));
    public static final Notification NOTIFICATION = new Notification("n1", "Build done", "", null, 1_700_000_000.0);

    /** Every call that changes something or takes arguments, as {@code [method, args…]}. */
    public final List<List<Object>> calls = new CopyOnWriteArrayList<>();
    /** What {@code readFile} returns. */
    public volatile byte[] fileContents = {1, 2, 3};
    /** Whether calls are recorded (benchmarks turn it off). */
    public volatile boolean recording = true;
    public volatile boolean streamClosed;
    /** What {@code capture} returns (tools' tests put a real PNG here). */
    public volatile Pixmap captureAnswer = PIXMAP;
    /** What {@code uiTree} returns. */
    public volatile UIElement treeAnswer = TREE;
    /** When set, {@code uiTree} throws it (e.g. {@code capability_unsupported}). */
    public volatile @Nullable RuntimeException uiTreeFailure;
    /** What {@code readClipboard} returns. */
    public volatile ClipboardContents clipboardAnswer = ClipboardContents.ofText("copied");

    private void record(Object... call) {
        if (recording) {
            calls.add(List.of(call));
        }
    }

    @Override
    public CapabilityManifest capabilities() {
        return new CapabilityManifest(Set.of(Capability.DISPLAY_CAPTURE, Capability.INPUT_POINTER),
                Map.of("display.stream", Map.of("max_fps", 30L)), "0.1", "test/scripted", "");
    }

    @Override
    public Environment environment() {
        return ENVIRONMENT;
    }

    @Override
    public List<Display> displays() {
        return List.of(DISPLAY);
    }

    @Override
    public Pixmap capture(CaptureRequest request) {
        record("capture", request);
        return captureAnswer;
    }

    @Override
    public Point cursorPosition() {
        return new Point(50, 60);
    }

    @Override
    public EventStream<DisplayFrame> subscribeDisplay(DisplaySubscription subscription) {
        record("subscribeDisplay", subscription);
        AtomicLong frames = new AtomicLong();
        return new EventStream<>() {
            @Override
            public DisplayFrame next() {
                long n = frames.getAndIncrement();
                if (n >= 3) {
                    throw new NoSuchElementException();
                }
                return new DisplayFrame(PIXMAP, n, n == 0);
            }

            @Override
            public Optional<DisplayFrame> poll(Duration timeout) {
                return Optional.of(next());
            }

            @Override
            public boolean isOpen() {
                return frames.get() < 3;
            }

            @Override
            public void close() {
                streamClosed = true;
            }
        };
    }

    @Override
    public void pointer(PointerEvent event) {
        record("pointer", event);
    }

    @Override
    public void key(KeyEvent event) {
        record("key", event);
    }

    @Override
    public void text(TextInput textInput) {
        record("text", textInput);
    }

    @Override
    public List<Window> windows() {
        return List.of(WINDOW);
    }

    @Override
    public Optional<Window> focusedWindow() {
        return Optional.of(WINDOW);
    }

    @Override
    public void focusWindow(String windowId) {
        record("focusWindow", windowId);
    }

    @Override
    public void closeWindow(String windowId) {
        record("closeWindow", windowId);
    }

    @Override
    public void openApp(String name) {
        record("openApp", name);
    }

    @Override
    public void closeApp(String name) {
        record("closeApp", name);
    }

    @Override
    public void focusApp(String name) {
        record("focusApp", name);
    }

    @Override
    public List<String> apps() {
        return List.of("xterm", "zenity");
    }

    @Override
    public UIElement uiTree(UiTreeRequest request) {
        record("uiTree", request);
        RuntimeException failure = uiTreeFailure;
        if (failure != null) {
            throw failure;
        }
        return treeAnswer;
    }

    @Override
    public void uiAction(UIElement element, String action, @Nullable String app) {
        record("uiAction", element, action, String.valueOf(app));
    }

    @Override
    public ClipboardContents readClipboard() {
        return clipboardAnswer;
    }

    @Override
    public void writeClipboard(ClipboardContents contents) {
        record("writeClipboard", contents);
    }

    @Override
    public byte[] readFile(String path) {
        record("readFile", path);
        return fileContents;
    }

    @Override
    public void writeFile(String path, byte[] data) {
        record("writeFile", path, List.of(data[0], data[1]));
    }

    @Override
    public List<FileEntry> listFiles(String path) {
        record("listFiles", path);
        return List.of(FILE);
    }

    @Override
    public FileEntry statFile(String path) {
        record("statFile", path);
        return FILE;
    }

    @Override
    public void deleteFile(String path) {
        record("deleteFile", path);
    }

    @Override
    public void moveFile(String src, String dst) {
        record("moveFile", src, dst);
    }

    @Override
    public void makeDirectory(String path, boolean parents) {
        record("makeDirectory", path, parents);
    }

    @Override
    public List<Process> processes() {
        return List.of(PROCESS);
    }

    @Override
    public CompletedCommand shell(ShellCommand command) {
        record("shell", command);
        return COMPLETED;
    }

    @Override
    public CompletedCommand exec(ExecCommand command) {
        record("exec", command.argv());
        return COMPLETED;
    }

    @Override
    public void lock() {
        record("lock");
    }

    @Override
    public List<Notification> notifications() {
        return List.of(NOTIFICATION);
    }
}
