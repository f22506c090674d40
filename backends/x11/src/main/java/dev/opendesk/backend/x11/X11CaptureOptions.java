package dev.opendesk.backend.x11;

import java.util.Locale;
import java.util.Map;

/**
 * How {@link X11Screens} grabs the screen. The wire has no flags for these, so they are host
 * settings: backend options {@code x11.shm} and {@code x11.cursor} ({@code true}/{@code false}),
 * or the system properties {@code opendesk.x11.shm} and {@code opendesk.x11.cursor}.
 *
 * @param sharedMemory grab through MIT-SHM when the server allows it (it falls back to
 *     {@code XGetImage} by itself when not, e.g. on a remote display); false forces {@code XGetImage}
 * @param drawCursor composite the pointer (XFixes cursor image) into captures; off by default, as
 *     in the reference, whose captures never show the pointer (the screenshot tool draws its own marker)
 */
public record X11CaptureOptions(boolean sharedMemory, boolean drawCursor) {
    /** Option / property names. */
    static final String SHM = "x11.shm";
    static final String CURSOR = "x11.cursor";

    /** Shared memory on, cursor off, unless the system properties say otherwise. */
    public static X11CaptureOptions defaults() {
        return fromOptions(Map.of());
    }

    /** Reads {@code x11.shm} and {@code x11.cursor} from backend options, then system properties, then the defaults. */
    public static X11CaptureOptions fromOptions(Map<String, String> options) {
        return new X11CaptureOptions(flag(options, SHM, true), flag(options, CURSOR, false));
    }

    private static boolean flag(Map<String, String> options, String name, boolean fallback) {
        String value = options.get(name);
        if (value == null) {
            value = System.getProperty("opendesk." + name);
        }
        if (value == null || value.isBlank()) {
            return fallback;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1":
                return true;
            case "false": case "no": case "off": case "0":
                return false;
            default:
                throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        }
    }
}
