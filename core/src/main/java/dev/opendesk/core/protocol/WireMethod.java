package dev.opendesk.core.protocol;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The 33 unary and 2 streaming methods of protocol §10, with what the rest of the system needs to
 * know about each: whether it only observes (auto-approved by the console policy, §14.2), whether
 * a controller may replay it after a reconnect (§9), and whether it is a stream.
 */
public enum WireMethod {
    SYSTEM_CAPABILITIES("system.capabilities", Kind.OBSERVE, true, false),
    SYSTEM_ENVIRONMENT("system.environment", Kind.OBSERVE, true, true),
    DISPLAY_DISPLAYS("display.displays", Kind.OBSERVE, true, true),
    DISPLAY_CAPTURE("display.capture", Kind.OBSERVE, true, true),
    DISPLAY_CURSOR_POSITION("display.cursor_position", Kind.OBSERVE, true, true),
    DISPLAY_SUBSCRIBE("display.subscribe", Kind.OBSERVE, false, false),
    INPUT_SUBSCRIBE("input.subscribe", Kind.OBSERVE, false, false),
    INPUT_POINTER("input.pointer", Kind.ACT, true, false),
    INPUT_KEY("input.key", Kind.ACT, true, false),
    INPUT_TEXT("input.text", Kind.ACT, true, false),
    WINDOWS_LIST("windows.list", Kind.OBSERVE, true, true),
    WINDOWS_FOCUSED("windows.focused", Kind.OBSERVE, true, true),
    WINDOWS_FOCUS("windows.focus", Kind.ACT, true, false),
    WINDOWS_MOVE("windows.move", Kind.ACT, true, false),
    WINDOWS_CLOSE("windows.close", Kind.ACT, true, false),
    APPS_OPEN("apps.open", Kind.ACT, true, false),
    APPS_CLOSE("apps.close", Kind.ACT, true, false),
    APPS_FOCUS("apps.focus", Kind.ACT, true, false),
    APPS_LIST("apps.list", Kind.OBSERVE, true, true),
    UI_TREE("ui.tree", Kind.OBSERVE, true, true),
    UI_ACTION("ui.action", Kind.ACT, true, false),
    CLIPBOARD_READ("clipboard.read", Kind.OBSERVE, true, true),
    CLIPBOARD_WRITE("clipboard.write", Kind.ACT, true, false),
    FS_READ("fs.read", Kind.OBSERVE, true, true),
    FS_WRITE("fs.write", Kind.ACT, true, false),
    FS_LIST("fs.list", Kind.OBSERVE, true, true),
    FS_STAT("fs.stat", Kind.OBSERVE, true, true),
    FS_DELETE("fs.delete", Kind.ACT, true, false),
    FS_MOVE("fs.move", Kind.ACT, true, false),
    FS_MKDIR("fs.mkdir", Kind.ACT, true, false),
    PROCESS_LIST("process.list", Kind.OBSERVE, true, true),
    PROCESS_SHELL("process.shell", Kind.ACT, true, false),
    PROCESS_EXEC("process.exec", Kind.ACT, true, false),
    POWER_LOCK("power.lock", Kind.ACT, true, false),
    NOTIFICATIONS_LIST("notifications.list", Kind.OBSERVE, true, true);

    /** Whether a method only looks or also acts. */
    public enum Kind {
        OBSERVE,
        ACT
    }

    private static final Map<String, WireMethod> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(WireMethod::wireName, Function.identity()));

    private final String wireName;
    private final Kind kind;
    private final boolean unary;
    private final boolean replayable;

    WireMethod(String wireName, Kind kind, boolean unary, boolean replayable) {
        this.wireName = wireName;
        this.kind = kind;
        this.unary = unary;
        this.replayable = replayable;
    }

    /** The method name on the wire, e.g. {@code display.capture}. */
    public String wireName() {
        return wireName;
    }

    /** Observe or act. */
    public Kind kind() {
        return kind;
    }

    /** Whether it is a unary call (else a stream). */
    public boolean isUnary() {
        return unary;
    }

    /** Whether a controller may replay it once after reconnecting (idempotent observations, §9). */
    public boolean isReplayable() {
        return replayable;
    }

    /** The method with this wire name, if it is one of the 35. */
    public static Optional<WireMethod> fromWire(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
