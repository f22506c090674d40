package dev.opendesk.backend.x11;

import static java.util.Objects.requireNonNull;

import dev.opendesk.backend.x11.atspi.AtspiAccessibility;
import dev.opendesk.backend.x11.atspi.AtspiDesktop;
import dev.opendesk.backend.x11.atspi.AtspiSettings;
import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.CapturedFrame;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.computer.DisplaySubscription;
import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.computer.ExecCommand;
import dev.opendesk.core.computer.ShellCommand;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.CapabilityManifest;
import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.CompletedCommand;
import dev.opendesk.core.model.Display;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.Environment;
import dev.opendesk.core.model.FileEntry;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Process;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.TextInput;
import dev.opendesk.core.model.UIElement;
import dev.opendesk.core.model.Window;
import dev.opendesk.core.system.CommandRunner;
import dev.opendesk.core.system.LocalFiles;
import dev.opendesk.core.system.LocalProcesses;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Linux desktop on an X server ({@code local/linux}): displays and capture
 * ({@link X11Screens}), input through XTest, windows, the clipboard and applications on their own
 * X connections, and files, processes and commands through the JDK. Accessibility goes through
 * AT-SPI on the session bus ({@link AtspiAccessibility}, connected on first use): {@code ui.tree}
 * and {@code ui.actions} are in the manifest only while the accessibility bus answers.
 */
