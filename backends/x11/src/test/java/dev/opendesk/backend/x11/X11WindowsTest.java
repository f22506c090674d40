package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.Window;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class X11WindowsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void withAWindowManagerListsFocusesMovesMinimisesAndCloses() throws Exception {
        try (XvfbServer xvfb = XvfbServer.start(1280, 800);
             X11Windows windows = new X11Windows(xvfb.session())) {
            assertThat(windows.hasWindowManager()).isFalse();
            WindowManager.start(xvfb);
            assertThat(windows.hasWindowManager()).isTrue();
            Process one = xvfb.spawn("xterm", "-T", "od-one", "-geometry", "80x24+10+10");
            Process two = xvfb.spawn("xterm", "-T", "od-two", "-geometry", "80x24+300+200");
            Window first = awaitWindow(windows, "od-one");
            Window second = awaitWindow(windows, "od-two");

            assertThat(first.id()).matches("0x[0-9a-f]+");
            assertThat(first.appName()).isEqualTo("XTerm");
            assertThat(first.pid()).isEqualTo(one.pid());
            assertThat(second.pid()).isEqualTo(two.pid());
            assertThat(first.workspace()).isEqualTo("0");
            assertThat(first.minimized()).isFalse();
            assertThat(first.bounds()).isNotNull();
            assertThat(first.bounds().width()).isGreaterThan(100);
            // the client area, as an independent observer sees it
            Rect observed = xwininfo(xvfb, first.id());
            assertThat(first.bounds()).isEqualTo(observed);

            windows.focusWindow(first.id());
            XvfbServer.await(WAIT, "od-one to be active", () -> activeWindow(xvfb).equals(first.id()));
            assertThat(windows.focusedWindow()).map(Window::id).contains(first.id());
            windows.focusWindow(second.id());
            XvfbServer.await(WAIT, "od-two to be active", () -> activeWindow(xvfb).equals(second.id()));
            assertThat(windows.windows()).filteredOn(Window::focused).extracting(Window::id).containsExactly(second.id());

            windows.moveWindow(first.id(), new Rect(200, 150, 500, 300));
            XvfbServer.await(WAIT, "od-one to move", () -> {
                Rect now = xwininfo(xvfb, first.id());
                return now.x() == 200 && now.y() == 150;
            });
            Rect moved = xwininfo(xvfb, first.id());
            // xterm rounds its size to whole character cells
            assertThat(moved.width()).isBetween(480.0, 520.0);
            assertThat(moved.height()).isBetween(280.0, 320.0);
            assertThat(windowTitled(windows, "od-one").orElseThrow().bounds()).isEqualTo(moved);

            xvfb.run("xdotool", "windowminimize", Long.toString(Long.decode(first.id())));
            XvfbServer.await(WAIT, "od-one to be minimised", () -> windowTitled(windows, "od-one").orElseThrow().minimized());
            windows.focusWindow(first.id());
            XvfbServer.await(WAIT, "od-one to be restored", () -> !windowTitled(windows, "od-one").orElseThrow().minimized()
                    && activeWindow(xvfb).equals(first.id()));

            windows.closeWindow(second.id());
            XvfbServer.await(WAIT, "xterm od-two to exit", () -> !two.isAlive());
            XvfbServer.await(WAIT, "od-two to leave the list", () -> windowTitled(windows, "od-two").isEmpty());
            assertNotFound(() -> windows.closeWindow(second.id()));
            assertNotFound(() -> windows.focusWindow(second.id()));
            assertNotFound(() -> windows.moveWindow(second.id(), new Rect(0, 0, 100, 100)));
            assertThat(one.isAlive()).isTrue();
        }
    }

    @Test
    void withoutAWindowManagerListsFocusesMovesAndCloses() {
        try (XvfbServer xvfb = XvfbServer.start(1280, 800);
             X11Windows windows = new X11Windows(xvfb.session())) {
            assertThat(windows.windows()).isEmpty();
            assertThat(windows.focusedWindow()).isEmpty();
            Process one = xvfb.spawn("xterm", "-T", "bare-one", "-geometry", "80x24+30+40");
            Process two = xvfb.spawn("xterm", "-T", "bare-two", "-geometry", "80x24+400+300");
            Window first = awaitWindow(windows, "bare-one");
            Window second = awaitWindow(windows, "bare-two");
            assertThat(windows.hasWindowManager()).isFalse();
            assertThat(first.appName()).isEqualTo("XTerm");
            assertThat(first.pid()).isEqualTo(one.pid());
            assertThat(first.workspace()).isNull();
            assertThat(first.bounds()).isEqualTo(xwininfo(xvfb, first.id()));
            assertThat(windows.windows()).extracting(Window::title).containsExactlyInAnyOrder("bare-one", "bare-two");

            windows.focusWindow(first.id());
            assertThat(inputFocus(xvfb)).isEqualTo(first.id());
            assertThat(windows.focusedWindow()).map(Window::id).contains(first.id());
            windows.focusWindow(second.id());
            assertThat(inputFocus(xvfb)).isEqualTo(second.id());
            assertThat(windows.windows()).filteredOn(Window::focused).extracting(Window::title).containsExactly("bare-two");

            windows.moveWindow(first.id(), new Rect(100, 120, 400, 250));
            Rect moved = xwininfo(xvfb, first.id());
            assertThat(moved.x()).isEqualTo(100);
            assertThat(moved.y()).isEqualTo(120);
            assertThat(moved.width()).isBetween(380.0, 420.0);
            assertThat(windowTitled(windows, "bare-one").orElseThrow().bounds()).isEqualTo(moved);

            // the root window is not an application window
            String root = "0x" + Long.toHexString(rootWindow(xvfb));
            assertNotFound(() -> windows.closeWindow(root));

            windows.closeWindow(second.id());
            XvfbServer.await(WAIT, "xterm bare-two to exit", () -> !two.isAlive());
            assertNotFound(() -> windows.focusWindow(second.id()));
            assertThat(windows.windows()).extracting(Window::title).containsExactly("bare-one");
        }
    }

    @Test
    void withoutAWindowManagerAWindowThatCannotBeAskedIsClosedByKillingItsClient() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             X11Windows windows = new X11Windows(xvfb.session())) {
            // a client with no WM_DELETE_WINDOW; its connection is left alone after the kill (Xlib
            // would exit the process on touching a connection the server dropped)
            com.sun.jna.platform.unix.X11.Display other = xvfb.session().open("doomed client");
            com.sun.jna.platform.unix.X11 x11 = com.sun.jna.platform.unix.X11.INSTANCE;
            com.sun.jna.platform.unix.X11.Window window = x11.XCreateSimpleWindow(other, x11.XDefaultRootWindow(other),
                    10, 10, 100, 80, 0, 0, 0);
            byte[] name = "doomed".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            new X11Atoms(other).writeBytes(window.longValue(), X11Atoms.XA_WM_NAME, X11Atoms.XA_STRING, name, 0, name.length,
                    com.sun.jna.platform.unix.X11.PropModeReplace);
            x11.XMapWindow(other, window);
            x11.XSync(other, false);
            Window doomed = awaitWindow(windows, "doomed");
            assertThat(doomed.appName()).isEmpty();
            assertThat(doomed.pid()).isNull();
            windows.closeWindow(doomed.id());
            XvfbServer.await(WAIT, "the killed client's window to go", () -> windowTitled(windows, "doomed").isEmpty());
        }
    }

    @Test
    void badIdsAreInvalidArguments() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             X11Windows windows = new X11Windows(xvfb.session())) {
            for (String bad : new String[] {"", "window", "0x", "0xzz", "0x0", "0x123456789", "-5"}) {
                assertThatThrownBy(() -> windows.focusWindow(bad)).as(bad)
                        .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
            }
            assertThatThrownBy(() -> windows.moveWindow("0x400001", new Rect(0, 0, 0, 10)))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
            assertNotFound(() -> windows.focusWindow("0x7ffff0"));
            assertThat(X11Windows.parseId("0x1A00003")).isEqualTo(0x1a00003L);
            assertThat(X11Windows.formatId(0x1a00003L)).isEqualTo("0x1a00003");
        }
    }

    static Window awaitWindow(X11Windows windows, String title) {
        XvfbServer.await(WAIT, "a window titled " + title, () -> windowTitled(windows, title).isPresent());
        return windowTitled(windows, title).orElseThrow();
    }

    static Optional<Window> windowTitled(X11Windows windows, String title) {
        return windows.windows().stream().filter(w -> w.title().equals(title)).findFirst();
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OpendeskException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    private static String activeWindow(XvfbServer xvfb) {
        Matcher matcher = Pattern.compile("window id # (0x[0-9a-f]+)").matcher(xvfb.run("xprop", "-root", "_NET_ACTIVE_WINDOW").stdout());
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String inputFocus(XvfbServer xvfb) {
        return "0x" + Long.toHexString(Long.parseLong(xvfb.run("xdotool", "getwindowfocus", "-f").stdout().strip()));
    }

    private static long rootWindow(XvfbServer xvfb) {
        Matcher matcher = Pattern.compile("Window id: (0x[0-9a-f]+)").matcher(xvfb.run("xwininfo", "-root").stdout());
        assertThat(matcher.find()).isTrue();
        return Long.decode(matcher.group(1));
    }

    /** The client area (inside its border) per {@code xwininfo -id}. */
    static Rect xwininfo(XvfbServer xvfb, String id) {
        String out = xvfb.run("xwininfo", "-id", id).stdout();
        int border = field(out, "Border width");
        return new Rect(field(out, "Absolute upper-left X") + border, field(out, "Absolute upper-left Y") + border,
                field(out, "Width"), field(out, "Height"));
    }

    private static int field(String xwininfo, String name) {
        Matcher matcher = Pattern.compile(Pattern.quote(name) + ":\\s+(-?\\d+)").matcher(xwininfo);
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in " + xwininfo);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
