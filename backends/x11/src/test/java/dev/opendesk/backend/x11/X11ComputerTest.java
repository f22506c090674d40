package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.DisplaySubscription;
import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.CapabilityManifest;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.UIElement;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

final class X11ComputerTest {
    /** No accessibility bus for these desktops, whatever session bus the test JVM may have. */
    @org.junit.jupiter.api.BeforeAll
    static void withoutAccessibilityBus() {
        System.setProperty("opendesk.dbus.session-address", "unix:path=/nonexistent/opendesk-test-bus");
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreBus() {
        System.clearProperty("opendesk.dbus.session-address");
    }

    @Test
    void reportsExactlyWhatWorksOnABareXServer() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480);
             X11Computer computer = new X11Computer(xvfb.session())) {
            CapabilityManifest manifest = computer.capabilities();
            assertThat(manifest.backend()).isEqualTo("local/linux");
            assertThat(manifest.protocolVersion()).isEqualTo("0.1");
            assertThat(manifest.limits()).isEqualTo(Map.of("display.stream", Map.of("max_fps", 30)));
            Set<Capability> expected = EnumSet.of(
                    Capability.DISPLAY_CAPTURE, Capability.DISPLAY_MULTI_MONITOR, Capability.DISPLAY_STREAM,
                    Capability.INPUT_POINTER, Capability.INPUT_KEYBOARD, Capability.INPUT_TEXT,
                    Capability.WINDOWS_LIST, Capability.APP_LIFECYCLE, Capability.CLIPBOARD_READ, Capability.CLIPBOARD_WRITE,
                    Capability.FS_READ, Capability.FS_WRITE, Capability.PROCESS_LIST, Capability.PROCESS_SHELL,
                    Capability.PROCESS_SPAWN);
            if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/run/systemd/system")) && onPath("loginctl")
                    || onPath("xdg-screensaver")) {
                expected.add(Capability.POWER_LOCK);
            }
            // no window manager runs on a bare Xvfb: no windows.manipulate
            assertThat(manifest.capabilities()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(manifest.capabilities()).doesNotContain(Capability.UI_TREE, Capability.UI_ACTIONS, Capability.WINDOWS_MANIPULATE);
        }
    }

    @Test
    void refusesAccessibilityAsUnsupported() {
        try (XvfbServer xvfb = XvfbServer.start(320, 240);
             X11Computer computer = new X11Computer(xvfb.session())) {
            assertThatThrownBy(() -> computer.uiTree(UiTreeRequest.focused()))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
                        assertThat(e.details()).containsEntry("capability", "ui.tree").containsEntry("backend", "local/linux");
                    });
            UIElement element = new UIElement("push button", "OK", null, new Rect(1, 2, 3, 4), false, true, List.of(), List.of(), Map.of());
            assertThatThrownBy(() -> computer.uiAction(element))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
                        assertThat(e.details()).containsEntry("capability", "ui.actions");
                    });
        }
    }

    @Test
    void observesTheDisplayThroughThePort() {
        try (XvfbServer xvfb = XvfbServer.start(800, 600);
             X11ScreensTest.Painter painter = new X11ScreensTest.Painter(xvfb.session());
             X11Computer computer = new X11Computer(xvfb.session(), new ImagePipeline(), X11CaptureOptions.defaults())) {
            painter.fill(700, 500, 50, 50, X11ScreensTest.RED);
            assertThat(computer.displays()).singleElement().satisfies(d -> {
                assertThat(d.bounds()).isEqualTo(new Rect(0, 0, 800, 600));
                assertThat(d.primary()).isTrue();
            });
            assertThat(computer.environment().os()).isEqualTo("Linux");
            assertThat(computer.environment().displays()).isEqualTo(computer.displays());

            Pixmap pixmap = computer.capture();
            assertThat(List.of(pixmap.width(), pixmap.height(), pixmap.logicalWidth(), pixmap.logicalHeight()))
                    .containsExactly(800, 600, 800, 600);
            assertThat(X11ScreensTest.rgb(X11ScreensTest.decode(pixmap), 720, 520)).isEqualTo(X11ScreensTest.RED);
            Pixmap region = computer.capture(new CaptureRequest("1", new Rect(700, 500, 10, 10), false));
            assertThat(X11ScreensTest.decode(region).getRGB(0, 0) & 0xffffff).isEqualTo(X11ScreensTest.RED);

            xvfb.run("xdotool", "mousemove", "10", "20");
            assertThat(computer.cursorPosition()).isEqualTo(new Point(10, 20));

            EventStream<DisplayFrame> stream = computer.subscribeDisplay(new DisplaySubscription(null, 30, null));
            assertThat(stream.next().pixmap().width()).isEqualTo(800);
            computer.close();
            assertThat(stream.isOpen()).isFalse();
            assertThatThrownBy(stream::next).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(computer::capture).isInstanceOf(OpendeskException.class).hasMessageContaining("closed");
            computer.close(); // idempotent
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isEmpty())
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
