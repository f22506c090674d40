package dev.opendesk.core.model;

import java.util.Optional;

/**
 * A feature a backend may support (protocol §11), in the order of the reference enum. A value
 * outside this set makes the Python client drop the whole manifest, so never invent one.
 */
public enum Capability {
    DISPLAY_CAPTURE("display.capture"),
    DISPLAY_MULTI_MONITOR("display.multi_monitor"),
    DISPLAY_STREAM("display.stream"),
    INPUT_POINTER("input.pointer"),
    INPUT_KEYBOARD("input.keyboard"),
    INPUT_TEXT("input.text"),
    INPUT_PEN("input.pen"),
    INPUT_TOUCH("input.touch"),
    INPUT_IME("input.ime"),
    UI_TREE("ui.tree"),
    UI_ACTIONS("ui.actions"),
    UI_SUBSCRIBE("ui.subscribe"),
    WINDOWS_LIST("windows.list"),
    WINDOWS_MANIPULATE("windows.manipulate"),
    WINDOWS_SUBSCRIBE("windows.subscribe"),
    APP_LIFECYCLE("app.lifecycle"),
    CLIPBOARD_READ("clipboard.read"),
    CLIPBOARD_WRITE("clipboard.write"),
    CLIPBOARD_MULTI_MIME("clipboard.multi_mime"),
    FS_READ("fs.read"),
    FS_WRITE("fs.write"),
    FS_WATCH("fs.watch"),
    PROCESS_LIST("process.list"),
    PROCESS_SHELL("process.shell"),
    PROCESS_SPAWN("process.spawn"),
    OCR("ocr"),
    AUDIO_VOLUME("audio.volume"),
    AUDIO_PLAY("audio.play"),
    AUDIO_STREAM("audio.stream"),
    POWER_LOCK("power.lock"),
    POWER_SLEEP("power.sleep"),
    NOTIFICATIONS_LIST("notifications.list"),
    NOTIFICATIONS_SUBSCRIBE("notifications.subscribe");

    private final String wire;

    Capability(String wire) {
        this.wire = wire;
    }

    /** The string written on the wire. */
    public String wire() {
        return wire;
    }

    /** The value for a wire string, or empty if it is not one. */
    public static Optional<Capability> fromWire(String wire) {
        for (Capability value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire;
    }
}
