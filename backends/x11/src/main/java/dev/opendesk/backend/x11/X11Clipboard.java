package dev.opendesk.backend.x11;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import dev.opendesk.backend.x11.jna.XlibSelection;
import dev.opendesk.backend.x11.jna.XlibWindows;
import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.ClipboardEntry;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The CLIPBOARD selection: read by conversion, written by owning it from a dedicated thread.
 *
 * <p>Reading converts CLIPBOARD to {@code UTF8_STRING}, else {@code STRING} (Latin-1), into a
 * property of a hidden window, waiting at most {@value #ANSWER_MILLIS} ms for the owner to answer
 * (and as long again for each chunk of an {@code INCR} transfer); no owner, or an owner without
 * text, reads as an empty clipboard, an owner that does not answer is a {@code timeout}.
 * Text is returned as one {@code text/plain;charset=utf-8} entry.
 *
 * <p>Writing takes the text of the first {@code text/*} entry (decoded with its {@code charset}
 * parameter, UTF-8 by default) and serves it from an {@link X11ClipboardOwner} until another
 * client takes the selection or this clipboard is closed. As on any X desktop without a clipboard
 * manager, the contents disappear when their owner (this backend) stops.
 */
final class X11Clipboard implements AutoCloseable {
    static final long ANSWER_MILLIS = 1500;

    private final X11Session session;
    private final Object lock = new Object();
    private final X11.Display display;
    private final X11Atoms atoms;
    private final X11.Window window;
    private @Nullable X11ClipboardOwner owner;
    private boolean closed;

    X11Clipboard(X11Session session) {
        this.session = session;
        this.display = session.open("clipboard");
        this.atoms = new X11Atoms(display);
        X11.Window root = X11.INSTANCE.XDefaultRootWindow(display);
        this.window = X11.INSTANCE.XCreateSimpleWindow(display, root, -10, -10, 1, 1, 0, 0, 0);
        X11.INSTANCE.XSelectInput(display, window, new NativeLong(XlibWindows.Event.PROPERTY_CHANGE_MASK));
        X11.INSTANCE.XFlush(display);
    }

    ClipboardContents read() {
        synchronized (lock) {
            ensureOpen();
            X11.Atom clipboard = atoms.get("CLIPBOARD");
            long current = XlibSelection.INSTANCE.XGetSelectionOwner(display, clipboard).longValue();
            if (current == 0) {
                return ClipboardContents.empty();
            }
            X11ClipboardOwner ours = owner;
            if (ours != null && ours.serving() && ours.windowId() == current) {
                return text(ours.utf8());
            }
            byte[] utf8 = convert(atoms.get("UTF8_STRING"));
            if (utf8 == null) {
                byte[] latin1 = convert(new X11.Atom(X11Atoms.XA_STRING));
                if (latin1 == null) {
                    return ClipboardContents.empty();
                }
                utf8 = new String(latin1, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
            }
            return text(utf8);
        }
    }

    void write(ClipboardContents contents) {
        ClipboardEntry entry = contents.entries().stream().filter(ClipboardEntry::isText).findFirst()
                .orElseThrow(() -> OpendeskException.invalidArgument(
                        "clipboard write needs a text/* entry (only text is supported on X11); got "
                                + contents.entries().stream().map(ClipboardEntry::mimeType).toList()));
        byte[] utf8 = new String(entry.data(), charset(entry.mimeType())).getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            ensureOpen();
            X11ClipboardOwner previous = owner;
            owner = X11ClipboardOwner.start(session, utf8);
            if (previous != null) {
                previous.close();
            }
        }
    }

    /** Whether our owner thread still serves the clipboard (for tests). */
    boolean serving() {
        synchronized (lock) {
            X11ClipboardOwner current = owner;
            return current != null && current.serving();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            X11ClipboardOwner current = owner;
            owner = null;
            if (current != null) {
                current.close();
            }
            X11.INSTANCE.XDestroyWindow(display, window);
            session.close(display);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new OpendeskException(ErrorCode.INTERNAL, "x11 clipboard: already closed");
        }
    }

    private static ClipboardContents text(byte[] utf8) {
        return utf8.length == 0 ? ClipboardContents.empty()
                : new ClipboardContents(List.of(new ClipboardEntry(ClipboardEntry.TEXT_PLAIN_UTF8, utf8)));
    }

    /** The {@code charset} parameter of a MIME type, UTF-8 by default. */
    static Charset charset(String mimeType) {
        for (String parameter : mimeType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("charset")) {
                String name = pair[1].trim().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw OpendeskException.invalidArgument("unknown charset '" + name + "' in clipboard entry " + mimeType);
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Converts CLIPBOARD to {@code target}; null when the owner refuses (or vanished). */
    private byte @Nullable [] convert(X11.Atom target) {
        long property = atoms.id("_OPENDESK_SELECTION");
        Memory event = new Memory(XlibWindows.Event.SIZE);
        X11.INSTANCE.XDeleteProperty(display, window, new X11.Atom(property));
        drain(XlibWindows.Event.SELECTION_NOTIFY, event);
        drain(XlibWindows.Event.PROPERTY_NOTIFY, event);
        XlibSelection.INSTANCE.XConvertSelection(display, atoms.get("CLIPBOARD"), target, new X11.Atom(property), window,
                new NativeLong(X11.CurrentTime));
        X11.INSTANCE.XFlush(display);
        if (!await(XlibWindows.Event.SELECTION_NOTIFY, event, -1)) {
            throw new OpendeskException(ErrorCode.TIMEOUT, "the clipboard owner did not answer within " + ANSWER_MILLIS + " ms");
        }
        if (event.getNativeLong(XlibSelection.Layout.NOTIFY_PROPERTY).longValue() == 0) {
            return null;
        }
        // the owner's own PropertyNotify (new value) came before its SelectionNotify
        drain(XlibWindows.Event.PROPERTY_NOTIFY, event);
        X11Atoms.Property value = atoms.read(window.longValue(), property, X11Atoms.ANY, true);
        if (value == null) {
            return null;
        }
        if (value.type() != atoms.id("INCR")) {
            return value.format() == 8 ? value.bytes() : null;
        }
        return incremental(property, event);
    }

    /** The rest of an INCR transfer: each chunk is announced by a new value of our property; empty ends it. */
    private byte[] incremental(long property, Memory event) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (true) {
            if (!await(XlibWindows.Event.PROPERTY_NOTIFY, event, property)) {
                throw new OpendeskException(ErrorCode.TIMEOUT, "the clipboard owner stopped sending after " + data.size()
                        + " bytes (INCR transfer)");
            }
            X11Atoms.Property chunk = atoms.read(window.longValue(), property, X11Atoms.ANY, true);
            if (chunk == null || chunk.bytes().length == 0) {
                return data.toByteArray();
            }
            data.write(chunk.bytes(), 0, chunk.bytes().length);
            if (data.size() > X11Atoms.MAX_PROPERTY_BYTES) {
                throw new OpendeskException(ErrorCode.INTERNAL, "clipboard contents larger than "
                        + X11Atoms.MAX_PROPERTY_BYTES + " bytes");
            }
        }
    }

    /**
     * Waits for an event of {@code type} on our window; for PropertyNotify only a new value of
     * {@code property} counts. False after {@value #ANSWER_MILLIS} ms without one.
     */
    private boolean await(int type, Memory event, long property) {
        long deadline = System.nanoTime() + ANSWER_MILLIS * 1_000_000L;
        while (true) {
            while (XlibWindows.INSTANCE.XCheckTypedWindowEvent(display, window, type, event) != 0) {
                if (type != XlibWindows.Event.PROPERTY_NOTIFY
                        || event.getNativeLong(XlibWindows.Event.PROPERTY_ATOM).longValue() == property
                        && event.getInt(XlibWindows.Event.PROPERTY_STATE) == 0) {
                    return true;
                }
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpendeskException(ErrorCode.CANCELLED, "interrupted while reading the clipboard", e);
            }
        }
    }

    private void drain(int type, Memory event) {
        while (XlibWindows.INSTANCE.XCheckTypedWindowEvent(display, window, type, event) != 0) {
            // discard
        }
    }
}
