package dev.opendesk.backend.x11;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.opendesk.backend.x11.jna.XlibWindows;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Top-level windows: EWMH when a window manager runs, plain X otherwise.
 *
 * <p>Window ids are {@code "0x"} + lower-case hex of the X window id (the client window, not the
 * WM frame). With an EWMH window manager (detected through {@code _NET_SUPPORTING_WM_CHECK} on every
 * call, so a WM that starts or dies later is noticed) windows come from {@code _NET_CLIENT_LIST};
 * {@code app_name} is the class part of {@code WM_CLASS} (e.g. {@code XTerm}, else the instance
 * part), {@code title} is {@code _NET_WM_NAME} else {@code WM_NAME}, {@code bounds} is the client
 * area (without decorations) in root coordinates, {@code workspace} is the {@code _NET_WM_DESKTOP}
 * index as a string ({@code "all"} for sticky windows).
 *
 * <p>Without a window manager, top-level windows are the viewable, not override-redirect children
 * of the root that carry {@code WM_CLASS} or a name; focus uses {@code XSetInputFocus} and the
 * focused window is the top-level ancestor of the input focus. Moving ({@code XMoveResizeWindow})
 * and closing work there too, so {@code windows.manipulate} holds with or without a WM.
 *
 * <p>Order: {@code _NET_CLIENT_LIST} order (oldest first) with a WM, stacking order (bottom first)
 * without one.
 *
 * <p>Closing asks politely: {@code _NET_CLOSE_WINDOW} to the WM, else {@code WM_DELETE_WINDOW} to the
 * client; only a window supporting neither is closed with {@code XKillClient}, which disconnects
 * its client (as window managers do for such windows).
 *
 * <p>Operations accept only ids of listed top-level windows (so the root or a WM frame cannot be
 * closed); an id that is not (or no longer) one is {@code not_found}.
 */
