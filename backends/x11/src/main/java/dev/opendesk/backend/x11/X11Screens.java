package dev.opendesk.backend.x11;

import static java.util.Objects.requireNonNull;

import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import dev.opendesk.backend.x11.jna.XlibImage;
import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.CapturedFrame;
import dev.opendesk.core.computer.DisplaySubscription;
import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.image.EncodeSettings;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.image.StreamEncoder;
import dev.opendesk.core.model.Display;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.Environment;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.Rect;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The displays of an X server: monitors, pointer position, screenshots, display streams and the
 * environment, on one X connection of its own (serialised; encoding runs outside the lock on a
 * copy of the pixels).
 *
 * <p>Coordinates: on X11 logical pixels are X pixels (the root window's coordinates), so a
 * capture's logical size equals its pixel size before downscaling. {@link Display#scaleFactor()}
 * is {@code Xft.dpi / 96} (the toolkit scaling the user chose, 1.0 when unset); it does not change
 * any coordinate. Displays are the RandR 1.5 monitors in server order, ids {@code "1".."n"},
 * bounds with their real origins; the primary is the RandR primary, else display {@code "1"}.
 *
 * <p>Captures: the primary display when no display id is given (as the reference); a region is
 * in logical pixels relative to the chosen display's top-left corner, clipped to that display
 * (and to the X screen), refused with {@code invalid_argument} when empty or wholly outside. An
 * unknown display id is {@code not_found}, naming the ids there are. The pointer is composited
 * only when {@link X11CaptureOptions#drawCursor()} is set. The returned pixmap states the
 * captured display's id.
 *
 * <p>A lost X connection fails the call with {@code internal} "X server :N went away" and the
 * next call opens a new connection. This relies on {@code XSetIOErrorExitHandler} (libX11 ≥ 1.7);
 * with an older libX11, Xlib exits the process when the server goes away, as it always has.
 */
public final class X11Screens implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(X11Screens.class);
    private static final Set<Pointer> LOST = ConcurrentHashMap.newKeySet();
    /** Kept strongly reachable: Xlib holds only native pointers to them. */
    private static final XlibImage.IOErrorHandler IO_ERROR = display -> {
        LOG.warn("X connection broken (server shut down or killed)");
        return 0;
    };
    private static final XlibImage.IOErrorExitHandler IO_ERROR_EXIT = (display, userData) -> LOST.add(display);
    private static final Object IO_INIT_LOCK = new Object();
    private static boolean ioHandlerInstalled;
    private static boolean exitHandlerAvailable = true;
    private static final AtomicInteger STREAMS = new AtomicInteger();

    private final X11Session session;
    private final ImagePipeline pipeline;
    private final X11CaptureOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<X11DisplayStream> streams = ConcurrentHashMap.newKeySet();
    private @Nullable Connection connection;
    private boolean closed;

    /** Screens with the default options ({@link X11CaptureOptions#defaults()}). */
    public X11Screens(X11Session session, ImagePipeline pipeline) {
        this(session, pipeline, X11CaptureOptions.defaults());
    }

    /**
     * Opens a connection to the server at once.
     *
     * @throws OpendeskException {@code internal} when the server does not answer
     */
    public X11Screens(X11Session session, ImagePipeline pipeline, X11CaptureOptions options) {
        this.session = requireNonNull(session, "session is null");
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.options = requireNonNull(options, "options is null");
        this.connection = openConnection();
    }

    /** The connected monitors (wire {@code display.displays}). */
    public List<Display> displays() {
        return withConnection("list the displays", c -> {
            double scale = c.monitors.scaleFactor();
            return c.monitors.monitors().stream().map(m -> m.toDisplay(scale)).collect(Collectors.toUnmodifiableList());
        });
    }

    /** The pointer position in root (logical) coordinates (wire {@code display.cursor_position}). */
    public Point cursorPosition() {
        return withConnection("read the pointer position", c -> {
            X11.WindowByReference rootReturn = new X11.WindowByReference();
            X11.WindowByReference childReturn = new X11.WindowByReference();
            IntByReference rootX = new IntByReference();
            IntByReference rootY = new IntByReference();
            IntByReference winX = new IntByReference();
            IntByReference winY = new IntByReference();
            IntByReference mask = new IntByReference();
            X11.INSTANCE.XQueryPointer(c.display, c.root, rootReturn, childReturn, rootX, rootY, winX, winY, mask);
            return new Point(rootX.getValue(), rootY.getValue());
        });
    }

    /**
     * A screenshot (wire {@code display.capture}), PNG, at most 1920 px wide when
     * {@code downscale} is set, else at full resolution.
     */
    public Pixmap capture(CaptureRequest request) {
        requireNonNull(request, "request is null");
        EncodeSettings settings = request.downscale() ? EncodeSettings.defaults() : EncodeSettings.fullResolution();
        CapturedFrame grabbed = captureFrame(request);
        return pipeline.encode(grabbed.frame(), settings, grabbed.logicalWidth(), grabbed.logicalHeight(),
                grabbed.displayId().orElse(null), grabbed.capturedAt());
    }

    /**
     * A screenshot as pixels, at full resolution and without encoding ({@code downscale} is left
     * to the caller, which scales once to the size it needs).
     */
    public CapturedFrame captureFrame(CaptureRequest request) {
        requireNonNull(request, "request is null");
        return withConnection("capture", c -> {
            Area area = resolve(c, request.displayId(), request.region());
            double capturedAt = System.currentTimeMillis() / 1000.0;
            return c.capture.grab(area.x, area.y, area.width, area.height, options.drawCursor(),
                    frame -> CapturedFrame.grabbed(copy(frame), area.width, area.height, area.displayId, capturedAt));
        });
    }

    /**
     * Grabs the raw pixels of a display or a region of it, without encoding, and hands them to
     * {@code reader} while the connection is held. The frame is only valid during that call (it
     * may live in shared memory that the next grab overwrites).
     *
     * @param displayId the display, or null for the primary one
     * @param region logical pixels relative to that display, or null for all of it
     */
    public <T> T grab(@Nullable String displayId, @Nullable Rect region, Function<RawFrame, T> reader) {
        requireNonNull(reader, "reader is null");
        return withConnection("capture", c -> {
            Area area = resolve(c, displayId, region);
            return c.capture.grab(area.x, area.y, area.width, area.height, options.drawCursor(), reader);
        });
    }

    /**
     * A stream of frames of a display or region (wire {@code display.subscribe}), paced at
     * {@link DisplaySubscription#effectiveFps()} at most, each encoded like a downscaled
     * {@link #capture}. The display and region are checked before the stream starts.
     */
    public EventStream<DisplayFrame> subscribe(DisplaySubscription subscription) {
        requireNonNull(subscription, "subscription is null");
        withConnection("subscribe", c -> resolve(c, subscription.displayId(), subscription.region()));
        StreamEncoder encoder = pipeline.newStream();
        X11DisplayStream stream = new X11DisplayStream(() -> captureInto(encoder, subscription), subscription.effectiveFps(),
                "x11-display-stream-" + STREAMS.incrementAndGet());
        streams.add(stream);
        streams.removeIf(s -> !s.isOpen());
        return stream;
    }

    /**
     * One frame of a stream: grabs the area and hands it to the stream's encoder while the
     * capture buffer is valid (the encoder keeps its own copy, updating only rows that changed),
     * then encodes outside the connection lock like a downscaled {@link #capture}.
     */
    private Pixmap captureInto(StreamEncoder encoder, DisplaySubscription subscription) {
        StreamShot shot = withConnection("capture", c -> {
            Area area = resolve(c, subscription.displayId(), subscription.region());
            double capturedAt = System.currentTimeMillis() / 1000.0;
            return c.capture.grab(area.x, area.y, area.width, area.height, options.drawCursor(), frame -> {
                encoder.update(frame);
                return new StreamShot(area, capturedAt);
            });
        });
        return encoder.encode(EncodeSettings.defaults(), shot.area.width, shot.area.height, shot.area.displayId,
                shot.capturedAt);
    }

    /** Static facts about this machine and its displays (wire {@code system.environment}). */
    public Environment environment() {
        return new Environment("Linux", System.getProperty("os.version", ""), hostname(), locale(),
                ZoneId.systemDefault().getId(), displays());
    }

    /** Whether captures currently go through MIT-SHM (false when off, refused, or not yet reconnected). */
    public boolean usesSharedMemory() {
        lock.lock();
        try {
            return connection != null && connection.capture.usesShm();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the streams and closes the connection, freeing the shared memory. Idempotent. */
    @Override
    public void close() {
        for (X11DisplayStream stream : streams) {
            stream.close();
        }
        streams.clear();
        lock.lock();
        try {
            closed = true;
            dropConnection();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- areas

    private record Area(int x, int y, int width, int height, String displayId) {
    }

    /** What a stream frame needs after the grab: the area and the capture time (the pixels are in its encoder). */
    private record StreamShot(Area area, double capturedAt) {
    }

    private static Area resolve(Connection c, @Nullable String displayId, @Nullable Rect region) {
        List<X11Monitors.Monitor> monitors = c.monitors.monitors();
        X11Monitors.Monitor monitor = null;
        for (X11Monitors.Monitor candidate : monitors) {
            if (displayId == null ? candidate.primary() : candidate.id().equals(displayId)) {
                monitor = candidate;
                break;
            }
        }
        if (monitor == null) {
            throw new OpendeskException(ErrorCode.NOT_FOUND, "no display '" + displayId + "': the displays are "
                    + monitors.stream().map(X11Monitors.Monitor::id).collect(Collectors.joining(", ")));
        }
        X11Monitors.RootSize root = c.monitors.rootSize();
        int left = Math.max(monitor.x(), 0);
        int top = Math.max(monitor.y(), 0);
        int right = Math.min(monitor.x() + monitor.width(), root.width());
        int bottom = Math.min(monitor.y() + monitor.height(), root.height());
        if (right <= left || bottom <= top) {
            throw new OpendeskException(ErrorCode.INTERNAL, "display " + monitor.id() + " (" + describe(monitor)
                    + ") lies outside the X screen (" + root.width() + "x" + root.height() + ")");
        }
        if (region == null) {
            return new Area(left, top, right - left, bottom - top, monitor.id());
        }
        if (region.width() <= 0 || region.height() <= 0) {
            throw OpendeskException.invalidArgument("region " + describe(region) + " is empty");
        }
        double x0 = Math.max(monitor.x() + Math.floor(region.x()), left);
        double y0 = Math.max(monitor.y() + Math.floor(region.y()), top);
        double x1 = Math.min(monitor.x() + Math.ceil(region.x() + region.width()), right);
        double y1 = Math.min(monitor.y() + Math.ceil(region.y() + region.height()), bottom);
        if (x1 <= x0 || y1 <= y0) {
            throw OpendeskException.invalidArgument("region " + describe(region) + " lies outside display "
                    + monitor.id() + ", which is " + (right - left) + "x" + (bottom - top)
                    + " (regions are relative to the display's top-left corner)");
        }
        return new Area((int) x0, (int) y0, (int) (x1 - x0), (int) (y1 - y0), monitor.id());
    }

    private static String describe(Rect r) {
        return "[" + fmt(r.x()) + ", " + fmt(r.y()) + ", " + fmt(r.width()) + ", " + fmt(r.height()) + "]";
    }

    private static String describe(X11Monitors.Monitor m) {
        return m.width() + "x" + m.height() + "+" + m.x() + "+" + m.y();
    }

    private static String fmt(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** The pixels copied off shared memory into a tightly packed heap buffer, so encoding needs no lock. */
    private static RawFrame copy(RawFrame frame) {
        int rowBytes = frame.width() * 4;
        ByteBuffer copy = ByteBuffer.allocate(rowBytes * frame.height()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer source = frame.pixels().duplicate();
        if (frame.stride() == rowBytes) {
            source.limit(rowBytes * frame.height()).position(0);
            copy.put(source);
        } else {
            for (int y = 0; y < frame.height(); y++) {
                source.limit(y * frame.stride() + rowBytes).position(y * frame.stride());
                copy.put(source);
            }
        }
        copy.clear();
        return new RawFrame(frame.width(), frame.height(), rowBytes, copy);
    }

    // ---------------------------------------------------------------- the connection

    /** One X connection with what lives on it. */
    private static final class Connection {
        final X11.Display display;
        final X11.Window root;
        final X11Capture capture;
        final X11Monitors monitors;

        Connection(X11.Display display, boolean useShm) {
            this.display = display;
            this.root = X11.INSTANCE.XDefaultRootWindow(display);
            this.capture = new X11Capture(display, root, useShm);
            this.monitors = new X11Monitors(display, root);
        }

        boolean lost() {
            return connectionLost(display);
        }
    }

    private Connection openConnection() {
        X11.Display display = session.open("capture");
        watchForConnectionLoss(display);
        try {
            return new Connection(display, options.sharedMemory());
        } catch (RuntimeException | Error e) {
            session.close(display);
            throw e;
        }
    }

    /**
     * Makes a lost server a recorded fact ({@link #connectionLost}) instead of {@code exit(1)} for
     * this connection: installs, once per process, an I/O error handler that only logs (Xlib's
     * default prints and exits itself), and on this connection an I/O error exit handler that
     * records the loss and returns. Xlib calls on a lost connection then return at once with
     * nothing. Connections without such an exit handler still exit the process, as before.
     * Other components may call this for their own connections.
     */
    static void watchForConnectionLoss(X11.Display display) {
        synchronized (IO_INIT_LOCK) {
            if (!ioHandlerInstalled) {
                // process-wide: Xlib's default prints and exits before any per-connection exit handler runs;
                // connections without an exit handler of their own still exit (the default exit handler).
                XlibImage.INSTANCE.XSetIOErrorHandler(IO_ERROR);
                ioHandlerInstalled = true;
            }
            if (exitHandlerAvailable) {
                try {
                    XlibImage.INSTANCE.XSetIOErrorExitHandler(display, IO_ERROR_EXIT, null);
                } catch (UnsatisfiedLinkError e) {
                    exitHandlerAvailable = false;
                    LOG.warn("libX11 < 1.7 has no XSetIOErrorExitHandler: losing the X server will end this process");
                }
            }
        }
    }

    /** Whether the server of a connection passed to {@link #watchForConnectionLoss} went away. */
    static boolean connectionLost(X11.Display display) {
        return LOST.contains(display.getPointer());
    }

    private <T> T withConnection(String what, Function<Connection, T> operation) {
        lock.lock();
        try {
            if (closed) {
                throw new OpendeskException(ErrorCode.INTERNAL, "the X11 screens of " + session.displayName() + " are closed");
            }
            Connection current = connection;
            if (current == null) {
                current = openConnection();
                connection = current;
            }
            T result;
            try {
                result = operation.apply(current);
            } catch (RuntimeException e) {
                if (current.lost()) {
                    throw wentAway(what, e);
                }
                throw e;
            }
            if (current.lost()) {
                throw wentAway(what, null);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    private OpendeskException wentAway(String what, @Nullable Throwable cause) {
        dropConnection();
        return new OpendeskException(ErrorCode.INTERNAL, "X server " + session.displayName() + " went away (during "
                + what + "); the next call reconnects", cause);
    }

    /** Closes the connection; one whose server went away is closed without asking the server anything. */
    private void dropConnection() {
        Connection current = connection;
        connection = null;
        if (current == null) {
            return;
        }
        boolean alive = !current.lost();
        current.capture.close(alive);
        session.close(current.display);
        LOST.remove(current.display.getPointer());
    }

    // ---------------------------------------------------------------- environment

    private static String hostname() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("no /proc/sys/kernel/hostname", e);
        }
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** {@code en_US} style: from LC_ALL, LC_CTYPE or LANG (encoding and modifier dropped), else the JVM's locale. */
    static String locale() {
        for (String variable : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String value = System.getenv(variable);
            if (value == null || value.isBlank()) {
                continue;
            }
            String name = value.trim().split("[.@]", 2)[0];
            if (name.isEmpty() || name.equals("C") || name.equals("POSIX")) {
                break;
            }
            return name;
        }
        Locale locale = Locale.getDefault();
        String language = locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
        return locale.getCountry().isEmpty() ? language : language + "_" + locale.getCountry();
    }

    /** The streams still open (for tests). */
    List<X11DisplayStream> openStreams() {
        List<X11DisplayStream> open = new ArrayList<>();
        for (X11DisplayStream stream : streams) {
            if (stream.isOpen()) {
                open.add(stream);
            }
        }
        return open;
    }
}
