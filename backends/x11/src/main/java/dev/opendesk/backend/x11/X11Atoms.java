package dev.opendesk.backend.x11;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Interned atoms of one connection (cached) and typed reads of window properties. Not thread-safe
 * beyond its own cache: use it from the thread (or under the lock) that owns the connection.
 */
final class X11Atoms {
    /** {@code AnyPropertyType}. */
    static final long ANY = 0;
    /** Predefined atoms (Xatom.h). */
    static final long XA_ATOM = 4;
    static final long XA_CARDINAL = 6;
    static final long XA_INTEGER = 19;
    static final long XA_STRING = 31;
    static final long XA_WINDOW = 33;
    static final long XA_WM_NAME = 39;
    static final long XA_WM_CLASS = 67;
    /** Largest property we read, in bytes. */
    static final long MAX_PROPERTY_BYTES = 256L * 1024 * 1024;

    private final X11.Display display;
    private final Map<String, X11.Atom> cache = new HashMap<>();

    X11Atoms(X11.Display display) {
        this.display = display;
    }

    /** The atom named {@code name}, created if needed. */
    synchronized X11.Atom get(String name) {
        return cache.computeIfAbsent(name, n -> X11.INSTANCE.XInternAtom(display, n, false));
    }

    /** The atom's numeric value. */
    long id(String name) {
        return get(name).longValue();
    }

    /** One property value: its type, format (8, 16 or 32) and raw items. */
    record Property(long type, int format, byte[] bytes, long[] items) {
        /** The bytes of a format-8 property as UTF-8 text, or as Latin-1 for {@code STRING}, trailing NULs removed. */
        String text(long utf8Type) {
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] == 0) {
                end--;
            }
            return new String(bytes, 0, end, type == utf8Type ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }

        /** The first item of a format-32 property, if any. */
        @Nullable Long first() {
            return items.length > 0 ? items[0] : null;
        }
    }

    /**
     * Reads a property, or returns null when it is absent, of another type than {@code type}
     * (unless {@link #ANY}) or the window is gone (the X error is recorded and left for the next
     * {@link X11Errors#checked} call to discard).
     */
    @Nullable Property read(long window, long property, long type, boolean delete) {
        X11.AtomByReference actualType = new X11.AtomByReference();
        IntByReference actualFormat = new IntByReference();
        NativeLongByReference count = new NativeLongByReference();
        NativeLongByReference after = new NativeLongByReference();
        PointerByReference data = new PointerByReference();
        int status = X11.INSTANCE.XGetWindowProperty(display, new X11.Window(window), new X11.Atom(property),
                new NativeLong(0), new NativeLong(MAX_PROPERTY_BYTES / 4), false, new X11.Atom(type),
                actualType, actualFormat, count, after, data);
        Pointer pointer = data.getValue();
        if (delete && status == 0) {
            // not through XGetWindowProperty's own flag: JNA passes Java true as -1, which the server refuses (BadValue)
            X11.INSTANCE.XDeleteProperty(display, new X11.Window(window), new X11.Atom(property));
        }
        try {
            if (status != 0 || actualType.getValue() == null || actualType.getValue().longValue() == 0) {
                return null;
            }
            long actual = actualType.getValue().longValue();
            if (type != ANY && actual != type) {
                return null;
            }
            int format = actualFormat.getValue();
            int n = (int) count.getValue().longValue();
            if (pointer == null || n == 0) {
                return new Property(actual, format, new byte[0], new long[0]);
            }
            switch (format) {
                case 8:
                    return new Property(actual, format, pointer.getByteArray(0, n), new long[0]);
                case 16: {
                    long[] items = new long[n];
                    for (int i = 0; i < n; i++) {
                        items[i] = pointer.getShort(2L * i) & 0xffffL;
                    }
                    return new Property(actual, format, new byte[0], items);
                }
                default: {
                    // format 32 items are C longs in the client
                    long[] items = new long[n];
                    for (int i = 0; i < n; i++) {
                        items[i] = pointer.getNativeLong((long) i * NativeLong.SIZE).longValue() & 0xffffffffL;
                    }
                    return new Property(actual, format, new byte[0], items);
                }
            }
        } finally {
            if (pointer != null) {
                X11.INSTANCE.XFree(pointer);
            }
        }
    }

    /** The first 32-bit item of a property, or null. */
    @Nullable Long cardinal(long window, String property, long type) {
        Property value = read(window, id(property), type, false);
        return value == null || value.format() != 32 ? null : value.first();
    }

    /** The 32-bit items of a property, or an empty array. */
    long[] items(long window, String property, long type) {
        Property value = read(window, id(property), type, false);
        return value == null || value.format() != 32 ? new long[0] : value.items();
    }

    /** Writes 32-bit items (atoms, windows, cardinals) into a property, replacing it. */
    void writeItems(long window, long property, long type, long[] items) {
        Memory memory = new Memory((long) Math.max(1, items.length) * NativeLong.SIZE);
        for (int i = 0; i < items.length; i++) {
            memory.setNativeLong((long) i * NativeLong.SIZE, new NativeLong(items[i]));
        }
        X11.INSTANCE.XChangeProperty(display, new X11.Window(window), new X11.Atom(property), new X11.Atom(type), 32,
                X11.PropModeReplace, memory, items.length);
    }

    /** Writes bytes into a property (format 8). */
    void writeBytes(long window, long property, long type, byte[] bytes, int offset, int length, int mode) {
        Memory memory = new Memory(Math.max(1, length));
        if (length > 0) {
            memory.write(0, bytes, offset, length);
        }
        X11.INSTANCE.XChangeProperty(display, new X11.Window(window), new X11.Atom(property), new X11.Atom(type), 8,
                mode, memory, length);
    }
}
