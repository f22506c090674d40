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
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Process;
import dev.opendesk.core.model.TextInput;
import dev.opendesk.core.model.UIElement;
import dev.opendesk.core.model.Window;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Computer of a machine where no desktop backend works (e.g. pairing on a headless box): an
 * empty manifest, and every call refused with {@code capability_unsupported} naming why.
 */
public final class UnavailableComputer implements Computer {
    private final String backend;

    /** @param reason why there is no desktop, shown as the backend in errors */
    public UnavailableComputer(String reason) {
        this.backend = "none (" + requireNonNull(reason, "reason is null") + ")";
    }

    private OpendeskException refused(Capability capability) {
        return OpendeskException.capabilityUnsupported(capability, backend);
    }

    @Override
    public CapabilityManifest capabilities() {
        return CapabilityManifest.of(Set.of(), backend);
    }

    @Override public Environment environment() { throw refused(Capability.DISPLAY_CAPTURE); }
    @Override public List<Display> displays() { throw refused(Capability.DISPLAY_CAPTURE); }
    @Override public Pixmap capture(CaptureRequest request) { throw refused(Capability.DISPLAY_CAPTURE); }
    @Override public Point cursorPosition() { throw refused(Capability.INPUT_POINTER); }
    @Override public EventStream<DisplayFrame> subscribeDisplay(DisplaySubscription s) { throw refused(Capability.DISPLAY_STREAM); }
    @Override public void pointer(PointerEvent event) { throw refused(Capability.INPUT_POINTER); }
    @Override public void key(KeyEvent event) { throw refused(Capability.INPUT_KEYBOARD); }
    @Override public void text(TextInput textInput) { throw refused(Capability.INPUT_TEXT); }
    @Override public List<Window> windows() { throw refused(Capability.WINDOWS_LIST); }
    @Override public Optional<Window> focusedWindow() { throw refused(Capability.WINDOWS_LIST); }
    @Override public void focusWindow(String windowId) { throw refused(Capability.WINDOWS_MANIPULATE); }
    @Override public void closeWindow(String windowId) { throw refused(Capability.WINDOWS_MANIPULATE); }
    @Override public void openApp(String name) { throw refused(Capability.APP_LIFECYCLE); }
    @Override public void closeApp(String name) { throw refused(Capability.APP_LIFECYCLE); }
    @Override public void focusApp(String name) { throw refused(Capability.APP_LIFECYCLE); }
    @Override public List<String> apps() { throw refused(Capability.APP_LIFECYCLE); }
    @Override public UIElement uiTree(UiTreeRequest request) { throw refused(Capability.UI_TREE); }
    @Override public void uiAction(UIElement element, String action, @Nullable String app) { throw refused(Capability.UI_ACTIONS); }
    @Override public ClipboardContents readClipboard() { throw refused(Capability.CLIPBOARD_READ); }
    @Override public void writeClipboard(ClipboardContents contents) { throw refused(Capability.CLIPBOARD_WRITE); }
    @Override public byte[] readFile(String path) { throw refused(Capability.FS_READ); }
    @Override public void writeFile(String path, byte[] data) { throw refused(Capability.FS_WRITE); }
    @Override public List<FileEntry> listFiles(String path) { throw refused(Capability.FS_READ); }
    @Override public FileEntry statFile(String path) { throw refused(Capability.FS_READ); }
    @Override public void deleteFile(String path) { throw refused(Capability.FS_WRITE); }
    @Override public void moveFile(String src, String dst) { throw refused(Capability.FS_WRITE); }
    @Override public void makeDirectory(String path, boolean parents) { throw refused(Capability.FS_WRITE); }
    @Override public List<Process> processes() { throw refused(Capability.PROCESS_LIST); }
    @Override public CompletedCommand shell(ShellCommand command) { throw refused(Capability.PROCESS_SHELL); }
    @Override public CompletedCommand exec(ExecCommand command) { throw refused(Capability.PROCESS_SPAWN); }
    @Override public void lock() { throw refused(Capability.POWER_LOCK); }
}
