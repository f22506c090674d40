package dev.opendesk.backend.x11;

import static java.util.Objects.requireNonNull;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.opendesk.backend.x11.jna.XRandr;
import dev.opendesk.backend.x11.jna.XlibImage;
import dev.opendesk.core.model.Display;
import dev.opendesk.core.model.Rect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitors of the X screen on one connection, read fresh on every call: RandR 1.5 monitors
 * ({@code XRRGetMonitors}, active ones, in server order) with ids {@code "1".."n"}, or the whole
 * root window as display {@code "1"} when RandR 1.5 is missing. Not thread-safe.
 */
final class X11Monitors {
    private static final Logger LOG = LoggerFactory.getLogger(X11Monitors.class);
    private static final X11.Atom XA_RESOURCE_MANAGER = new X11.Atom(23);
    private static final X11.Atom XA_STRING = new X11.Atom(31);

    /** One monitor in X pixels; {@code name} is the RandR name or {@code display-<id>}. */
    record Monitor(String id, int x, int y, int width, int height, boolean primary, String name) {
        Display toDisplay(double scaleFactor) {
            return new Display(id, new Rect(x, y, width, height), scaleFactor, primary, name);
        }
    }

    /** The root window's size. */
    record RootSize(int width, int height) {
    }

    private final X11.Display display;
    private final X11.Window root;
    private final boolean randr15;
    private final Map<Long, String> atomNames = new HashMap<>();

    X11Monitors(X11.Display display, X11.Window root) {
        this.display = requireNonNull(display, "display is null");
        this.root = requireNonNull(root, "root is null");
        this.randr15 = queryRandr(display);
    }

    private static boolean queryRandr(X11.Display display) {
        try {
            IntByReference a = new IntByReference();
            IntByReference b = new IntByReference();
            if (!XRandr.INSTANCE.XRRQueryExtension(display, a, b)) {
                LOG.info("X server has no RandR: one display covering the whole screen");
                return false;
            }
            IntByReference major = new IntByReference();
            IntByReference minor = new IntByReference();
            XRandr.INSTANCE.XRRQueryVersion(display, major, minor);
            boolean ok = major.getValue() > 1 || major.getValue() == 1 && minor.getValue() >= 5;
            if (!ok) {
                LOG.info("X server has RandR {}.{} (< 1.5, no monitors): one display covering the whole screen",
                        major.getValue(), minor.getValue());
            }
            return ok;
        } catch (UnsatisfiedLinkError e) {
            LOG.info("libXrandr is missing: one display covering the whole screen ({})", e.getMessage());
            return false;
        }
    }

    /** The root window's current size (asked from the server: it changes with RandR). */
    RootSize rootSize() {
        X11.XWindowAttributes attributes = new X11.XWindowAttributes();
        X11.INSTANCE.XGetWindowAttributes(display, root, attributes);
        return new RootSize(attributes.width, attributes.height);
    }

    /** The monitors; exactly one is primary (the RandR primary, else the first). Never empty. */
    List<Monitor> monitors() {
        List<Monitor> monitors = randr15 ? randrMonitors() : List.of();
        if (monitors.isEmpty()) {
            RootSize size = rootSize();
            return List.of(new Monitor("1", 0, 0, size.width(), size.height(), true, "display-1"));
        }
        return monitors;
    }

    private List<Monitor> randrMonitors() {
        IntByReference count = new IntByReference();
        Pointer array = XRandr.INSTANCE.XRRGetMonitors(display, root, true, count);
        if (array == null) {
            return List.of();
        }
        List<Monitor> monitors = new ArrayList<>(count.getValue());
        try {
            boolean anyPrimary = false;
            for (int i = 0; i < count.getValue(); i++) {
                Pointer info = array.share((long) i * XRandr.MonitorInfo.SIZE);
                int width = info.getInt(XRandr.MonitorInfo.WIDTH);
                int height = info.getInt(XRandr.MonitorInfo.HEIGHT);
                if (width <= 0 || height <= 0) {
                    continue;
                }
                boolean primary = info.getInt(XRandr.MonitorInfo.PRIMARY) != 0 && !anyPrimary;
                anyPrimary |= primary;
                String id = Integer.toString(monitors.size() + 1);
                monitors.add(new Monitor(id, info.getInt(XRandr.MonitorInfo.X), info.getInt(XRandr.MonitorInfo.Y),
                        width, height, primary, atomName(info.getNativeLong(XRandr.MonitorInfo.NAME).longValue(), id)));
            }
            if (!anyPrimary && !monitors.isEmpty()) {
                Monitor first = monitors.get(0);
                monitors.set(0, new Monitor(first.id(), first.x(), first.y(), first.width(), first.height(), true, first.name()));
            }
        } finally {
            XRandr.INSTANCE.XRRFreeMonitors(array);
        }
        return monitors;
    }

    private String atomName(long atom, String id) {
        if (atom == 0) {
            return "display-" + id;
        }
        String cached = atomNames.get(atom);
        if (cached != null) {
            return cached;
        }
        Pointer name = XlibImage.INSTANCE.XGetAtomName(display, new NativeLong(atom));
        if (name == null) {
            return "display-" + id;
        }
        try {
            String value = name.getString(0, StandardCharsets.UTF_8.name());
            atomNames.put(atom, value); // atoms never change meaning while the server runs
            return value;
        } finally {
            X11.INSTANCE.XFree(name);
        }
    }

    /**
     * {@code Xft.dpi / 96} from the root window's {@code RESOURCE_MANAGER} (what {@code xrdb}
     * loads), read fresh; 1.0 when unset or unreadable.
     */
    double scaleFactor() {
        String resources = resourceManager();
        for (String line : resources.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("Xft.dpi")) {
                try {
                    double dpi = Double.parseDouble(line.substring(colon + 1).trim());
                    if (dpi > 0 && Double.isFinite(dpi)) {
                        return dpi / 96.0;
                    }
                } catch (NumberFormatException e) {
                    LOG.debug("ignoring unreadable Xft.dpi '{}'", line);
                }
            }
        }
        return 1.0;
    }

    private String resourceManager() {
        X11.AtomByReference type = new X11.AtomByReference();
        IntByReference format = new IntByReference();
        NativeLongByReference items = new NativeLongByReference();
        NativeLongByReference after = new NativeLongByReference();
        PointerByReference data = new PointerByReference();
        int status = X11.INSTANCE.XGetWindowProperty(display, root, XA_RESOURCE_MANAGER, new NativeLong(0),
                new NativeLong(1 << 20), false, XA_STRING, type, format, items, after, data);
        Pointer value = data.getValue();
        try {
            if (status != 0 || value == null || format.getValue() != 8) {
                return "";
            }
            byte[] bytes = value.getByteArray(0, (int) items.getValue().longValue());
            return new String(bytes, StandardCharsets.UTF_8);
        } finally {
            if (value != null) {
                X11.INSTANCE.XFree(value);
            }
        }
    }
}
