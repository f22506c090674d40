package dev.opendesk.backend.x11.atspi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.backend.x11.X11Computer;
import dev.opendesk.backend.x11.X11Session;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.UIElement;
import dev.opendesk.core.model.Window;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The AT-SPI client against real GTK applications (zenity, gtk3-demo-application,
 * gtk3-widget-factory) on an Xvfb with its own session bus.
 */
final class AtspiAccessibilityTest {
    private static final Duration START = Duration.ofSeconds(20);

    /** Records the fallbacks; clicks for real through xdotool when a session is given. */
    static final class RecordingDesktop implements AtspiDesktop {
        final List<Point> clicks = new CopyOnWriteArrayList<>();
        final List<String> typed = new CopyOnWriteArrayList<>();
        private final A11ySession session;
        private final List<Window> windows = new ArrayList<>();

        RecordingDesktop(A11ySession session) {
            this.session = session;
        }

        @Override
        public void click(Point point) {
            clicks.add(point);
            session.run("xdotool", "mousemove", "--sync", String.valueOf((int) point.x()), String.valueOf((int) point.y()), "click", "1");
        }

        @Override
        public void typeText(String text) {
            typed.add(text);
        }

        @Override
        public Optional<Window> window(String windowId) {
            return windows.stream().filter(w -> w.id().equals(windowId)).findFirst();
        }

        @Override
        public Optional<Window> focusedWindow() {
            return Optional.empty();
        }
    }