public final class X11Computer implements Computer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(X11Computer.class);
    /** The {@code backend} of the manifest. */
    public static final String BACKEND = "local/linux";

    private final X11Screens screens;
    private final X11Input input;
    private final X11Windows windows;
    private final X11Clipboard clipboard;
    private final LinuxApps apps;
    private final LocalFiles files = new LocalFiles();
    private final LocalProcesses processes = new LocalProcesses();
    private final CommandRunner commands = new CommandRunner();
    private final boolean canLock;
    private final AtspiAccessibility accessibility;

    /** The desktop of {@code session} with the default capture options. */
    public X11Computer(X11Session session) {
        this(session, new ImagePipeline(), X11CaptureOptions.defaults());
    }

    /**
     * Opens every component's X connection.
     *
     * @throws OpendeskException {@code internal} when the X server does not answer
     */
    public X11Computer(X11Session session, ImagePipeline pipeline, X11CaptureOptions captureOptions) {
        requireNonNull(session, "session is null");
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(captureOptions, "captureOptions is null");
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            this.screens = remember(opened, new X11Screens(session, pipeline, captureOptions));
            this.input = remember(opened, new X11Input(session));
            this.windows = remember(opened, new X11Windows(session));
            this.clipboard = remember(opened, new X11Clipboard(session));
            this.apps = new LinuxApps(windows);
        } catch (RuntimeException | Error e) {
            closeAll(opened);
            throw e;
        }
        this.canLock = apps.canLock();
        // connects to the accessibility bus on first use only; falls back to this desktop's pointer
        this.accessibility = new AtspiAccessibility(AtspiSettings.fromEnvironment(BACKEND), AtspiDesktop.of(this));
    }

    private static <T extends AutoCloseable> T remember(List<AutoCloseable> opened, T component) {
        opened.add(component);
        return component;
    }

    /** The displays, pointer and capture of this desktop. */
    public X11Screens screens() {
        return screens;
    }

    // ---------------------------------------------------------------- system

    /**
     * What works on this X server: everything of the reference, {@code ui.*} only while the
     * accessibility bus answers, plus {@code windows.manipulate} while a window manager runs;
     * {@code power.lock} only when {@code loginctl} or {@code xdg-screensaver} is installed.
     */
    @Override
    public CapabilityManifest capabilities() {
        Set<Capability> capabilities = EnumSet.of(
                Capability.DISPLAY_CAPTURE, Capability.DISPLAY_MULTI_MONITOR, Capability.DISPLAY_STREAM,
                Capability.INPUT_POINTER, Capability.INPUT_KEYBOARD, Capability.INPUT_TEXT,
                Capability.WINDOWS_LIST, Capability.APP_LIFECYCLE,
                Capability.CLIPBOARD_READ, Capability.CLIPBOARD_WRITE,
                Capability.FS_READ, Capability.FS_WRITE,
                Capability.PROCESS_LIST, Capability.PROCESS_SHELL, Capability.PROCESS_SPAWN);
        if (hasWindowManager()) {
            capabilities.add(Capability.WINDOWS_MANIPULATE);
        }
        if (canLock) {
            capabilities.add(Capability.POWER_LOCK);
        }
        if (accessibility.available()) {
            capabilities.add(Capability.UI_TREE);
            capabilities.add(Capability.UI_ACTIONS);
        }
        Map<String, Map<String, Object>> limits = new LinkedHashMap<>();
        limits.put(Capability.DISPLAY_STREAM.wire(), Map.of("max_fps", DisplaySubscription.MAX_FPS));
        return new CapabilityManifest(capabilities, limits, CapabilityManifest.PROTOCOL_VERSION, BACKEND, "");
    }

    private boolean hasWindowManager() {
        try {
            return windows.hasWindowManager();
        } catch (RuntimeException e) {
            LOG.debug("cannot tell whether a window manager runs", e);
            return false;
        }
    }

    @Override
    public Environment environment() {
        return screens.environment();
    }

    // ---------------------------------------------------------------- display

    @Override
    public List<Display> displays() {
        return screens.displays();
    }

    @Override
    public Pixmap capture(CaptureRequest request) {
        return screens.capture(request);
    }

    @Override
    public CapturedFrame captureFrame(CaptureRequest request) {
        return screens.captureFrame(request);
    }

    @Override
    public Point cursorPosition() {
        return screens.cursorPosition();
    }

    @Override
    public EventStream<DisplayFrame> subscribeDisplay(DisplaySubscription subscription) {
        return screens.subscribe(subscription);
    }

    // ---------------------------------------------------------------- input

    @Override
    public void pointer(PointerEvent event) {
        input.pointer(event);
    }

    @Override
    public void key(KeyEvent event) {
        input.key(event);
    }

    @Override
    public void text(TextInput textInput) {
        input.text(textInput);
    }

    // ---------------------------------------------------------------- windows

    @Override
    public List<Window> windows() {
        return windows.windows();
    }

    @Override
    public Optional<Window> focusedWindow() {
        return windows.focusedWindow();
    }

    @Override
    public void focusWindow(String windowId) {
        windows.focusWindow(windowId);
    }

    @Override
    public void moveWindow(String windowId, Rect bounds) {
        windows.moveWindow(windowId, bounds);
    }

    @Override
    public void closeWindow(String windowId) {
        windows.closeWindow(windowId);
    }

    // ---------------------------------------------------------------- apps

    @Override
    public void openApp(String name) {
        apps.openApp(name);
    }

    @Override
    public void closeApp(String name) {
        apps.closeApp(name);
    }

    @Override
    public void focusApp(String name) {
        apps.focusApp(name);
    }

    @Override
    public List<String> apps() {
        return apps.apps();
    }

    // ---------------------------------------------------------------- accessibility (AT-SPI)

    /** @throws OpendeskException {@code capability_unsupported} ({@code ui.tree}) without an accessibility bus */
    @Override
    public UIElement uiTree(UiTreeRequest request) {
        return accessibility.tree(request);
    }

    /** @throws OpendeskException {@code capability_unsupported} ({@code ui.actions}) without an accessibility bus */
    @Override
    public void uiAction(UIElement element, String action, @Nullable String app) {
        accessibility.act(element, action, app);
    }

    // ---------------------------------------------------------------- clipboard

    @Override
    public ClipboardContents readClipboard() {
        return clipboard.read();
    }

    @Override
    public void writeClipboard(ClipboardContents contents) {
        clipboard.write(contents);
    }

    // ---------------------------------------------------------------- files

    @Override
    public byte[] readFile(String path) {
        return files.readFile(path);
    }

    @Override
    public void writeFile(String path, byte[] data) {
        files.writeFile(path, data);
    }

    @Override
    public List<FileEntry> listFiles(String path) {
        return files.listFiles(path);
    }

    @Override
    public FileEntry statFile(String path) {
        return files.statFile(path);
    }

    @Override
    public void deleteFile(String path) {
        files.deleteFile(path);
    }

    @Override
    public void moveFile(String src, String dst) {
        files.moveFile(src, dst);
    }

    @Override
    public void makeDirectory(String path, boolean parents) {
        files.makeDirectory(path, parents);
    }

    // ---------------------------------------------------------------- processes, power

    @Override
    public List<Process> processes() {
        return processes.processes();
    }

    @Override
    public CompletedCommand shell(ShellCommand command) {
        return commands.shell(command);
    }

    @Override
    public CompletedCommand exec(ExecCommand command) {
        return commands.exec(command);
    }

    @Override
    public void lock() {
        apps.lock();
    }

    /** Closes every component and its X connection. */
    @Override
    public void close() {
        closeAll(List.of(accessibility, screens, input, windows, clipboard));
    }

    private static void closeAll(List<AutoCloseable> components) {
        for (AutoCloseable component : components) {
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", component.getClass().getSimpleName(), e);
            }
        }
    }
}