final class X11Windows implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("0[xX][0-9a-fA-F]{1,8}|[0-9]{1,10}");
    private static final long WAIT_NANOS = 500_000_000L;
    /** {@code StaticGravity}: x/y of {@code _NET_MOVERESIZE_WINDOW} are the client's own position. */
    private static final long STATIC_GRAVITY = 10;
    /** EWMH source indication: a pager / tool acting for the user. */
    private static final long SOURCE_PAGER = 2;
    private static final long STICKY_DESKTOP = 0xffffffffL;

    private final X11Session session;
    private final Object lock = new Object();
    private final X11.Display display;
    private final X11Atoms atoms;
    private final long root;
    private boolean closed;

    X11Windows(X11Session session) {
        this.session = session;
        this.display = session.open("windows");
        this.atoms = new X11Atoms(display);
        this.root = X11.INSTANCE.XDefaultRootWindow(display).longValue();
    }

    /** The X display name this component talks to (apps launched for it get it as {@code DISPLAY}). */
    String displayName() {
        return session.displayName();
    }

    List<Window> windows() {
        synchronized (lock) {
            ensureOpen();
            boolean ewmh = wmCheck() != 0;
            long focused = focusedId(ewmh);
            List<Window> result = new ArrayList<>();
            for (long id : topLevelIds(ewmh)) {
                describe(id, ewmh, focused).ifPresent(result::add);
            }
            discardErrors();
            return result;
        }
    }

    Optional<Window> focusedWindow() {
        synchronized (lock) {
            ensureOpen();
            boolean ewmh = wmCheck() != 0;
            long focused = focusedId(ewmh);
            Optional<Window> result = focused != 0 && topLevelIds(ewmh).contains(focused)
                    ? describe(focused, ewmh, focused) : Optional.empty();
            discardErrors();
            return result;
        }
    }

    void focusWindow(String windowId) {
        long id = parseId(windowId);
        synchronized (lock) {
            ensureOpen();
            boolean ewmh = wmCheck() != 0;
            requireTopLevel(id, ewmh, windowId);
            String what = "focus window " + windowId;
            if (ewmh) {
                long active = focusedId(true);
                sendToRoot(id, "_NET_ACTIVE_WINDOW", SOURCE_PAGER, X11.CurrentTime, active);
                awaitCondition(() -> focusedId(true) == id);
            } else {
                X11.Window window = new X11.Window(id);
                X11.XWindowAttributes attributes = new X11.XWindowAttributes();
                X11Errors.checked(display, what, () -> X11.INSTANCE.XGetWindowAttributes(display, window, attributes));
                if (attributes.map_state != X11.IsViewable) {
                    X11Errors.checked(display, what, () -> X11.INSTANCE.XMapRaised(display, window));
                }
                X11Errors.checked(display, what, () -> {
                    X11.INSTANCE.XRaiseWindow(display, window);
                    XlibWindows.INSTANCE.XSetInputFocus(display, window, XlibWindows.REVERT_TO_PARENT,
                            new NativeLong(X11.CurrentTime));
                });
            }
        }
    }

    /**
     * Moves and resizes the client area to {@code bounds} (root coordinates, 1 px = 1 logical px).
     * The application may round the size (e.g. xterm to whole character cells).
     */
    void moveWindow(String windowId, Rect bounds) {
        long id = parseId(windowId);
        long x = Math.round(bounds.x());
        long y = Math.round(bounds.y());
        long width = Math.round(bounds.width());
        long height = Math.round(bounds.height());
        if (width < 1 || height < 1 || width > 32767 || height > 32767 || Math.abs(x) > 32767 || Math.abs(y) > 32767) {
            throw OpendeskException.invalidArgument("window bounds out of range (size 1..32767, position -32767..32767): "
                    + bounds);
        }
        synchronized (lock) {
            ensureOpen();
            boolean ewmh = wmCheck() != 0;
            requireTopLevel(id, ewmh, windowId);
            boolean viaWm = ewmh && supported("_NET_MOVERESIZE_WINDOW");
            Rect before = bounds(id);
            requestMove(windowId, id, viaWm, x, y, width, height);
            Rect after = awaitBounds(id, now -> now.x() == x && now.y() == y || !now.equals(before));
            if (after != null && before != null && !after.equals(before) && (after.x() != x || after.y() != y)) {
                // WMs differ in what x/y of a request mean (frame, client, or the client's original
                // border corner): correct once by what this one did
                requestMove(windowId, id, viaWm, 2 * x - (long) after.x(), 2 * y - (long) after.y(), width, height);
                awaitBounds(id, now -> now.x() == x && now.y() == y);
            }
        }
    }

    private void requestMove(String windowId, long id, boolean viaWm, long x, long y, long width, long height) {
        if (viaWm) {
            long flags = STATIC_GRAVITY | (0xfL << 8) | (SOURCE_PAGER << 12);
            sendToRoot(id, "_NET_MOVERESIZE_WINDOW", flags, x, y, width, height);
        } else {
            X11Errors.checked(display, "move window " + windowId, () -> XlibWindows.INSTANCE.XMoveResizeWindow(display,
                    new X11.Window(id), (int) x, (int) y, (int) width, (int) height));
        }
    }

    /** Polls (at most half a second) until the window's bounds satisfy {@code done}; the last bounds seen, null if it vanished. */
    private @Nullable Rect awaitBounds(long id, java.util.function.Predicate<Rect> done) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            Rect now = bounds(id);
            if (now == null || done.test(now) || System.nanoTime() > deadline) {
                discardErrors();
                return now;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
        }
    }

    void closeWindow(String windowId) {
        long id = parseId(windowId);
        synchronized (lock) {
            ensureOpen();
            boolean ewmh = wmCheck() != 0;
            requireTopLevel(id, ewmh, windowId);
            String what = "close window " + windowId;
            if (ewmh && supported("_NET_CLOSE_WINDOW")) {
                sendToRoot(id, "_NET_CLOSE_WINDOW", X11.CurrentTime, SOURCE_PAGER);
            } else if (supportsDeleteWindow(id)) {
                Memory event = clientMessage(id, atoms.id("WM_PROTOCOLS"), atoms.id("WM_DELETE_WINDOW"), X11.CurrentTime);
                X11Errors.checked(display, what, () -> XlibWindows.INSTANCE.XSendEvent(display, new X11.Window(id), 0,
                        new NativeLong(0), event));
            } else {
                X11Errors.checked(display, what, () -> XlibWindows.INSTANCE.XKillClient(display, new NativeLong(id)));
            }
        }
    }

    /**
     * Whether an EWMH window manager runs. Focus, move/resize and close work without one too
     * (see the class comment); this only tells whether the EWMH paths (activation that the WM
     * honours, decorations, minimised state, workspaces) are in use.
     */
    boolean hasWindowManager() {
        synchronized (lock) {
            ensureOpen();
            return wmCheck() != 0;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                session.close(display);
            }
        }
    }

    /** {@code "0x"} + lower-case hex. */
    static String formatId(long id) {
        return "0x" + Long.toHexString(id);
    }

    /** Parses {@code 0x…} hex (or plain decimal) window ids; anything else is {@code invalid_argument}. */
    static long parseId(@Nullable String windowId) {
        if (windowId == null || !ID.matcher(windowId).matches()) {
            throw OpendeskException.invalidArgument("bad window id '" + windowId + "': expected 0x followed by hex digits, e.g. 0x1a00003");
        }
        long id = windowId.length() > 2 && (windowId.charAt(1) == 'x' || windowId.charAt(1) == 'X')
                ? Long.parseLong(windowId.substring(2), 16) : Long.parseLong(windowId);
        if (id == 0 || id > 0xffffffffL) {
            throw OpendeskException.invalidArgument("bad window id '" + windowId + "': out of range");
        }
        return id;
    }

    private void ensureOpen() {
        if (closed) {
            throw new OpendeskException(ErrorCode.INTERNAL, "x11 windows: already closed");
        }
    }

    /** The EWMH WM's check window, or 0 when no compliant WM runs. */
    private long wmCheck() {
        Long check = atoms.cardinal(root, "_NET_SUPPORTING_WM_CHECK", X11Atoms.XA_WINDOW);
        if (check == null || check == 0) {
            return 0;
        }
        Long self = atoms.cardinal(check, "_NET_SUPPORTING_WM_CHECK", X11Atoms.XA_WINDOW);
        discardErrors();
        return self != null && self.longValue() == check.longValue() ? check : 0;
    }

    private boolean supported(String atom) {
        long wanted = atoms.id(atom);
        for (long value : atoms.items(root, "_NET_SUPPORTED", X11Atoms.XA_ATOM)) {
            if (value == wanted) {
                return true;
            }
        }
        return false;
    }

    private List<Long> topLevelIds(boolean ewmh) {
        List<Long> ids = new ArrayList<>();
        if (ewmh) {
            for (long id : atoms.items(root, "_NET_CLIENT_LIST", X11Atoms.XA_WINDOW)) {
                ids.add(id);
            }
            return ids;
        }
        for (long child : children(root)) {
            X11.XWindowAttributes attributes = new X11.XWindowAttributes();
            if (X11.INSTANCE.XGetWindowAttributes(display, new X11.Window(child), attributes) == 0
                    || attributes.map_state != X11.IsViewable || attributes.override_redirect) {
                continue;
            }
            if (atoms.read(child, X11Atoms.XA_WM_CLASS, X11Atoms.ANY, false) != null
                    || atoms.read(child, X11Atoms.XA_WM_NAME, X11Atoms.ANY, false) != null
                    || atoms.read(child, atoms.id("_NET_WM_NAME"), X11Atoms.ANY, false) != null) {
                ids.add(child);
            }
        }
        discardErrors();
        return ids;
    }

    private void requireTopLevel(long id, boolean ewmh, String windowId) {
        if (!topLevelIds(ewmh).contains(id)) {
            throw new OpendeskException(ErrorCode.NOT_FOUND, "no top-level window " + windowId
                    + " (it does not exist any more, or is not an application window)");
        }
    }

    /** Children of {@code window}, bottom to top; empty if it is gone. */
    private List<Long> children(long window) {
        List<Long> result = new ArrayList<>();
        X11.WindowByReference rootReturn = new X11.WindowByReference();
        X11.WindowByReference parentReturn = new X11.WindowByReference();
        PointerByReference childrenReturn = new PointerByReference();
        IntByReference count = new IntByReference();
        if (X11.INSTANCE.XQueryTree(display, new X11.Window(window), rootReturn, parentReturn, childrenReturn, count) == 0) {
            return result;
        }
        Pointer pointer = childrenReturn.getValue();
        if (pointer != null) {
            for (int i = 0; i < count.getValue(); i++) {
                result.add(pointer.getNativeLong((long) i * NativeLong.SIZE).longValue());
            }
            X11.INSTANCE.XFree(pointer);
        }
        return result;
    }

    /** The parent of {@code window}, or 0 if it is gone or the root. */
    private long parent(long window) {
        X11.WindowByReference rootReturn = new X11.WindowByReference();
        X11.WindowByReference parentReturn = new X11.WindowByReference();
        PointerByReference childrenReturn = new PointerByReference();
        IntByReference count = new IntByReference();
        if (X11.INSTANCE.XQueryTree(display, new X11.Window(window), rootReturn, parentReturn, childrenReturn, count) == 0) {
            return 0;
        }
        if (childrenReturn.getValue() != null) {
            X11.INSTANCE.XFree(childrenReturn.getValue());
        }
        return parentReturn.getValue() == null ? 0 : parentReturn.getValue().longValue();
    }

    /** The focused top-level window, or 0. */
    private long focusedId(boolean ewmh) {
        if (ewmh) {
            Long active = atoms.cardinal(root, "_NET_ACTIVE_WINDOW", X11Atoms.XA_WINDOW);
            return active == null ? 0 : active;
        }
        X11.WindowByReference focus = new X11.WindowByReference();
        IntByReference revert = new IntByReference();
        XlibWindows.INSTANCE.XGetInputFocus(display, focus, revert);
        long window = focus.getValue() == null ? 0 : focus.getValue().longValue();
        if (window <= XlibWindows.POINTER_ROOT || window == root) {
            return 0;
        }
        for (int depth = 0; depth < 64; depth++) {
            long parent = parent(window);
            if (parent == 0) {
                discardErrors();
                return 0;
            }
            if (parent == root) {
                return window;
            }
            window = parent;
        }
        return 0;
    }

    /** A window's description, or empty if it vanished meanwhile. */
    private Optional<Window> describe(long id, boolean ewmh, long focused) {
        Rect bounds = bounds(id);
        if (bounds == null) {
            return Optional.empty();
        }
        long utf8 = atoms.id("UTF8_STRING");
        X11Atoms.Property netName = atoms.read(id, atoms.id("_NET_WM_NAME"), utf8, false);
        X11Atoms.Property wmName = netName != null ? netName : atoms.read(id, X11Atoms.XA_WM_NAME, X11Atoms.ANY, false);
        String title = wmName == null || wmName.format() != 8 ? "" : wmName.text(utf8);
        X11Atoms.Property wmClass = atoms.read(id, X11Atoms.XA_WM_CLASS, X11Atoms.ANY, false);
        String appName = wmClass == null || wmClass.format() != 8 ? "" : appName(wmClass.text(utf8));
        Long pid = atoms.cardinal(id, "_NET_WM_PID", X11Atoms.XA_CARDINAL);
        boolean minimized = false;
        String workspace = null;
        if (ewmh) {
            long hidden = atoms.id("_NET_WM_STATE_HIDDEN");
            for (long state : atoms.items(id, "_NET_WM_STATE", X11Atoms.XA_ATOM)) {
                minimized |= state == hidden;
            }
            Long desktop = atoms.cardinal(id, "_NET_WM_DESKTOP", X11Atoms.XA_CARDINAL);
            if (desktop != null) {
                workspace = desktop == STICKY_DESKTOP ? "all" : Long.toString(desktop);
            }
        }
        return Optional.of(new Window(formatId(id), title, appName, pid != null && pid > 0 ? pid : null, bounds,
                id == focused, minimized, workspace));
    }

    /** {@code WM_CLASS} is "instance\0class\0": the class, else the instance. */
    private static String appName(String wmClass) {
        String[] parts = wmClass.split("\0");
        if (parts.length > 1 && !parts[1].isEmpty()) {
            return parts[1];
        }
        return parts.length > 0 ? parts[0] : "";
    }

    /** The client area in root coordinates, or null if the window is gone. */
    private @Nullable Rect bounds(long id) {
        X11.Window window = new X11.Window(id);
        X11.WindowByReference rootReturn = new X11.WindowByReference();
        IntByReference x = new IntByReference();
        IntByReference y = new IntByReference();
        IntByReference width = new IntByReference();
        IntByReference height = new IntByReference();
        IntByReference border = new IntByReference();
        IntByReference depth = new IntByReference();
        if (X11.INSTANCE.XGetGeometry(display, window, rootReturn, x, y, width, height, border, depth) == 0) {
            return null;
        }
        IntByReference rootX = new IntByReference();
        IntByReference rootY = new IntByReference();
        X11.WindowByReference child = new X11.WindowByReference();
        if (!X11.INSTANCE.XTranslateCoordinates(display, window, new X11.Window(root), 0, 0, rootX, rootY, child)) {
            return null;
        }
        return new Rect(rootX.getValue(), rootY.getValue(), width.getValue(), height.getValue());
    }

    private boolean supportsDeleteWindow(long id) {
        long delete = atoms.id("WM_DELETE_WINDOW");
        for (long protocol : atoms.items(id, "WM_PROTOCOLS", X11Atoms.XA_ATOM)) {
            if (protocol == delete) {
                return true;
            }
        }
        return false;
    }

    /** Sends an EWMH request about {@code window} to the root window, as the EWMH spec prescribes. */
    private void sendToRoot(long window, String messageType, long... data) {
        Memory event = clientMessage(window, atoms.id(messageType), data);
        long mask = XlibWindows.Event.SUBSTRUCTURE_NOTIFY_MASK | XlibWindows.Event.SUBSTRUCTURE_REDIRECT_MASK;
        X11Errors.checked(display, messageType.toLowerCase(Locale.ROOT) + " " + formatId(window),
                () -> XlibWindows.INSTANCE.XSendEvent(display, new X11.Window(root), 0, new NativeLong(mask), event));
    }

    private Memory clientMessage(long window, long messageType, long... data) {
        Memory event = new Memory(XlibWindows.Event.SIZE);
        event.clear();
        event.setInt(XlibWindows.Event.TYPE, XlibWindows.Event.CLIENT_MESSAGE);
        event.setPointer(XlibWindows.Event.DISPLAY, display.getPointer());
        event.setNativeLong(XlibWindows.Event.WINDOW, new NativeLong(window));
        event.setNativeLong(XlibWindows.Event.CLIENT_MESSAGE_TYPE, new NativeLong(messageType));
        event.setInt(XlibWindows.Event.CLIENT_FORMAT, 32);
        for (int i = 0; i < data.length && i < 5; i++) {
            event.setNativeLong(XlibWindows.Event.CLIENT_DATA + (long) i * NativeLong.SIZE, new NativeLong(data[i]));
        }
        return event;
    }

    /** Polls (at most half a second) until the WM / server applied a request; gives up silently. */
    private void awaitCondition(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        discardErrors();
    }

    /** Drops X errors that unchecked reads of vanished windows left behind. */
    private void discardErrors() {
        X11.INSTANCE.XSync(display, false);
        X11Errors.checked(display, "sync", () -> {
        });
    }
}
