package dev.opendesk.backend.x11;

import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import dev.opendesk.backend.x11.jna.XlibKeyboard;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Spare keycodes (keycodes without keysyms) lent to keysyms that are on no key, so that any
 * character can be typed by real key events.
 *
 * <p>Clients look a key up lazily: on {@code MappingNotify} they only mark their copy of the map
 * stale and fetch it when they next translate a key event, which may be long after the event was
 * sent when the client is busy (an xterm drawing CJK glyphs for the first time needs well over
 * 20 ms). A keycode's mapping must therefore not change again until its last key event has surely
 * been translated. So: a keysym already lent keeps its keycode (no remap at all), a new one takes
 * the least recently used keycode, waiting until that keycode has been idle for {@code settle},
 * and lent keycodes are given back (their original rows restored) only once idle for a while
 * ({@link #restoreIdle}) or on {@link #restoreAll}. Not thread-safe: the owner serialises calls.
 */
final class X11KeySpares {
    private final int capacity;
    private final long settleNanos;
    /** Lent keycodes, by keycode. */
    private final Map<Integer, Slot> slots = new LinkedHashMap<>();

    private static final class Slot {
        final int keycode;
        final long[] originalRow;
        long keysym;
        long lastUse;
        int holds;
        /** Where the text being typed needs this keysym next ({@link Integer#MAX_VALUE}: not again). */
        int nextUse = Integer.MAX_VALUE;

        Slot(int keycode, long[] originalRow, long settledAt) {
            this.keycode = keycode;
            this.originalRow = originalRow;
            this.lastUse = settledAt;
        }
    }

    /**
     * @param capacity how many spare keycodes may be lent at once
     * @param settleMillis how long a keycode stays untouched after its last key event
     */
    X11KeySpares(int capacity, long settleMillis) {
        this.capacity = capacity;
        this.settleNanos = TimeUnit.MILLISECONDS.toNanos(settleMillis);
    }

    /**
     * How to type {@code keysym}: the keycode lent to it, else its place on the keymap (never a
     * keycode lent to another keysym), else a spare keycode remapped to it now.
     */
    X11Keymap.Stroke stroke(X11.Display display, X11Keymap keymap, long keysym) {
        return stroke(display, keymap, keysym, Integer.MAX_VALUE);
    }

    /**
     * {@link #stroke(X11.Display, X11Keymap, long)} while typing a text that needs this keysym again
     * at position {@code nextUse} ({@link Integer#MAX_VALUE}: not again), which guides which
     * keycode is taken back when all are lent ({@link #reclaim}).
     */
    X11Keymap.Stroke stroke(X11.Display display, X11Keymap keymap, long keysym, int nextUse) {
        Slot lent = lentTo(keysym);
        if (lent == null) {
            Optional<X11Keymap.Stroke> onKeymap = keymap.find(keysym).filter(s -> !slots.containsKey(s.keycode()));
            if (onKeymap.isPresent()) {
                return onKeymap.get();
            }
            lent = lend(display, keymap, keysym);
        }
        lent.nextUse = nextUse;
        return new X11Keymap.Stroke(lent.keycode, false);
    }

    /** Starts typing {@code keysyms}: each lent keycode learns where the text first needs it. */
    void textStarts(long[] keysyms) {
        for (Slot slot : slots.values()) {
            slot.nextUse = Integer.MAX_VALUE;
            for (int i = 0; i < keysyms.length; i++) {
                if (keysyms[i] == slot.keysym) {
                    slot.nextUse = i;
                    break;
                }
            }
        }
    }

    /** Forgets the positions given to {@link #stroke(X11.Display, X11Keymap, long, int)} (a text is done). */
    void textDone() {
        slots.values().forEach(slot -> slot.nextUse = Integer.MAX_VALUE);
    }

    /** Whether {@code keycode} is one of ours: call {@link #used} after sending key events on it. */
    boolean isLent(int keycode) {
        return slots.containsKey(keycode);
    }

    /** Records that key events were just sent on {@code keycode}. */
    void used(int keycode) {
        Slot slot = slots.get(keycode);
        if (slot != null) {
            slot.lastUse = System.nanoTime();
        }
    }

    /** Keeps {@code keycode} from being remapped or restored (a key held down), until {@link #unhold}. */
    void hold(int keycode) {
        Slot slot = slots.get(keycode);
        if (slot != null) {
            slot.holds++;
            slot.lastUse = System.nanoTime();
        }
    }

    void unhold(int keycode) {
        Slot slot = slots.get(keycode);
        if (slot != null && slot.holds > 0) {
            slot.holds--;
            slot.lastUse = System.nanoTime();
        }
    }

    /** Whether any keycode is lent. */
    boolean anyLent() {
        return !slots.isEmpty();
    }

    /** Restores the keycodes that are not held and have been idle for at least {@code idleNanos}. */
    void restoreIdle(X11.Display display, long idleNanos) {
        long now = System.nanoTime();
        for (Slot slot : new ArrayList<>(slots.values())) {
            if (slot.holds == 0 && now - slot.lastUse >= Math.max(idleNanos, settleNanos)) {
                restore(display, slot);
            }
        }
    }

    /** Restores every lent keycode (waiting for each to settle first). */
    void restoreAll(X11.Display display) {
        for (Slot slot : new ArrayList<>(slots.values())) {
            awaitSettled(slot);
            restore(display, slot);
        }
    }

    private @Nullable Slot lentTo(long keysym) {
        int codePoint = X11KeyNames.codePoint(keysym);
        for (Slot slot : slots.values()) {
            if (slot.keysym == keysym || (codePoint >= 0 && X11KeyNames.codePoint(slot.keysym) == codePoint)) {
                return slot;
            }
        }
        return null;
    }

    private Slot lend(X11.Display display, X11Keymap keymap, long keysym) {
        Slot slot = null;
        if (slots.size() < capacity) {
            for (int keycode : keymap.spareKeycodes()) {
                if (!slots.containsKey(keycode)) {
                    slot = new Slot(keycode, keymap.row(keycode), System.nanoTime() - settleNanos);
                    break;
                }
            }
        }
        if (slot == null) {
            slot = reclaim();
        }
        if (slot == null) {
            throw new OpendeskException(ErrorCode.INTERNAL,
                    "x11: no spare keycode to type keysym 0x" + Long.toHexString(keysym) + " (it is on no key)");
        }
        awaitSettled(slot);
        NativeLong[] row = {new NativeLong(keysym), new NativeLong(keysym)};
        int keycode = slot.keycode;
        X11Errors.checked(display, "map keysym 0x" + Long.toHexString(keysym) + " on spare keycode " + keycode,
                () -> XlibKeyboard.INSTANCE.XChangeKeyboardMapping(display, keycode, row.length, row, 1));
        slot.keysym = keysym;
        slot.lastUse = System.nanoTime();
        slots.put(keycode, slot);
        return slot;
    }

    /**
     * The lent keycode to take back: among those settled already (no wait), the one the text needs
     * furthest ahead, then the least recently used; when none has settled, the one that settles first.
     */
    private @Nullable Slot reclaim() {
        long now = System.nanoTime();
        Slot best = null;
        Slot oldest = null;
        for (Slot candidate : slots.values()) {
            if (candidate.holds > 0) {
                continue;
            }
            if (oldest == null || candidate.lastUse - oldest.lastUse < 0) {
                oldest = candidate;
            }
            boolean settled = now - candidate.lastUse >= settleNanos;
            if (settled && (best == null || candidate.nextUse > best.nextUse
                    || (candidate.nextUse == best.nextUse && candidate.lastUse - best.lastUse < 0))) {
                best = candidate;
            }
        }
        return best != null ? best : oldest;
    }

    private void restore(X11.Display display, Slot slot) {
        slots.remove(slot.keycode);
        NativeLong[] row = new NativeLong[slot.originalRow.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = new NativeLong(slot.originalRow[i]);
        }
        X11Errors.checked(display, "restore spare keycode " + slot.keycode,
                () -> XlibKeyboard.INSTANCE.XChangeKeyboardMapping(display, slot.keycode, row.length, row, 1));
    }

    /** Sleeps (not interruptibly: a mapping must not be changed early) until the slot has settled. */
    private void awaitSettled(Slot slot) {
        boolean interrupted = false;
        long remaining;
        while ((remaining = settleNanos - (System.nanoTime() - slot.lastUse)) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(remaining);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The keycodes lent right now (for tests and diagnostics). */
    List<Integer> lentKeycodes() {
        return List.copyOf(slots.keySet());
    }
}
