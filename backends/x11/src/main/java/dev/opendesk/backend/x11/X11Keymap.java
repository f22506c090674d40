package dev.opendesk.backend.x11;

import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import dev.opendesk.backend.x11.jna.XlibKeyboard;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of the server's core keyboard mapping ({@code XGetKeyboardMapping} over every
 * keycode), read fresh for each input call: Xlib's own cache ({@code XKeysymToKeycode}) goes stale
 * because the input connection never processes {@code MappingNotify}, and our own remapping of spare
 * keycodes changes the map under it.
 */
final class X11Keymap {
    /** How a keysym is typed: a keycode, with Shift held for the second level. */
    record Stroke(int keycode, boolean shift) {
    }

    private final int minKeycode;
    private final int keycodeCount;
    private final int perKeycode;
    private final long[] keysyms;

    private X11Keymap(int minKeycode, int keycodeCount, int perKeycode, long[] keysyms) {
        this.minKeycode = minKeycode;
        this.keycodeCount = keycodeCount;
        this.perKeycode = perKeycode;
        this.keysyms = keysyms;
    }

    /** Reads the whole mapping of {@code display}. */
    static X11Keymap read(X11.Display display) {
        IntByReference min = new IntByReference();
        IntByReference max = new IntByReference();
        XlibKeyboard.INSTANCE.XDisplayKeycodes(display, min, max);
        int count = max.getValue() - min.getValue() + 1;
        IntByReference per = new IntByReference();
        Pointer mapping = XlibKeyboard.INSTANCE.XGetKeyboardMapping(display, min.getValue(), count, per);
        if (mapping == null) {
            throw new OpendeskException(ErrorCode.INTERNAL, "x11: cannot read the keyboard mapping");
        }
        try {
            long[] keysyms = new long[count * per.getValue()];
            for (int i = 0; i < keysyms.length; i++) {
                keysyms[i] = mapping.getNativeLong((long) i * com.sun.jna.NativeLong.SIZE).longValue();
            }
            return new X11Keymap(min.getValue(), count, per.getValue(), keysyms);
        } finally {
            XlibKeyboard.INSTANCE.XFree(mapping);
        }
    }

    /** Keysyms per keycode of this mapping. */
    int keysymsPerKeycode() {
        return perKeycode;
    }

    /** The keysyms of one keycode (all levels and groups, as the core protocol lists them). */
    long[] row(int keycode) {
        int from = (keycode - minKeycode) * perKeycode;
        return Arrays.copyOfRange(keysyms, from, from + perKeycode);
    }

    /**
     * Where {@code keysym} sits on the first two levels of the first group: level 1 (no Shift) on
     * any keycode is preferred over level 2 (Shift). A character keysym also matches its other
     * encoding (Latin-1 vs {@code 0x1000000 + code point}).
     */
    Optional<Stroke> find(long keysym) {
        int codePoint = X11KeyNames.codePoint(keysym);
        for (int level = 0; level < Math.min(2, perKeycode); level++) {
            for (int k = 0; k < keycodeCount; k++) {
                long candidate = keysyms[k * perKeycode + level];
                if (candidate == keysym || (codePoint >= 0 && X11KeyNames.codePoint(candidate) == codePoint)) {
                    return Optional.of(new Stroke(minKeycode + k, level == 1));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether Caps Lock swaps the two levels of this keycode (a lower-case letter over its capital). */
    boolean alphabetic(int keycode) {
        if (perKeycode < 2) {
            return false;
        }
        int lower = X11KeyNames.codePoint(keysyms[(keycode - minKeycode) * perKeycode]);
        int upper = X11KeyNames.codePoint(keysyms[(keycode - minKeycode) * perKeycode + 1]);
        return lower >= 0 && upper >= 0 && lower != upper && Character.isLowerCase(lower)
                && Character.toUpperCase(lower) == upper;
    }

    /**
     * Keycodes with no keysym at all, highest first (the lowest keycode is left alone: some
     * clients treat it specially).
     */
    List<Integer> spareKeycodes() {
        List<Integer> spare = new ArrayList<>();
        for (int k = keycodeCount - 1; k >= 1; k--) {
            boolean empty = true;
            for (int level = 0; level < perKeycode && empty; level++) {
                empty = keysyms[k * perKeycode + level] == XlibKeyboard.NO_SYMBOL;
            }
            if (empty) {
                spare.add(minKeycode + k);
            }
        }
        return spare;
    }
}