    @Test
    void zenityQuestionShowsItsButtonsWithTheScreenExtentsOfTheScreenshot() throws Exception {
        try (A11ySession session = A11ySession.start(1024, 768)) {
            Process zenity = session.spawn("zenity", "--question", "--title", "Question", "--text", "Proceed?");
            RecordingDesktop desktop = new RecordingDesktop(session);
            try (AtspiAccessibility a11y = new AtspiAccessibility(session.settings(AtspiLimits.defaults()), desktop)) {
                UIElement tree = awaitTree(a11y, "zenity", t -> find(t, "push button", "Yes").isPresent());
                assertThat(tree.role()).isEqualTo("application");
                assertThat(tree.name()).isEqualTo("zenity");
                UIElement dialog = find(tree, "dialog", "Question").orElseThrow();
                UIElement yes = find(tree, "push button", "Yes").orElseThrow();
                UIElement no = find(tree, "push button", "No").orElseThrow();
                assertThat(yes.actions()).contains("click");
                assertThat(yes.enabled()).isTrue();
                assertThat(yes.metadata()).containsEntry("app", "zenity");
                assertThat(find(tree, "label", "Proceed?")).isPresent();

                // the dialog's extents are the X window's geometry …
                Rect window = xwininfo(session, "Question");
                assertThat(dialog.bounds()).isEqualTo(window);
                assertThat(inside(yes.bounds(), window)).isTrue();
                assertThat(inside(no.bounds(), window)).isTrue();
                assertThat(yes.bounds().x()).isGreaterThan(no.bounds().x()); // GTK puts the affirmative button last

                // … which is where the screenshot shows it: light dialog pixels inside, the black root outside
                BufferedImage shot = screenshot(session);
                Rect d = dialog.bounds();
                assertThat(brightness(shot, d.x() + 2, d.y() + 2)).isGreaterThan(100);
                assertThat(brightness(shot, d.x() + d.width() - 3, d.y() + d.height() - 3)).isGreaterThan(100);
                assertThat(brightness(shot, d.x() - 2, d.y() - 2)).isLessThan(10);
                assertThat(brightness(shot, d.x() + d.width() + 1, d.y() + d.height() + 1)).isLessThan(10);
                // the button is drawn where its extents are: its label makes its area non-uniform
                assertThat(distinctColours(shot, yes.bounds())).isGreaterThan(3);

                // and a real pointer click at the centre of the Yes extents answers the question
                desktop.click(yes.bounds().center());
                assertThat(zenity.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(zenity.exitValue()).isEqualTo(0);
            }
        }
    }

    @Test
    void clickingYesByNameMakesZenityExitZero() throws Exception {
        try (A11ySession session = A11ySession.start(1024, 768)) {
            Process zenity = session.spawn("zenity", "--question", "--text", "Proceed?");
            RecordingDesktop desktop = new RecordingDesktop(session);
            try (AtspiAccessibility a11y = new AtspiAccessibility(session.settings(AtspiLimits.defaults()), desktop)) {
                awaitTree(a11y, "zenity", t -> find(t, "push button", "Yes").isPresent());
                // role and name only, as an agent would send it
                a11y.act(UIElement.leaf("push button", "Yes"), "click", "zenity");
                assertThat(zenity.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(zenity.exitValue()).isEqualTo(0);
                assertThat(desktop.clicks).as("done through the AT-SPI action, not the pointer").isEmpty();
            }
        }
    }

    @Test
    void zenityEntryAcceptsTextSetThroughEditableText() throws Exception {
        try (A11ySession session = A11ySession.start(1024, 768)) {
            Process zenity = session.spawn("zenity", "--entry", "--title", "Entry", "--text", "Your name?");
            RecordingDesktop desktop = new RecordingDesktop(session);
            try (AtspiAccessibility a11y = new AtspiAccessibility(session.settings(AtspiLimits.defaults()), desktop)) {
                UIElement tree = awaitTree(a11y, "zenity", t -> findBy(t, e -> e.actions().contains("type")).isPresent());
                UIElement entry = findBy(tree, e -> e.actions().contains("type")).orElseThrow();
                assertThat(entry.value()).isEmpty();
                UIElement withText = new UIElement(entry.role(), entry.name(), entry.value(), entry.bounds(), entry.focused(),
                        entry.enabled(), entry.actions(), List.of(), Map.of("app", "zenity", "text", "hello opendesk"));
                a11y.act(withText, "type", null);

                UIElement after = a11y.tree(UiTreeRequest.forApp("zenity"));
                assertThat(findBy(after, e -> e.actions().contains("type")).orElseThrow().value()).isEqualTo("hello opendesk");
                assertThat(desktop.typed).as("set through EditableText, not typed").isEmpty();

                Thread.sleep(2500); // an idle connection outlives the connect timeout
                a11y.act(UIElement.leaf("push button", "OK"), "click", "zenity");
                assertThat(zenity.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(zenity.exitValue()).isEqualTo(0);
                assertThat(new String(zenity.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()).isEqualTo("hello opendesk");
            }
        }
    }

    @Test
    void aGtkAppWithAMenuExposesItsMenuItemsAndRunsThem() throws Exception {
        try (A11ySession session = A11ySession.start(1024, 768)) {
            Process demo = session.spawn("gtk3-demo-application");
            try (AtspiAccessibility a11y = new AtspiAccessibility(session.settings(AtspiLimits.defaults()), new RecordingDesktop(session))) {
                UIElement tree = awaitTree(a11y, "gtk3-demo-application", t -> find(t, "menu item", "Quit").isPresent());
                UIElement menuBar = findBy(tree, e -> e.role().equals("menu bar")).orElseThrow();
                assertThat(menuBar.children()).extracting(UIElement::name).contains("Application", "Preferences", "Help");
                assertThat(menuBar.bounds()).isNotNull();
                UIElement application = find(menuBar, "menu", "Application").orElseThrow();
                assertThat(application.children()).extracting(UIElement::name).contains("New", "Open", "Save", "Quit");
                assertThat(find(menuBar, "menu item", "About")).isPresent();
                assertThat(find(menuBar, "check menu item", "Prefer Dark Theme")).isPresent();
                assertThat(find(tree, "menu item", "Quit").orElseThrow().actions()).contains("click");

                // a menu item runs without opening its menu
                a11y.act(UIElement.leaf("menu item", "Quit"), "click", "gtk3-demo");
                assertThat(demo.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void theWalkOfALargeAppStaysInsideItsLimits() throws Exception {
        try (A11ySession session = A11ySession.start(1366, 768)) {
            session.spawn("gtk3-widget-factory");
            RecordingDesktop desktop = new RecordingDesktop(session);
            try (AtspiAccessibility a11y = new AtspiAccessibility(session.settings(AtspiLimits.defaults()), desktop)) {
                UIElement full = awaitTree(a11y, "gtk3-widget-factory", t -> count(t) > 150);
                assertThat(count(full)).isBetween(150, 2000);
            }
            // an element budget
            try (AtspiAccessibility a11y = new AtspiAccessibility(session.settings(AtspiLimits.defaults().withMaxNodes(60)), desktop)) {
                UIElement cut = a11y.tree(new UiTreeRequest(null, "gtk3-widget-factory", 30));
                assertThat(count(cut)).isLessThanOrEqualTo(60);
                assertThat(cut.metadata()).containsEntry("truncated", true).containsEntry("truncated_reason", "max_nodes");
            }
            // a wall-time budget
            AtspiLimits quick = AtspiLimits.defaults().withWalkTime(Duration.ofMillis(40));
            try (AtspiAccessibility a11y = new AtspiAccessibility(session.settings(quick), desktop)) {
                a11y.available();
                long start = System.nanoTime();
                UIElement cut = a11y.tree(new UiTreeRequest(null, "gtk3-widget-factory", 30));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(millis).as("finding the app and walking it, each within 40 ms + one call").isLessThan(1500);
                assertThat(cut.metadata()).containsEntry("truncated", true);
                assertThat((String) cut.metadata().get("truncated_reason")).contains("time");
            }
        }
    }

    @Test
    void aHungApplicationDoesNotStallTheWalk() throws Exception {
        try (A11ySession session = A11ySession.start(1024, 768)) {
            Process stopped = session.spawn("zenity", "--info", "--title", "Frozen", "--text", "frozen");
            Process live = session.spawn("zenity", "--question", "--title", "Live", "--text", "alive?");
            try (AtspiAccessibility a11y = new AtspiAccessibility(session.settings(AtspiLimits.defaults()), new RecordingDesktop(session))) {
                A11ySession.await(START, "two applications", () -> a11y.available() && a11y.applications().size() == 2);
            }
            session.run("kill", "-STOP", String.valueOf(stopped.pid()));
            try (AtspiBus bus = AtspiBus.connect(session.busAddress(), Duration.ofMillis(500))) {
                AtspiLimits limits = new AtspiLimits(2000, 200, Duration.ofSeconds(3), Duration.ofMillis(500), 16, 2000);
                long start = System.nanoTime();
                AtspiTreeWalker.Walk walk = new AtspiTreeWalker(bus, limits)
                        .walk(new AccessibleRef(AtspiDbus.REGISTRY, AtspiDbus.ROOT_PATH), 8, null);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(millis).isLessThan(3000);
                assertThat(walk.truncated).contains("timeout");
                UIElement desktopTree = AtspiTreeWalker.toElement(walk.root);
                assertThat(find(desktopTree, "push button", "Yes")).as("the live app is read").isPresent();
                assertThat(find(desktopTree, "dialog", "Frozen")).as("the hung one is not").isEmpty();
            } finally {
                session.run("kill", "-CONT", String.valueOf(stopped.pid()));
            }
            assertThat(live.isAlive()).isTrue();
        }
    }

    @Test
    void aWindowIdSelectsItsAccessibleWindowAndNoneSelectsTheActiveOneOrTheDesktop() throws Exception {
        try (A11ySession session = A11ySession.start(1024, 768)) {
            Process zenity = session.spawn("zenity", "--question", "--title", "Question", "--text", "Proceed?");
            RecordingDesktop desktop = new RecordingDesktop(session);
            try (AtspiAccessibility a11y = new AtspiAccessibility(session.settings(AtspiLimits.defaults()), desktop)) {
                awaitTree(a11y, "zenity", t -> find(t, "push button", "Yes").isPresent());
                desktop.windows.add(new Window("0x400008", "Question", "zenity", zenity.pid(), xwininfo(session, "Question"), false, false, null));
                UIElement window = a11y.tree(UiTreeRequest.forWindow("0x400008"));
                assertThat(window.role()).isEqualTo("dialog");
                assertThat(window.name()).isEqualTo("Question");
                assertThat(window.metadata()).containsEntry("app", "zenity");
                assertThat(find(window, "push button", "Yes")).isPresent();

                assertThatThrownBy(() -> a11y.tree(UiTreeRequest.forWindow("0x999")))
                        .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));

                UIElement focused = a11y.tree(UiTreeRequest.focused());
                assertThat(find(focused, "push button", "Yes")).isPresent();
            }
        }
    }

    @Test
    void anElementWithoutAUsableActionIsClickedAtTheCentreOfItsBounds() throws Exception {
        try (A11ySession session = A11ySession.start(1024, 768)) {
            session.spawn("zenity", "--question", "--text", "Proceed?");
            RecordingDesktop desktop = new RecordingDesktop(session);
            try (AtspiAccessibility a11y = new AtspiAccessibility(session.settings(AtspiLimits.defaults()), desktop)) {
                UIElement tree = awaitTree(a11y, "zenity", t -> find(t, "label", "Proceed?").isPresent());
                UIElement label = find(tree, "label", "Proceed?").orElseThrow();
                assertThat(label.actions()).isEmpty();
                a11y.act(label, "click", "zenity");
                assertThat(desktop.clicks).containsExactly(label.bounds().center());
            }
        }
    }

    @Test
    void badInputIsNotFound() throws Exception {
        try (A11ySession session = A11ySession.start(1024, 768)) {
            Process zenity = session.spawn("zenity", "--question", "--text", "Proceed?");
            try (AtspiAccessibility a11y = new AtspiAccessibility(session.settings(AtspiLimits.defaults()), new RecordingDesktop(session))) {
                UIElement tree = awaitTree(a11y, "zenity", t -> find(t, "push button", "Yes").isPresent());
                assertThatThrownBy(() -> a11y.tree(UiTreeRequest.forApp("no-such-app")))
                        .isInstanceOfSatisfying(OpendeskException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                            assertThat(e.getMessage()).contains("no-such-app").contains("zenity");
                        });
                assertThatThrownBy(() -> a11y.act(UIElement.leaf("push button", "Maybe"), "click", "zenity"))
                        .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));

                UIElement yes = find(tree, "push button", "Yes").orElseThrow();
                zenity.destroy();
                assertThat(zenity.waitFor(10, TimeUnit.SECONDS)).isTrue();
                // the element vanished with its application
                A11ySession.await(START, "zenity to leave the bus", () -> !a11y.applications().contains("zenity"));
                assertThatThrownBy(() -> a11y.act(yes, "click", null))
                        .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            }
        }
    }

    @Test
    void withoutAnAccessibilityBusUiIsUnsupportedWithAHint() {
        RecordingDesktop none = new RecordingDesktop(null);
        for (String address : new String[] {null, "unix:path=/nonexistent/opendesk-test-bus"}) {
            try (AtspiAccessibility a11y = new AtspiAccessibility(new AtspiSettings(address, "local/linux", AtspiLimits.defaults()), none)) {
                assertThat(a11y.available()).isFalse();
                assertThatThrownBy(() -> a11y.tree(UiTreeRequest.focused()))
                        .isInstanceOfSatisfying(OpendeskException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
                            assertThat(e.details()).containsEntry("capability", "ui.tree").containsEntry("backend", "local/linux");
                            assertThat(e.getMessage()).contains("at-spi2-core").contains("dbus-run-session").contains("QT_ACCESSIBILITY=1");
                        });
                assertThatThrownBy(() -> a11y.act(UIElement.leaf("push button", "OK"), "click", null))
                        .isInstanceOfSatisfying(OpendeskException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
                            assertThat(e.details()).containsEntry("capability", "ui.actions");
                        });
            }
        }
    }

    @Test
    void theX11ComputerOffersUiOnlyWhileTheBusAnswersAndDelegatesToAtspi() throws Exception {
        try (A11ySession session = A11ySession.start(1024, 768)) {
            Process zenity = session.spawn("zenity", "--question", "--text", "Proceed?");
            String previous = System.getProperty(AtspiSettings.ADDRESS_PROPERTY);
            System.setProperty(AtspiSettings.ADDRESS_PROPERTY, session.busAddress());
            try (X11Computer computer = new X11Computer(new X11Session(session.display()))) {
                try {
                    computer.uiTree(UiTreeRequest.focused());
                } catch (OpendeskException e) {
                    throw new AssertionError(e.getMessage(), e);
                }
                assertThat(computer.capabilities().capabilities()).contains(Capability.UI_TREE, Capability.UI_ACTIONS);
                A11ySession.await(START, "zenity's Yes button", () -> {
                    try {
                        return find(computer.uiTree(UiTreeRequest.forApp("zenity")), "push button", "Yes").isPresent();
                    } catch (OpendeskException e) {
                        return false;
                    }
                });
                computer.uiAction(UIElement.leaf("push button", "Yes"), "click", "zenity");
                assertThat(zenity.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(zenity.exitValue()).isEqualTo(0);
            } finally {
                if (previous == null) {
                    System.clearProperty(AtspiSettings.ADDRESS_PROPERTY);
                } else {
                    System.setProperty(AtspiSettings.ADDRESS_PROPERTY, previous);
                }
            }
            System.setProperty(AtspiSettings.ADDRESS_PROPERTY, "unix:path=/nonexistent/opendesk-test-bus");
            try (X11Computer computer = new X11Computer(new X11Session(session.display()))) {
                assertThat(computer.capabilities().capabilities()).doesNotContain(Capability.UI_TREE, Capability.UI_ACTIONS);
                assertThatThrownBy(() -> computer.uiTree(UiTreeRequest.focused()))
                        .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED));
            } finally {
                if (previous == null) {
                    System.clearProperty(AtspiSettings.ADDRESS_PROPERTY);
                } else {
                    System.setProperty(AtspiSettings.ADDRESS_PROPERTY, previous);
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Waits until the app's tree satisfies {@code ready} (the app registers and lays out asynchronously). */
    static UIElement awaitTree(AtspiAccessibility a11y, String app, java.util.function.Predicate<UIElement> ready) {
        UIElement[] last = new UIElement[1];
        A11ySession.await(START, app + " on the accessibility bus", () -> {
            try {
                last[0] = a11y.tree(new UiTreeRequest(null, app, 30));
                return ready.test(last[0]);
            } catch (OpendeskException e) {
                return false;
            }
        });
        return last[0];
    }

    static Optional<UIElement> find(UIElement root, String role, String name) {
        return findBy(root, e -> e.role().equals(role) && e.name().equals(name));
    }

    static Optional<UIElement> findBy(UIElement root, java.util.function.Predicate<UIElement> test) {
        if (test.test(root)) {
            return Optional.of(root);
        }
        for (UIElement child : root.children()) {
            Optional<UIElement> found = findBy(child, test);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    static int count(UIElement root) {
        int n = 1;
        for (UIElement child : root.children()) {
            n += count(child);
        }
        return n;
    }

    private static boolean inside(Rect inner, Rect outer) {
        return inner != null && inner.x() >= outer.x() && inner.y() >= outer.y()
                && inner.x() + inner.width() <= outer.x() + outer.width() && inner.y() + inner.height() <= outer.y() + outer.height();
    }

    /** The geometry xwininfo reports for the window of that name. */
    static Rect xwininfo(A11ySession session, String name) {
        String out = session.run("xwininfo", "-name", name).stdout();
        return new Rect(field(out, "Absolute upper-left X"), field(out, "Absolute upper-left Y"), field(out, "Width"), field(out, "Height"));
    }

    private static int field(String text, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + ":\\s+(-?\\d+)").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + label + " in " + text);
        }
        return Integer.parseInt(m.group(1));
    }

    private static BufferedImage screenshot(A11ySession session) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("import", "-window", "root", "png:-");
        builder.environment().put("DISPLAY", session.display());
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] png = process.getInputStream().readAllBytes();
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static int brightness(BufferedImage image, double x, double y) {
        int rgb = image.getRGB((int) x, (int) y);
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    }

    private static long distinctColours(BufferedImage image, Rect r) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = (int) r.y(); y < r.y() + r.height(); y++) {
            for (int x = (int) r.x(); x < r.x() + r.width(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
