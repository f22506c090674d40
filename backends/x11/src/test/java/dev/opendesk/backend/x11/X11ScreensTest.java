package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import dev.opendesk.backend.x11.jna.XRandr;
import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.DisplaySubscription;
import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.model.Display;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.Environment;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.Rect;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

final class X11ScreensTest {
    static final int RED = 0xff0000;
    static final int GREEN = 0x00ff00;
    static final int BLUE = 0x0000ff;

    @Test
    void capturesKnownPixelsAtTheirCoordinates() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             Painter painter = new Painter(xvfb.session());
             X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline())) {
            painter.fill(100, 50, 40, 30, RED);
            painter.fill(300, 200, 20, 20, GREEN);
            assertThat(screens.usesSharedMemory()).isTrue();

            Pixmap pixmap = screens.capture(CaptureRequest.primary());
            assertThat(pixmap.format()).isEqualTo(PixmapFormat.PNG);
            assertThat(List.of(pixmap.width(), pixmap.height(), pixmap.logicalWidth(), pixmap.logicalHeight()))
                    .containsExactly(640, 480, 640, 480);
            assertThat(pixmap.displayId()).isEqualTo("1");
            assertThat(pixmap.capturedAt()).isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(30.0));
            BufferedImage image = decode(pixmap);
            assertThat(rgb(image, 100, 50)).isEqualTo(RED);
            assertThat(rgb(image, 139, 79)).isEqualTo(RED);
            assertThat(rgb(image, 140, 79)).isNotEqualTo((Object) RED);
            assertThat(rgb(image, 99, 50)).isNotEqualTo((Object) RED);
            assertThat(rgb(image, 310, 210)).isEqualTo(GREEN);

            // an independent observer sees the same pixel
            XvfbServer.Result observed = xvfb.run("import", "-window", "root", "-crop", "1x1+310+210", "-depth", "8", "txt:-");
            assertThat(observed.stdout()).containsIgnoringCase("#00FF00");
        }
    }

    @Test
    void capturesARegionRelativeToTheDisplayAndClipsIt() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             Painter painter = new Painter(xvfb.session());
             X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline())) {
            painter.fill(100, 50, 40, 30, RED);
            Pixmap region = screens.capture(new CaptureRequest(null, new Rect(95, 45, 50, 40), true));
            assertThat(List.of(region.width(), region.height(), region.logicalWidth(), region.logicalHeight()))
                    .containsExactly(50, 40, 50, 40);
            BufferedImage image = decode(region);
            assertThat(rgb(image, 5, 5)).isEqualTo(RED);
            assertThat(rgb(image, 44, 34)).isEqualTo(RED);
            assertThat(rgb(image, 4, 5)).isNotEqualTo(RED);
            assertThat(rgb(image, 45, 34)).isNotEqualTo(RED);

            Pixmap clipped = screens.capture(new CaptureRequest("1", new Rect(620, 460, 100, 100), true));
            assertThat(List.of(clipped.width(), clipped.height(), clipped.logicalWidth(), clipped.logicalHeight()))
                    .containsExactly(20, 20, 20, 20);
            Pixmap fractional = screens.capture(new CaptureRequest(null, new Rect(10.5, 10.5, 10, 10), true));
            assertThat(fractional.width()).isEqualTo(11);
        }
    }

    @Test
    void refusesBadRegionsAndUnknownDisplays() {
        try (XvfbServer xvfb = XvfbServer.start(320, 240);
             X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline())) {
            assertThatThrownBy(() -> screens.capture(new CaptureRequest(null, new Rect(400, 0, 10, 10), true)))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("[400, 0, 10, 10]").hasMessageContaining("outside display 1").hasMessageContaining("320x240");
            assertThatThrownBy(() -> screens.capture(new CaptureRequest(null, new Rect(10, 10, 0, 10), true)))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> screens.capture(new CaptureRequest(null, new Rect(-50, -50, 20, 20), true)))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
            assertThatThrownBy(() -> screens.capture(new CaptureRequest("7", null, true)))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                    .hasMessageContaining("'7'").hasMessageContaining("the displays are 1");
            assertThatThrownBy(() -> screens.subscribe(new DisplaySubscription("7", 5, null)))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            // still usable afterwards
            assertThat(screens.capture(CaptureRequest.primary()).width()).isEqualTo(320);
        }
    }

    @Test
    void xGetImageFallbackGivesTheSamePixelsAsSharedMemory() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             Painter painter = new Painter(xvfb.session());
             X11Screens shm = new X11Screens(xvfb.session(), new ImagePipeline(), new X11CaptureOptions(true, false));
             X11Screens plain = new X11Screens(xvfb.session(), new ImagePipeline(), new X11CaptureOptions(false, false))) {
            painter.fill(10, 10, 100, 100, BLUE);
            painter.fill(200, 300, 50, 60, RED);
            assertThat(shm.usesSharedMemory()).isTrue();
            assertThat(plain.usesSharedMemory()).isFalse();
            for (Rect region : new Rect[] {null, new Rect(5, 7, 333, 111), new Rect(600, 400, 40, 80)}) {
                int[] a = shm.grab(null, region, X11ScreensTest::rgbOf);
                int[] b = plain.grab(null, region, X11ScreensTest::rgbOf);
                assertThat(a).as("region %s", region).isEqualTo(b);
            }
            assertThat(decode(plain.capture(CaptureRequest.primary())).getRGB(20, 20) & 0xffffff).isEqualTo(BLUE);
            // the shared segment is reused across sizes: growing and shrinking keeps working
            int corner = shm.grab(null, new Rect(15, 15, 1, 1), f -> f.rgb(0, 0));
            int[] whole = shm.grab(null, null, X11ScreensTest::rgbOf);
            int again = shm.grab(null, new Rect(15, 15, 1, 1), f -> f.rgb(0, 0));
            assertThat(List.of(corner, whole[15 * 640 + 15], again)).containsOnly(BLUE);
        }
    }

    @Test
    void downscalesWideScreensTo1920ButKeepsTheLogicalSize() {
        try (XvfbServer xvfb = XvfbServer.start(3840, 2160);
             Painter painter = new Painter(xvfb.session());
             X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline())) {
            painter.fill(1000, 1000, 400, 200, RED);
            Pixmap small = screens.capture(CaptureRequest.primary());
            assertThat(List.of(small.width(), small.height(), small.logicalWidth(), small.logicalHeight()))
                    .containsExactly(1920, 1080, 3840, 2160);
            Point logical = small.toLogical(600, 550);
            assertThat(logical).isEqualTo(new Point(1200, 1100));
            assertThat(rgb(decode(small), 600, 550)).isEqualTo(RED);

            Pixmap full = screens.capture(new CaptureRequest(null, null, false));
            assertThat(List.of(full.width(), full.height(), full.logicalWidth(), full.logicalHeight()))
                    .containsExactly(3840, 2160, 3840, 2160);
        }
    }

    @Test
    void cursorPositionMatchesXdotoolAndTheCursorIsCompositedOnRequest() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             Painter painter = new Painter(xvfb.session());
             X11Screens plain = new X11Screens(xvfb.session(), new ImagePipeline());
             X11Screens withCursor = new X11Screens(xvfb.session(), new ImagePipeline(), new X11CaptureOptions(true, true))) {
            painter.fill(0, 0, 640, 480, GREEN);
            assertThat(xvfb.run("xdotool", "mousemove", "123", "45").exitCode()).isZero();
            assertThat(plain.cursorPosition()).isEqualTo(new Point(123, 45));
            assertThat(xvfb.run("xdotool", "mousemove", "400", "300").exitCode()).isZero();
            assertThat(withCursor.cursorPosition()).isEqualTo(new Point(400, 300));

            int[] without = plain.grab(null, null, X11ScreensTest::rgbOf);
            int[] with = withCursor.grab(null, null, X11ScreensTest::rgbOf);
            int changed = 0;
            for (int i = 0; i < with.length; i++) {
                if (with[i] != without[i]) {
                    changed++;
                    int x = i % 640;
                    int y = i / 640;
                    assertThat(Math.abs(x - 400)).as("changed pixel at %d,%d", x, y).isLessThan(64);
                    assertThat(Math.abs(y - 300)).as("changed pixel at %d,%d", x, y).isLessThan(64);
                }
            }
            assertThat(changed).as("pixels of the cursor").isGreaterThan(20);
            assertThat(without).containsOnly(GREEN);
            // a region away from the pointer is unchanged
            assertThat(withCursor.grab(null, new Rect(0, 0, 100, 100), X11ScreensTest::rgbOf)).containsOnly(GREEN);
        }
    }

    @Test
    void reportsRandrMonitorsWithTheirOriginsAndCapturesEach() {
        try (XvfbServer xvfb = XvfbServer.start(1920, 1080);
             Painter painter = new Painter(xvfb.session());
             X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline())) {
            List<Display> single = screens.displays();
            assertThat(single).hasSize(1);
            assertThat(single.get(0).bounds()).isEqualTo(new Rect(0, 0, 1920, 1080));
            assertThat(single.get(0).primary()).isTrue();
            assertThat(single.get(0).id()).isEqualTo("1");
            assertThat(single.get(0).scaleFactor()).isEqualTo(1.0);

            painter.setMonitor("LEFT", 0, 0, 960, 1080, false);
            painter.setMonitor("RIGHT", 960, 0, 960, 1080, true);
            painter.setMonitor("NEG", -100, -50, 300, 300, false);
            painter.fill(960, 0, 10, 10, RED);
            painter.fill(0, 0, 10, 10, BLUE);

            List<Display> displays = screens.displays();
            assertThat(displays).extracting(Display::id).containsExactly(
                    java.util.stream.IntStream.rangeClosed(1, displays.size()).mapToObj(Integer::toString).toArray(String[]::new));
            assertThat(displays).filteredOn(Display::primary).extracting(Display::name).containsExactly("RIGHT");
            Display left = byName(displays, "LEFT");
            Display right = byName(displays, "RIGHT");
            Display negative = byName(displays, "NEG");
            assertThat(left.bounds()).isEqualTo(new Rect(0, 0, 960, 1080));
            assertThat(right.bounds()).isEqualTo(new Rect(960, 0, 960, 1080));
            assertThat(negative.bounds()).isEqualTo(new Rect(-100, -50, 300, 300));

            // the primary (RIGHT) is captured by default, regions are relative to it
            Pixmap primary = screens.capture(CaptureRequest.primary());
            assertThat(List.of(primary.width(), primary.height())).containsExactly(960, 1080);
            assertThat(primary.displayId()).isEqualTo(right.id());
            assertThat(rgb(decode(primary), 5, 5)).isEqualTo(RED);
            Pixmap leftCorner = screens.capture(new CaptureRequest(left.id(), new Rect(0, 0, 20, 20), true));
            assertThat(rgb(decode(leftCorner), 5, 5)).isEqualTo(BLUE);
            assertThat(leftCorner.displayId()).isEqualTo(left.id());
            // the part of NEG outside the X screen cannot be captured: what is inside is
            Pixmap clipped = screens.capture(new CaptureRequest(negative.id(), null, true));
            assertThat(List.of(clipped.width(), clipped.height())).containsExactly(200, 250);
            assertThat(rgb(decode(clipped), 5, 5)).isEqualTo(BLUE);

            painter.setResources("Xft.antialias:\t1\nXft.dpi:\t144\n");
            assertThat(screens.displays()).extracting(Display::scaleFactor).containsOnly(1.5);
        }
    }

    @Test
    void streamsPacedFramesAndClosesPromptly() throws Exception {
        try (XvfbServer xvfb = XvfbServer.start(320, 240);
             X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline())) {
            EventStream<DisplayFrame> stream = screens.subscribe(new DisplaySubscription(null, 10, new Rect(0, 0, 100, 50)));
            long start = System.nanoTime();
            List<DisplayFrame> frames = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                frames.add(stream.next());
            }
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(frames).extracting(DisplayFrame::frameNumber).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(frames).allMatch(DisplayFrame::keyframe);
            assertThat(frames.get(0).pixmap().width()).isEqualTo(100);
            assertThat(frames.get(0).pixmap().logicalHeight()).isEqualTo(50);
            assertThat(elapsedMillis).as("6 frames at 10 fps").isBetween(450L, 3000L);

            // a consumer that stops reading gets one fresh frame, not a backlog
            Thread.sleep(600);
            assertThat(stream.next().frameNumber()).isEqualTo(6);
            assertThat(stream.next().frameNumber()).isEqualTo(7);
            long waited = System.nanoTime();
            assertThat(stream.next().frameNumber()).isEqualTo(8);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waited)).as("paced again after the pause").isGreaterThan(40);

            assertThat(screens.openStreams()).hasSize(1);
            long closing = System.nanoTime();
            stream.close();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing)).isLessThan(100);
            assertThat(stream.isOpen()).isFalse();
            assertThatThrownBy(stream::next).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> stream.poll(Duration.ofMillis(10))).isInstanceOf(NoSuchElementException.class);
            X11DisplayStream producer = (X11DisplayStream) stream;
            XvfbServer.await(Duration.ofSeconds(2), "the producer to stop", producer::producerFinished);
            assertThat(screens.openStreams()).isEmpty();

            // the fps is clamped, not refused
            try (EventStream<DisplayFrame> fast = screens.subscribe(new DisplaySubscription(null, 500, null))) {
                assertThat(fast.poll(Duration.ofSeconds(5))).isPresent();
            }
        }
    }

    @Test
    void streamFramesFollowTheScreenAndMatchAScreenshot() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             Painter painter = new Painter(xvfb.session());
             X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline())) {
            painter.fill(0, 0, 640, 480, BLUE);
            painter.fill(100, 50, 40, 30, RED);
            try (EventStream<DisplayFrame> stream = screens.subscribe(new DisplaySubscription(null, 30, null))) {
                BufferedImage first = decode(stream.next().pixmap());
                assertThat(rgb(first, 100, 50)).isEqualTo(RED);
                assertThat(rgb(first, 300, 300)).isEqualTo(BLUE);

                // a change in a few rows only: the other bands are reused, the frame is still whole
                painter.fill(290, 295, 20, 10, GREEN);
                painter.fill(100, 50, 40, 30, BLUE);
                BufferedImage later = decode(awaitFrame(stream, image -> rgb(image, 300, 300) == GREEN));
                assertThat(rgb(later, 100, 50)).isEqualTo(BLUE);
                assertThat(rgb(later, 289, 300)).isEqualTo(BLUE);
                BufferedImage screenshot = decode(screens.capture(CaptureRequest.primary()));
                for (int y = 0; y < 480; y++) {
                    for (int x = 0; x < 640; x++) {
                        if (later.getRGB(x, y) != screenshot.getRGB(x, y)) {
                            assertThat(Integer.toHexString(later.getRGB(x, y))).as("pixel " + x + "," + y)
                                    .isEqualTo(Integer.toHexString(screenshot.getRGB(x, y)));
                        }
                    }
                }
            }
        }
    }

    private static Pixmap awaitFrame(EventStream<DisplayFrame> stream, java.util.function.Predicate<BufferedImage> wanted) {
        for (int i = 0; i < 100; i++) {
            Pixmap pixmap = stream.next().pixmap();
            if (wanted.test(decode(pixmap))) {
                return pixmap;
            }
        }
        throw new AssertionError("no frame showed the change");
    }

    @Test
    void aLostServerIsAClearErrorAndTheNextCallReconnects() throws Exception {
        XvfbServer xvfb = XvfbServer.start(320, 240);
        String display = xvfb.display();
        Process restarted = null;
        try (X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline())) {
            assertThat(screens.capture(CaptureRequest.primary()).width()).isEqualTo(320);
            EventStream<DisplayFrame> stream = screens.subscribe(new DisplaySubscription(null, 30, null));
            assertThat(stream.next().frameNumber()).isZero();
            xvfb.close();

            assertThatThrownBy(() -> {
                while (true) {
                    stream.next();
                }
            }).isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                    .hasMessageContaining("X server " + display + " went away");
            assertThat(stream.isOpen()).isFalse();
            // with no server, the next call tries to reconnect and says so
            assertThatThrownBy(screens::cursorPosition).isInstanceOf(OpendeskException.class)
                    .hasMessageContaining("cannot open X display '" + display + "'");

            restarted = new ProcessBuilder("Xvfb", display, "-screen", "0", "200x100x24", "-nolisten", "tcp", "-noreset")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            X11Session session = new X11Session(display);
            XvfbServer.await(Duration.ofSeconds(10), "Xvfb to come back on " + display, () -> {
                try {
                    session.close(session.open("probe"));
                    return true;
                } catch (OpendeskException e) {
                    return false;
                }
            });
            Pixmap again = screens.capture(CaptureRequest.primary());
            assertThat(List.of(again.width(), again.height())).containsExactly(200, 100);
            assertThat(screens.usesSharedMemory()).isTrue();
        } finally {
            xvfb.close();
            if (restarted != null) {
                restarted.destroy();
                restarted.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void describesTheEnvironment() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline())) {
            Environment environment = screens.environment();
            assertThat(environment.os()).isEqualTo("Linux");
            assertThat(environment.osVersion()).isEqualTo(System.getProperty("os.version"));
            assertThat(environment.hostname()).isNotBlank();
            assertThat(environment.locale()).matches("[a-z]{2,3}(_[A-Z]{2})?");
            assertThat(environment.timezone()).isEqualTo(ZoneId.systemDefault().getId());
            assertThat(environment.displays()).extracting(Display::bounds).containsExactly(new Rect(0, 0, 640, 480));
        }
    }

    @Test
    void closingTwiceIsHarmlessAndLaterCallsSayClosed() {
        try (XvfbServer xvfb = XvfbServer.start(320, 240)) {
            X11Screens screens = new X11Screens(xvfb.session(), new ImagePipeline());
            screens.close();
            screens.close();
            assertThatThrownBy(screens::displays).isInstanceOf(OpendeskException.class).hasMessageContaining("closed");
        }
    }

    // ---------------------------------------------------------------- helpers

    static Display byName(List<Display> displays, String name) {
        return displays.stream().filter(d -> name.equals(d.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no display " + name + " in " + displays));
    }

    static BufferedImage decode(Pixmap pixmap) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(pixmap.data()));
            assertThat(image).as("decodable %s", pixmap.format()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(pixmap.width());
            assertThat(image.getHeight()).isEqualTo(pixmap.height());
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    static int[] rgbOf(dev.opendesk.core.image.RawFrame frame) {
        int[] pixels = new int[frame.width() * frame.height()];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                pixels[y * frame.width() + x] = frame.rgb(x, y);
            }
        }
        return pixels;
    }

    /** Draws on a test server over its own connection: solid windows, RandR monitors, X resources. */
    static final class Painter implements AutoCloseable {
        private final X11Session session;
        private final X11.Display display;
        private final X11.Window root;

        Painter(X11Session session) {
            this.session = session;
            this.display = session.open("paint");
            this.root = X11.INSTANCE.XDefaultRootWindow(display);
        }

        /** Maps a borderless window of one colour (0xRRGGBB) at {@code (x, y)}. */
        void fill(int x, int y, int width, int height, int rgb) {
            X11.Window window = X11.INSTANCE.XCreateSimpleWindow(display, root, x, y, width, height, 0, 0, rgb);
            X11.XSetWindowAttributes attributes = new X11.XSetWindowAttributes();
            attributes.override_redirect = true;
            X11.INSTANCE.XChangeWindowAttributes(display, window, new NativeLong(X11.CWOverrideRedirect), attributes);
            X11.INSTANCE.XMapRaised(display, window);
            X11.INSTANCE.XSync(display, false);
        }

        /** Adds (or replaces) a RandR monitor without outputs. */
        void setMonitor(String name, int x, int y, int width, int height, boolean primary) {
            Pointer monitor = XRandr.INSTANCE.XRRAllocateMonitor(display, 0);
            monitor.setNativeLong(XRandr.MonitorInfo.NAME, new NativeLong(X11.INSTANCE.XInternAtom(display, name, false).longValue()));
            monitor.setInt(XRandr.MonitorInfo.PRIMARY, primary ? 1 : 0);
            monitor.setInt(XRandr.MonitorInfo.X, x);
            monitor.setInt(XRandr.MonitorInfo.Y, y);
            monitor.setInt(XRandr.MonitorInfo.WIDTH, width);
            monitor.setInt(XRandr.MonitorInfo.HEIGHT, height);
            monitor.setInt(XRandr.MonitorInfo.MWIDTH, width / 4);
            monitor.setInt(XRandr.MonitorInfo.MHEIGHT, height / 4);
            X11Errors.checked(display, "set monitor " + name, () -> XRandr.INSTANCE.XRRSetMonitor(display, root, monitor));
            X11.INSTANCE.XFree(monitor);
        }

        /** Replaces the root window's RESOURCE_MANAGER property (what {@code xrdb -load} does). */
        void setResources(String resources) {
            byte[] bytes = resources.getBytes(StandardCharsets.UTF_8);
            Memory data = new Memory(bytes.length);
            data.write(0, bytes, 0, bytes.length);
            X11.INSTANCE.XChangeProperty(display, root, new X11.Atom(23), new X11.Atom(31), 8, X11.PropModeReplace, data, bytes.length);
            X11.INSTANCE.XSync(display, false);
        }

        @Override
        public void close() {
            session.close(display);
        }
    }
}
