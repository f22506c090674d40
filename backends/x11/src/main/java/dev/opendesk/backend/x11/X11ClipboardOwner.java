package dev.opendesk.backend.x11;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import dev.opendesk.backend.x11.jna.XlibSelection;
import dev.opendesk.backend.x11.jna.XlibWindows;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns CLIPBOARD with a hidden window on its own connection and answers {@code SelectionRequest}s
 * from a daemon thread: {@code TARGETS}, {@code TIMESTAMP}, {@code UTF8_STRING}, {@code TEXT},
 * {@code text/plain;charset=utf-8} (UTF-8) and {@code STRING} (Latin-1, {@code ?} for what it
 * cannot hold). Data larger than one request is sent with the {@code INCR} protocol. Serving stops
 * on {@code SelectionClear} (another client took the clipboard) or {@link #close()}.
 */
final class X11ClipboardOwner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(X11ClipboardOwner.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int MAX_CHUNK = 256 * 1024;
    private static final long POLL_MILLIS = 2;
    private static final long INCR_TIMEOUT_NANOS = 10_000_000_000L;

    private final X11Session session;
    private final X11.Display display;
    private final X11Atoms atoms;
    private final X11.Window window;
    private final byte[] utf8;
    private final int chunk;
    private final long time;
    private final Thread thread;
    private final Map<Transfer.Key, Transfer> transfers = new HashMap<>();
    private volatile boolean stop;
    private volatile boolean serving = true;

    /** One INCR transfer to a requestor: the next chunk goes when it deletes the property. */
    private static final class Transfer {
        record Key(long requestor, long property) {
        }

        final long type;
        final byte[] data;
        int offset;
        long lastActivity = System.nanoTime();

        Transfer(long type, byte[] data) {
            this.type = type;
            this.data = data;
        }
    }

    private X11ClipboardOwner(X11Session session, X11.Display display, X11.Window window, byte[] utf8, long time) {
        this.session = session;
        this.display = display;
        this.atoms = new X11Atoms(display);
        this.window = window;
        this.utf8 = utf8;
        this.time = time;
        long maxRequest = XlibSelection.INSTANCE.XMaxRequestSize(display).longValue() * 4;
        this.chunk = (int) Math.max(4096, Math.min(MAX_CHUNK, maxRequest - 1024));
        this.thread = new Thread(this::run, "x11-clipboard-owner-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
    }

    /**
     * Takes CLIPBOARD and starts serving {@code utf8}.
     *
     * @throws OpendeskException {@code internal} when the server did not give us the selection
     */
    static X11ClipboardOwner start(X11Session session, byte[] utf8) {
        X11.Display display = session.open("clipboard owner");
        X11.Window window = null;
        try {
            X11.Window root = X11.INSTANCE.XDefaultRootWindow(display);
            window = X11.INSTANCE.XCreateSimpleWindow(display, root, -10, -10, 1, 1, 0, 0, 0);
            X11.INSTANCE.XSelectInput(display, window, new NativeLong(XlibWindows.Event.PROPERTY_CHANGE_MASK));
            long time = serverTime(display, window);
            X11.Atom clipboard = X11.INSTANCE.XInternAtom(display, "CLIPBOARD", false);
            XlibSelection.INSTANCE.XSetSelectionOwner(display, clipboard, window, new NativeLong(time));
            long owner = XlibSelection.INSTANCE.XGetSelectionOwner(display, clipboard).longValue();
            if (owner != window.longValue()) {
                throw new OpendeskException(ErrorCode.INTERNAL, "the X server did not give us the CLIPBOARD selection (owner is 0x"
                        + Long.toHexString(owner) + ")");
            }
            X11ClipboardOwner result = new X11ClipboardOwner(session, display, window, utf8, time);
            result.thread.start();
            return result;
        } catch (RuntimeException e) {
            if (window != null) {
                X11.INSTANCE.XDestroyWindow(display, window);
            }
            session.close(display);
            throw e;
        }
    }

    /** A real server timestamp (ICCCM: never take a selection with CurrentTime): from a zero-length property append. */
    private static long serverTime(X11.Display display, X11.Window window) {
        X11Atoms atoms = new X11Atoms(display);
        atoms.writeBytes(window.longValue(), atoms.id("_OPENDESK_TIMESTAMP"), X11Atoms.XA_STRING, new byte[0], 0, 0,
                X11.PropModeAppend);
        X11.INSTANCE.XFlush(display);
        Memory event = new Memory(XlibWindows.Event.SIZE);
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (XlibWindows.INSTANCE.XCheckTypedWindowEvent(display, window, XlibWindows.Event.PROPERTY_NOTIFY, event) != 0) {
                return event.getNativeLong(XlibWindows.Event.PROPERTY_TIME).longValue() & 0xffffffffL;
            }
            sleep();
        }
        return X11.CurrentTime;
    }

    /** The owner window id. */
    long windowId() {
        return window.longValue();
    }

    /** The text served, UTF-8. */
    byte[] utf8() {
        return utf8.clone();
    }

    /** Whether we still own and serve the selection. */
    boolean serving() {
        return serving && thread.isAlive();
    }

    /** Stops serving (promptly: the thread polls) and releases the connection. */
    @Override
    public void close() {
        stop = true;
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Memory event = new Memory(XlibWindows.Event.SIZE);
        try {
            while (!stop && serving && !Thread.currentThread().isInterrupted()) {
                if (X11.INSTANCE.XPending(display) > 0) {
                    XlibWindows.INSTANCE.XNextEvent(display, event);
                    try {
                        handle(event);
                    } catch (OpendeskException e) {
                        LOG.debug("clipboard request failed: {}", e.getMessage());
                    }
                } else {
                    expireTransfers();
                    sleep();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("clipboard owner stopped", e);
        } finally {
            serving = false;
            X11.INSTANCE.XDestroyWindow(display, window);
            session.close(display);
        }
    }

    private void handle(Memory event) {
        int type = event.getInt(XlibWindows.Event.TYPE);
        switch (type) {
            case XlibWindows.Event.SELECTION_REQUEST -> request(event);
            case XlibWindows.Event.SELECTION_CLEAR -> {
                if (event.getNativeLong(XlibSelection.Layout.CLEAR_SELECTION).longValue() == atoms.id("CLIPBOARD")) {
                    LOG.debug("another client took the clipboard");
                    serving = false;
                }
            }
            case XlibWindows.Event.PROPERTY_NOTIFY -> {
                // state 1 = PropertyDelete on a requestor's window: it wants the next INCR chunk
                if (event.getInt(XlibWindows.Event.PROPERTY_STATE) == 1) {
                    Transfer.Key key = new Transfer.Key(event.getNativeLong(XlibWindows.Event.WINDOW).longValue(),
                            event.getNativeLong(XlibWindows.Event.PROPERTY_ATOM).longValue());
                    Transfer transfer = transfers.get(key);
                    if (transfer != null) {
                        sendChunk(key, transfer);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void request(Memory event) {
        long requestor = event.getNativeLong(XlibSelection.Layout.REQUEST_REQUESTOR).longValue();
        long selection = event.getNativeLong(XlibSelection.Layout.REQUEST_SELECTION).longValue();
        long target = event.getNativeLong(XlibSelection.Layout.REQUEST_TARGET).longValue();
        long property = event.getNativeLong(XlibSelection.Layout.REQUEST_PROPERTY).longValue();
        long requestTime = event.getNativeLong(XlibSelection.Layout.REQUEST_TIME).longValue();
        if (property == 0) {
            property = target; // obsolete requestors (ICCCM 2.2)
        }
        boolean answered = selection == atoms.id("CLIPBOARD") && answer(requestor, target, property);
        notify(requestor, selection, target, answered ? property : 0, requestTime);
    }

    /** Puts the value for {@code target} into the requestor's property; false when we cannot convert to it. */
    private boolean answer(long requestor, long target, long property) {
        String what = "answer clipboard request of window 0x" + Long.toHexString(requestor);
        long utf8Type = atoms.id("UTF8_STRING");
        long targets = atoms.id("TARGETS");
        long mime = atoms.id("text/plain;charset=utf-8");
        long text = atoms.id("TEXT");
        if (target == targets) {
            long[] values = {targets, atoms.id("TIMESTAMP"), utf8Type, mime, text, X11Atoms.XA_STRING};
            X11Errors.checked(display, what, () -> atoms.writeItems(requestor, property, X11Atoms.XA_ATOM, values));
            return true;
        }
        if (target == atoms.id("TIMESTAMP")) {
            X11Errors.checked(display, what, () -> atoms.writeItems(requestor, property, X11Atoms.XA_INTEGER, new long[] {time}));
            return true;
        }
        byte[] data;
        long type;
        if (target == utf8Type || target == text) {
            data = utf8;
            type = utf8Type;
        } else if (target == mime) {
            data = utf8;
            type = mime;
        } else if (target == X11Atoms.XA_STRING) {
            data = new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
            type = X11Atoms.XA_STRING;
        } else {
            return false;
        }
        if (data.length <= chunk) {
            X11Errors.checked(display, what, () -> atoms.writeBytes(requestor, property, type, data, 0, data.length,
                    X11.PropModeReplace));
            return true;
        }
        Transfer.Key key = new Transfer.Key(requestor, property);
        X11Errors.checked(display, what, () -> {
            X11.INSTANCE.XSelectInput(display, new X11.Window(requestor), new NativeLong(XlibWindows.Event.PROPERTY_CHANGE_MASK));
            atoms.writeItems(requestor, property, atoms.id("INCR"), new long[] {data.length});
        });
        transfers.put(key, new Transfer(type, data));
        return true;
    }

    private void sendChunk(Transfer.Key key, Transfer transfer) {
        int length = Math.min(chunk, transfer.data.length - transfer.offset);
        try {
            X11Errors.checked(display, "send clipboard chunk", () -> atoms.writeBytes(key.requestor(), key.property(),
                    transfer.type, transfer.data, transfer.offset, length, X11.PropModeReplace));
        } catch (OpendeskException e) {
            transfers.remove(key);
            throw e;
        }
        transfer.lastActivity = System.nanoTime();
        if (length == 0) {
            finish(key);
        } else {
            transfer.offset += length;
        }
    }

    private void finish(Transfer.Key key) {
        transfers.remove(key);
        if (transfers.keySet().stream().noneMatch(other -> other.requestor() == key.requestor())) {
            X11.INSTANCE.XSelectInput(display, new X11.Window(key.requestor()), new NativeLong(0));
            X11.INSTANCE.XSync(display, false);
        }
    }

    private void expireTransfers() {
        long now = System.nanoTime();
        transfers.entrySet().removeIf(entry -> now - entry.getValue().lastActivity > INCR_TIMEOUT_NANOS);
    }

    private void notify(long requestor, long selection, long target, long property, long requestTime) {
        Memory reply = new Memory(XlibWindows.Event.SIZE);
        reply.clear();
        reply.setInt(XlibWindows.Event.TYPE, XlibWindows.Event.SELECTION_NOTIFY);
        reply.setInt(XlibWindows.Event.SEND_EVENT, 1);
        reply.setPointer(XlibWindows.Event.DISPLAY, display.getPointer());
        reply.setNativeLong(XlibSelection.Layout.NOTIFY_REQUESTOR, new NativeLong(requestor));
        reply.setNativeLong(XlibSelection.Layout.NOTIFY_SELECTION, new NativeLong(selection));
        reply.setNativeLong(XlibSelection.Layout.NOTIFY_TARGET, new NativeLong(target));
        reply.setNativeLong(XlibSelection.Layout.NOTIFY_PROPERTY, new NativeLong(property));
        reply.setNativeLong(XlibSelection.Layout.NOTIFY_TIME, new NativeLong(requestTime));
        X11Errors.checked(display, "notify clipboard requestor 0x" + Long.toHexString(requestor),
                () -> XlibWindows.INSTANCE.XSendEvent(display, new X11.Window(requestor), 0, new NativeLong(0), reply));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
