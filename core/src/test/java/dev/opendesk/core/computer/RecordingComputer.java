package dev.opendesk.core.computer;

import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.CapabilityManifest;
import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.CompletedCommand;
import dev.opendesk.core.model.Display;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.Environment;
import dev.opendesk.core.model.FileEntry;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Process;
import dev.opendesk.core.model.TextInput;
import dev.opendesk.core.model.UIElement;
import dev.opendesk.core.model.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A Computer that records the input primitives it receives and refuses everything else. */
final class RecordingComputer implements Computer {
    /** Every pointer, key and text call, in order. */
    final List<Object> calls = new ArrayList<>();

    @Override
    public CapabilityManifest capabilities() {
        return CapabilityManifest.of(Set.of(Capability.INPUT_POINTER, Capability.INPUT_KEYBOARD), "test/recording");
    }

    @Override
    public void pointer(PointerEvent event) {
        calls.add(event);
    }

    @Override
    public void key(KeyEvent event) {
        calls.add(event);
    }

    @Override
    public void text(TextInput textInput) {
        calls.add(textInput);
    }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("not recorded");
    }

    @Override public Environment environment() { throw refused(); }
    @Override public List<Display> displays() { throw refused(); }
    @Override public Pixmap capture(CaptureRequest request) { throw refused(); }
    @Override public Point cursorPosition() { throw refused(); }
    @Override public EventStream<DisplayFrame> subscribeDisplay(DisplaySubscription subscription) { throw refused(); }
    @Override public List<Window> windows() { throw refused(); }
    @Override public Optional<Window> focusedWindow() { throw refused(); }
    @Override public void focusWindow(String windowId) { throw refused(); }
    @Override public void closeWindow(String windowId) { throw refused(); }
    @Override public void openApp(String name) { throw refused(); }
    @Override public void closeApp(String name) { throw refused(); }
    @Override public void focusApp(String name) { throw refused(); }
    @Override public List<String> apps() { throw refused(); }
    @Override public UIElement uiTree(UiTreeRequest request) { throw refused(); }
    @Override public void uiAction(UIElement element, String action, String app) { throw refused(); }
    @Override public ClipboardContents readClipboard() { throw refused(); }
    @Override public void writeClipboard(ClipboardContents contents) { throw refused(); }
    @Override public byte[] readFile(String path) { throw refused(); }
    @Override public void writeFile(String path, byte[] data) { throw refused(); }
    @Override public List<FileEntry> listFiles(String path) { throw refused(); }
    @Override public FileEntry statFile(String path) { throw refused(); }
    @Override public void deleteFile(String path) { throw refused(); }
    @Override public void moveFile(String src, String dst) { throw refused(); }
    @Override public void makeDirectory(String path, boolean parents) { throw refused(); }
    @Override public List<Process> processes() { throw refused(); }
    @Override public CompletedCommand shell(ShellCommand command) { throw refused(); }
    @Override public CompletedCommand exec(ExecCommand command) { throw refused(); }
    @Override public void lock() { throw refused(); }
}
