package dev.opendesk.backend.x11;

import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.KeyAction;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.Modifier;
import dev.opendesk.core.model.MouseButton;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.TextInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pointer, keys and text through XTest on its own X connection (opened on first use); calls are
 * serialised.
 *
 * <ul>
 *   <li>Pointer: logical pixels are X root pixels. A point outside the root window is refused with
 *       {@code invalid_argument} naming the point and the screen bounds (never clamped); fractions
 *       are rounded. Down, up and scroll move to their point first. Buttons: left 1, middle 2,
 *       right 3, x1 8, x2 9 (down/up without a button use left). Scroll follows the reference's
 *       sign: {@code dy > 0} scrolls up (button 4), {@code dy < 0} down (5), {@code dx > 0} right
 *       (7), {@code dx < 0} left (6), {@code round(|d|)} clicks, at least one when non-zero.
 *   <li>Modifiers listed on an event are held around it (for a key, only around a down) and
 *       released afterwards; ones already held through {@link #key} are left alone; caps_lock
 *       turns the lock on for the event if it is off; fn is ignored (it never reaches X).
 *   <li>Keys: names as in {@link X11KeyNames}. A one-character name types that character: Shift is
 *       held (until the key's up) when it sits on the second level, so {@code A} gives "A". A
 *       keysym that is on no keycode is lent a spare keycode, as for text.
 *   <li>Text: every code point by real key events, never through the clipboard ({@code \n} and
 *       {@code \r\n} → Return, {@code \t} → Tab). Characters that are not on the keymap are typed
 *       on up to {@value #SPARE_KEYCODES} spare keycodes (keycodes without keysyms) remapped to
 *       them ({@link X11KeySpares}): a keycode is remapped only after {@code settle} (default
 *       {@value #DEFAULT_SETTLE_MILLIS} ms) without key events on it, so that clients have
 *       translated its events first, and lent keycodes get their original (empty) rows back once
 *       idle for {@value #RESTORE_AFTER_MILLIS} ms, or on {@link #close}. An active Caps Lock
 *       is switched off while typing and on again afterwards (clients would capitalise the
 *       characters otherwise, remapped ones included); a Shift held by someone else is not undone.
 * </ul>
 */
final class X11Input implements AutoCloseable {
    /** How many spare keycodes may be lent to keysyms that are on no key at once. */
    static final int SPARE_KEYCODES = 16;
    /** Default time a lent keycode stays untouched after its last key event before it is remapped. */
    static final long DEFAULT_SETTLE_MILLIS = 500;
    /** Idle time after which lent keycodes get their original (empty) mapping back. */
    static final long RESTORE_AFTER_MILLIS = 1000;
    /** Most wheel clicks in one scroll event. */
    static final int MAX_SCROLL_CLICKS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(X11Input.class);
    private static final long SHIFT_L = 0xffe1L;
    private static final long CAPS_LOCK = 0xffe5L;
    private static final int SHIFT_MASK = 1;
    private static final int LOCK_MASK = 1 << 1;
    private static final NativeLong NOW = new NativeLong(0);

    private final X11Session session;
    private final Object lock = new Object();
    private X11.@Nullable Display display;
    private X11.@Nullable Window root;
    private boolean closed;
    /** Keys pressed through {@link #key} and not released yet, by keysym. */
    private final Map<Long, Held> heldKeys = new LinkedHashMap<>();
    private final Set<Integer> heldButtons = new LinkedHashSet<>();
    private final X11KeySpares spares;
    private @Nullable ScheduledExecutorService restorer;
    private boolean restoreScheduled;

    private record Held(int keycode, boolean autoShift) {
    }

    X11Input(X11Session session) {
        this(session, DEFAULT_SETTLE_MILLIS);
    }

    X11Input(X11Session session, long settleMillis) {
        this.session = session;
        this.spares = new X11KeySpares(SPARE_KEYCODES, settleMillis);
    }

    void pointer(PointerEvent event) {
        synchronized (lock) {
            X11.Display d = display();
            int[] xy = toScreen(d, event.point());
            int button = switch (event.action()) {
                case DOWN, UP -> buttonNumber(event.button());
                default -> 0;
            };
            int wheelY = wheelClicks(event.dy(), "dy");
            int wheelX = wheelClicks(event.dx(), "dx");
            Runnable releaseModifiers = event.modifiers().isEmpty() ? () -> { }
                    : pressModifiers(d, X11Keymap.read(d), event.modifiers(), -1);
            try {
                X11Errors.checked(d, "move the pointer to " + xy[0] + "," + xy[1],
                        () -> X11.XTest.INSTANCE.XTestFakeMotionEvent(d, -1, xy[0], xy[1], NOW));
                switch (event.action()) {
                    case MOVE -> {
                    }
                    case DOWN -> {
                        fakeButton(d, button, true);
                        heldButtons.add(button);
                    }
                    case UP -> {
                        fakeButton(d, button, false);
                        heldButtons.remove(button);
                    }
                    case SCROLL -> {
                        clicks(d, event.dy() > 0 ? 4 : 5, wheelY);
                        clicks(d, event.dx() > 0 ? 7 : 6, wheelX);
                    }
                }
            } finally {
                releaseModifiers.run();
            }
        }
    }

    void key(KeyEvent event) {
        long keysym = X11KeyNames.keysym(event.keysym());
        synchronized (lock) {
            X11.Display d = display();
            X11Keymap keymap = X11Keymap.read(d);
            if (event.action() == KeyAction.UP) {
                releaseKey(d, keymap, keysym);
                return;
            }
            Runnable releaseModifiers = pressModifiers(d, keymap, event.modifiers(), keysym);
            try {
                pressKey(d, keymap, keysym);
            } finally {
                releaseModifiers.run();
            }
        }
    }

    void text(TextInput textInput) {
        long[] keysyms = textKeysyms(textInput.text());
        if (keysyms.length == 0) {
            return;
        }
        synchronized (lock) {
            X11.Display d = display();
            X11Keymap keymap = X11Keymap.read(d);
            boolean unlocked = unlockCaps(d, keymap);
            int state = modifierState(d);
            int[] nextUse = nextUses(keysyms);
            spares.textStarts(keysyms);
            try {
                for (int i = 0; i < keysyms.length; i++) {
                    if (i > 0 && textInput.intervalMs() > 0) {
                        pause(textInput.intervalMs());
                    }
                    X11Keymap.Stroke stroke = spares.stroke(d, keymap, keysyms[i], nextUse[i]);
                    boolean shift = stroke.shift();
                    if ((state & LOCK_MASK) != 0 && keymap.alphabetic(stroke.keycode())) {
                        shift = !shift;
                    }
                    try {
                        typeStroke(d, keymap, stroke.keycode(), shift && (state & SHIFT_MASK) == 0);
                    } finally {
                        spares.used(stroke.keycode());
                    }
                }
            } finally {
                spares.textDone();
                try {
                    scheduleRestore();
                } finally {
                    if (unlocked) {
                        tapKey(d, modifierKeycode(keymap, Modifier.CAPS_LOCK));
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            X11.Display d = display;
            if (d == null) {
                return;
            }
            try {
                X11Keymap keymap = X11Keymap.read(d);
                for (Long keysym : new ArrayList<>(heldKeys.keySet())) {
                    releaseKey(d, keymap, keysym);
                }
                for (Integer button : new ArrayList<>(heldButtons)) {
                    fakeButton(d, button, false);
                }
                heldButtons.clear();
                spares.restoreAll(d);
            } finally {
                if (restorer != null) {
                    restorer.shutdownNow();
                }
                display = null;
                session.close(d);
            }
        }
    }

    private X11.Display display() {
        if (closed) {
            throw new OpendeskException(ErrorCode.INTERNAL, "x11 input is closed");
        }
        X11.Display d = display;
        if (d == null) {
            d = session.open("input");
            IntByReference ignored = new IntByReference();
            if (!X11.XTest.INSTANCE.XTestQueryExtension(d, ignored, ignored, ignored, ignored)) {
                session.close(d);
                throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED,
                        "x11: the X server '" + session.displayName() + "' has no XTEST extension");
            }
            root = X11.INSTANCE.XDefaultRootWindow(d);
            display = d;
        }
        return d;
    }

    // ---- pointer ------------------------------------------------------------------------------

    private int[] toScreen(X11.Display d, Point point) {
        X11.XWindowAttributes attributes = new X11.XWindowAttributes();
        X11.INSTANCE.XGetWindowAttributes(d, root, attributes);
        int width = attributes.width;
        int height = attributes.height;
        if (point.x() < 0 || point.y() < 0 || point.x() >= width || point.y() >= height) {
            throw OpendeskException.invalidArgument("point (" + number(point.x()) + ", " + number(point.y())
                    + ") is outside the screen (0, 0, " + width + "x" + height + ")");
        }
        return new int[] {
            (int) Math.min(Math.round(point.x()), width - 1L), (int) Math.min(Math.round(point.y()), height - 1L)};
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static int buttonNumber(@Nullable MouseButton button) {
        if (button == null) {
            return 1;
        }
        return switch (button) {
            case LEFT -> 1;
            case MIDDLE -> 2;
            case RIGHT -> 3;
            case X1 -> 8;
            case X2 -> 9;
        };
    }

    private static int wheelClicks(double amount, String name) {
        double clicks = Math.abs(amount);
        if (clicks > MAX_SCROLL_CLICKS) {
            throw OpendeskException.invalidArgument(
                    name + " " + number(amount) + " is too large (at most " + MAX_SCROLL_CLICKS + " wheel clicks)");
        }
        return amount == 0 ? 0 : (int) Math.max(1, Math.round(clicks));
    }

    private static void fakeButton(X11.Display d, int button, boolean press) {
        X11Errors.checked(d, (press ? "press" : "release") + " pointer button " + button,
                () -> X11.XTest.INSTANCE.XTestFakeButtonEvent(d, button, press, NOW));
    }

    private static void clicks(X11.Display d, int button, int count) {
        for (int i = 0; i < count; i++) {
            X11.XTest.INSTANCE.XTestFakeButtonEvent(d, button, true, NOW);
            X11.XTest.INSTANCE.XTestFakeButtonEvent(d, button, false, NOW);
        }
        if (count > 0) {
            X11Errors.checked(d, "scroll with button " + button, () -> X11.INSTANCE.XFlush(d));
        }
    }

    // ---- keys ---------------------------------------------------------------------------------

    /**
     * Presses the listed modifiers that are not held yet (skipping {@code except}, the key of the
     * event itself) and returns what releases them again.
     */
    private Runnable pressModifiers(X11.Display d, X11Keymap keymap, List<Modifier> modifiers, long except) {
        List<Integer> pressed = new ArrayList<>();
        boolean tapLock = false;
        try {
            for (Modifier modifier : new LinkedHashSet<>(modifiers)) {
                if (modifier == Modifier.FN) {
                    continue;
                }
                if (modifier == Modifier.CAPS_LOCK) {
                    if ((modifierState(d) & LOCK_MASK) == 0) {
                        tapKey(d, modifierKeycode(keymap, modifier));
                        tapLock = true;
                    }
                    continue;
                }
                long keysym = X11KeyNames.modifierKeysym(modifier);
                if (keysym == except || heldKeys.containsKey(keysym)) {
                    continue;
                }
                int keycode = modifierKeycode(keymap, modifier);
                fakeKey(d, keycode, true);
                pressed.add(0, keycode);
            }
        } catch (RuntimeException e) {
            release(d, keymap, pressed, tapLock);
            throw e;
        }
        boolean unlock = tapLock;
        return () -> release(d, keymap, pressed, unlock);
    }

    private static void release(X11.Display d, X11Keymap keymap, List<Integer> pressed, boolean tapLock) {
        for (int keycode : pressed) {
            fakeKey(d, keycode, false);
        }
        if (tapLock) {
            tapKey(d, modifierKeycode(keymap, Modifier.CAPS_LOCK));
        }
    }

    private static int modifierKeycode(X11Keymap keymap, Modifier modifier) {
        return keymap.find(X11KeyNames.modifierKeysym(modifier)).map(X11Keymap.Stroke::keycode)
                .orElseThrow(() -> OpendeskException.invalidArgument(
                        "modifier '" + modifier.wire() + "' has no key on this X keyboard"));
    }

    private void pressKey(X11.Display d, X11Keymap keymap, long keysym) {
        Held held = heldKeys.get(keysym);
        if (held != null) {
            fakeKey(d, held.keycode(), true); // a repeat
            spares.used(held.keycode());
            return;
        }
        X11Keymap.Stroke stroke = spares.stroke(d, keymap, keysym);
        boolean autoShift = stroke.shift() && !heldKeys.containsKey(SHIFT_L) && (modifierState(d) & SHIFT_MASK) == 0;
        spares.hold(stroke.keycode());
        try {
            if (autoShift) {
                fakeKey(d, shiftKeycode(keymap), true);
            }
            fakeKey(d, stroke.keycode(), true);
        } catch (RuntimeException e) {
            spares.unhold(stroke.keycode());
            scheduleRestore();
            throw e;
        }
        heldKeys.put(keysym, new Held(stroke.keycode(), autoShift));
    }

    private void releaseKey(X11.Display d, X11Keymap keymap, long keysym) {
        Held held = heldKeys.remove(keysym);
        if (held == null) {
            // not pressed through us: release it anyway if it is on the keymap (harmless if up)
            keymap.find(keysym).ifPresent(stroke -> fakeKey(d, stroke.keycode(), false));
            return;
        }
        try {
            fakeKey(d, held.keycode(), false);
            if (held.autoShift()) {
                fakeKey(d, shiftKeycode(keymap), false);
            }
        } finally {
            spares.unhold(held.keycode());
            scheduleRestore();
        }
    }

    /** Gives lent spare keycodes back once they have been idle for {@link #RESTORE_AFTER_MILLIS}. */
    private void scheduleRestore() {
        if (!spares.anyLent() || restoreScheduled || closed) {
            return;
        }
        if (restorer == null) {
            restorer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "opendesk-x11-input-keymap");
                thread.setDaemon(true);
                return thread;
            });
        }
        restoreScheduled = true;
        restorer.schedule(() -> {
            synchronized (lock) {
                restoreScheduled = false;
                X11.Display d = display;
                if (d == null || closed) {
                    return;
                }
                try {
                    spares.restoreIdle(d, TimeUnit.MILLISECONDS.toNanos(RESTORE_AFTER_MILLIS));
                } catch (RuntimeException e) {
                    LOG.warn("x11: cannot restore spare keycodes: {}", e.getMessage());
                }
                scheduleRestore();
            }
        }, RESTORE_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Turns an active Caps Lock off for typing (clients would capitalise even remapped keys) and
     * says whether it has to be turned on again; when tapping Caps_Lock does not clear the lock,
     * the lock stays and letter keys are compensated with Shift instead.
     */
    private boolean unlockCaps(X11.Display d, X11Keymap keymap) {
        if ((modifierState(d) & LOCK_MASK) == 0 || keymap.find(CAPS_LOCK).isEmpty()
                || heldKeys.containsKey(CAPS_LOCK)) {
            return false;
        }
        int keycode = modifierKeycode(keymap, Modifier.CAPS_LOCK);
        tapKey(d, keycode);
        if ((modifierState(d) & LOCK_MASK) == 0) {
            return true;
        }
        tapKey(d, keycode); // not a lock toggle here: put it back as it was
        return false;
    }

    private static int shiftKeycode(X11Keymap keymap) {
        return keymap.find(SHIFT_L).map(X11Keymap.Stroke::keycode)
                .orElseThrow(() -> new OpendeskException(ErrorCode.INTERNAL, "x11: no Shift key on the keymap"));
    }

    private static void typeStroke(X11.Display d, X11Keymap keymap, int keycode, boolean shift) {
        int shiftKeycode = shift ? shiftKeycode(keymap) : 0;
        X11Errors.checked(d, "type keycode " + keycode, () -> {
            if (shift) {
                X11.XTest.INSTANCE.XTestFakeKeyEvent(d, shiftKeycode, true, NOW);
            }
            X11.XTest.INSTANCE.XTestFakeKeyEvent(d, keycode, true, NOW);
            X11.XTest.INSTANCE.XTestFakeKeyEvent(d, keycode, false, NOW);
            if (shift) {
                X11.XTest.INSTANCE.XTestFakeKeyEvent(d, shiftKeycode, false, NOW);
            }
        });
    }

    private static void tapKey(X11.Display d, int keycode) {
        fakeKey(d, keycode, true);
        fakeKey(d, keycode, false);
    }

    private static void fakeKey(X11.Display d, int keycode, boolean press) {
        X11Errors.checked(d, (press ? "press" : "release") + " keycode " + keycode,
                () -> X11.XTest.INSTANCE.XTestFakeKeyEvent(d, keycode, press, NOW));
    }

    private int modifierState(X11.Display d) {
        X11.WindowByReference rootReturn = new X11.WindowByReference();
        X11.WindowByReference childReturn = new X11.WindowByReference();
        IntByReference ignored = new IntByReference();
        IntByReference mask = new IntByReference();
        X11.INSTANCE.XQueryPointer(d, root, rootReturn, childReturn, ignored, ignored, ignored, ignored, mask);
        return mask.getValue();
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpendeskException(ErrorCode.CANCELLED, "typing was interrupted", e);
        }
    }

    /** For each position, the next position with the same keysym ({@link Integer#MAX_VALUE}: none). */
    private static int[] nextUses(long[] keysyms) {
        int[] next = new int[keysyms.length];
        Map<Long, Integer> seen = new java.util.HashMap<>();
        for (int i = keysyms.length - 1; i >= 0; i--) {
            next[i] = seen.getOrDefault(keysyms[i], Integer.MAX_VALUE);
            seen.put(keysyms[i], i);
        }
        return next;
    }

    /** The keysym of every code point of {@code text} ({@code \r\n} counts once); fails before anything is typed. */
    private static long[] textKeysyms(String text) {
        int[] codePoints = text.codePoints().toArray();
        long[] keysyms = new long[codePoints.length];
        int n = 0;
        for (int i = 0; i < codePoints.length; i++) {
            if (codePoints[i] == '\r' && i + 1 < codePoints.length && codePoints[i + 1] == '\n') {
                continue;
            }
            keysyms[n++] = X11KeyNames.characterKeysym(codePoints[i]);
        }
        return java.util.Arrays.copyOf(keysyms, n);
    }
}
