package dev.opendesk.app.remote;

import static dev.opendesk.app.remote.RemoteFixture.CODE;
import static dev.opendesk.app.remote.RemoteFixture.await;
import static dev.opendesk.app.remote.RemoteFixture.awaitAudit;
import static dev.opendesk.app.remote.RemoteFixture.field;
import static dev.opendesk.app.remote.RemoteFixture.targetOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.opendesk.backend.x11.X11Computer;
import dev.opendesk.backend.x11.XvfbServer;
import dev.opendesk.core.audit.AuditRecord;
import dev.opendesk.core.audit.JsonlAuditLog;
import dev.opendesk.core.auth.AuthFailure;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.DisplaySubscription;
import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.computer.ExecCommand;
import dev.opendesk.core.computer.ShellCommand;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.CapabilityManifest;
import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.CompletedCommand;
import dev.opendesk.core.model.Display;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.FileEntry;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.TextInput;
import dev.opendesk.core.model.UIElement;
import dev.opendesk.core.model.Window;
import dev.opendesk.core.policy.AllowAllPolicy;
import dev.opendesk.core.protocol.RemoteComputer;
import dev.opendesk.core.remote.Controller;
import dev.opendesk.core.remote.HostServer;
import dev.opendesk.core.remote.PairingWindow;
import dev.opendesk.core.remote.RemoteSession;
import dev.opendesk.core.remote.Target;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.transport.websocket.WebSocketTransport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Java controller drives a real X11 desktop (Xvfb + openbox) through a Java host over an
 * encrypted WebSocket on loopback: pairing (a wrong code, then the right one), authentication,
 * and every {@link dev.opendesk.core.computer.Computer} method through {@link RemoteComputer},
 * each checked against the desktop with independent tools (xdotool, xclip, xprop, files).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
final class RemoteX11EndToEndTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path hostHome;
    @TempDir
    static Path controllerHome;
    @TempDir
    static Path work;

    private XvfbServer xvfb;
    private X11Computer desktop;
    private WebSocketTransport hostTransport;
    private WebSocketTransport controllerTransport;
    private JsonlAuditLog audit;
    private HostServer host;
    private Endpoint endpoint;
    private RemoteSession session;
    private RemoteComputer remote;

    @BeforeAll
    void startDesktopAndHost() {
        xvfb = XvfbServer.start(WIDTH, HEIGHT);
        if (xvfb.run("sh", "-c", "command -v openbox").exitCode() != 0) {
            throw new IllegalStateException("openbox is not installed (Debian package 'openbox')");
        }
        Process openbox = xvfb.spawn("openbox", "--sm-disable");
        XvfbServer.await(WAIT, "openbox to manage the screen", () -> {
            if (!openbox.isAlive()) {
                throw new IllegalStateException("openbox exited with status " + openbox.exitValue());
            }
            return xvfb.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").stdout().contains("window id");
        });
        desktop = new X11Computer(xvfb.session());
        hostTransport = new WebSocketTransport();
        controllerTransport = new WebSocketTransport();
        audit = new JsonlAuditLog(hostHome);
        host = new HostServer(Identity.loadOrCreate(hostHome), new TrustedPeerStore(hostHome), new HomeFiles(hostHome),
                desktop, new AllowAllPolicy(), audit, RemoteFixture.fastSettings());
        endpoint = host.listen(hostTransport, new Endpoint("127.0.0.1", 0));
    }

    @AfterAll
    void stopEverything() {
        for (AutoCloseable resource : new AutoCloseable[] {session, host, controllerTransport, hostTransport, audit, desktop, xvfb}) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // best effort
                }
            }
        }
    }

    private Controller controller() {
        return RemoteFixture.controller(controllerHome, controllerTransport);
    }

    private static void assertCode(Throwable error, ErrorCode code) {
        assertThat(error).isInstanceOf(OpendeskException.class);
        assertThat(((OpendeskException) error).code()).as(String.valueOf(error.getMessage())).isEqualTo(code);
    }

    private RemoteComputer remote() {
        assertThat(remote).as("the session of the pairing test").isNotNull();
        return remote;
    }

    private Window awaitWindow(String title) {
        XvfbServer.await(WAIT, "a window titled " + title, () -> windowTitled(title).isPresent());
        return windowTitled(title).orElseThrow();
    }

    private Optional<Window> windowTitled(String title) {
        return remote().windows().stream().filter(w -> w.title().equals(title)).findFirst();
    }

    private static long decimal(String windowId) {
        return Long.decode(windowId);
    }

    private String activeWindow() {
        Matcher matcher = Pattern.compile("window id # (0x[0-9a-f]+)").matcher(xvfb.run("xprop", "-root", "_NET_ACTIVE_WINDOW").stdout());
        return matcher.find() ? matcher.group(1) : "";
    }

    // ------------------------------------------------------------------ pair and connect

    @Test
    @Order(1)
    void pairsAfterAWrongCodeThenAuthenticates() throws Exception {
        CompletableFuture<PairingWindow.PairedController> paired = host.pairing().open(CODE, Duration.ofSeconds(60));
        assertThatThrownBy(() -> controller().pairWith(endpoint, "000000", "x11"))
                .isInstanceOfSatisfying(AuthFailure.class, e -> assertThat(e.reason()).isEqualTo(AuthFailure.Reason.WRONG_CODE));
        assertThat(paired).isNotDone();
        Controller.PairedHost pairedHost = controller().pairWith(endpoint, CODE, "x11");
        assertThat(pairedHost.name()).isEqualTo("x11");
        assertThat(pairedHost.fingerprint()).isEqualTo(Identity.loadOrCreate(hostHome).fingerprint());
        assertThat(paired.get(10, TimeUnit.SECONDS).publicKey()).isEqualTo(Identity.loadOrCreate(controllerHome).publicKey());
        assertThat(host.pairing().isOpen()).isFalse();
        awaitAudit(hostHome, AuditRecord.SESSION_REJECTED, r -> field(r, "reason").startsWith("auth_failed: "));

        Target target = targetOf(controllerHome, "x11");
        assertThat(target.endpoint()).isEqualTo(endpoint);
        session = controller().connect(target, true);
        remote = new RemoteComputer(session);
        assertThat(host.sessions()).singleElement().satisfies(s -> assertThat(s.mode()).isEqualTo("serve"));
    }

    // ------------------------------------------------------------------ system and display

    @Test
    @Order(2)
    void theManifestEnvironmentAndDisplaysAreTheXServers() {
        CapabilityManifest manifest = remote().capabilities();
        assertThat(manifest.backend()).isEqualTo(X11Computer.BACKEND);
        assertThat(manifest.capabilities()).contains(Capability.DISPLAY_CAPTURE, Capability.DISPLAY_STREAM,
                Capability.INPUT_POINTER, Capability.INPUT_KEYBOARD, Capability.INPUT_TEXT, Capability.WINDOWS_LIST,
                Capability.WINDOWS_MANIPULATE, Capability.APP_LIFECYCLE, Capability.CLIPBOARD_READ,
                Capability.CLIPBOARD_WRITE, Capability.FS_READ, Capability.FS_WRITE, Capability.PROCESS_LIST,
                Capability.PROCESS_SHELL, Capability.PROCESS_SPAWN);
        assertThat(manifest.capabilities()).doesNotContain(Capability.UI_TREE, Capability.UI_ACTIONS);
        assertThat(manifest.capabilities()).isEqualTo(desktop.capabilities().capabilities());

        List<Display> displays = remote().displays();
        assertThat(displays).hasSize(1);
        assertThat(displays.get(0).bounds()).isEqualTo(new Rect(0, 0, WIDTH, HEIGHT));
        assertThat(displays.get(0).primary()).isTrue();
        assertThat(remote().environment()).isEqualTo(desktop.environment());
        assertThat(remote().environment().displays()).isEqualTo(displays);
        assertThat(remote().environment().os()).isNotBlank();
    }

    @Test
    @Order(3)
    void capturesDecodablePngsOfTheScreenAndOfARegion() throws Exception {
        Pixmap full = remote().capture(new CaptureRequest(null, null, false));
        assertThat(full.format()).isEqualTo(PixmapFormat.PNG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(full.data()));
        assertThat(image).as("a decodable PNG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(full.width()).isEqualTo(WIDTH);
        assertThat(full.logicalWidth()).isEqualTo(WIDTH);

        Pixmap region = remote().capture(new CaptureRequest(null, new Rect(10, 20, 200, 100), false));
        BufferedImage part = ImageIO.read(new ByteArrayInputStream(region.data()));
        assertThat(part.getWidth()).isEqualTo(200);
        assertThat(part.getHeight()).isEqualTo(100);
    }

    @Test
    @Order(4)
    void aDisplaySubscriptionStreamsFramesUntilClosed() {
        try (EventStream<DisplayFrame> frames = remote().subscribeDisplay(new DisplaySubscription(null, 10, null))) {
            long last = -1;
            for (int i = 0; i < 3; i++) {
                DisplayFrame frame = frames.poll(WAIT).orElseThrow(() -> new AssertionError("no frame within " + WAIT));
                assertThat(frame.frameNumber()).isGreaterThan(last);
                last = frame.frameNumber();
                assertThat(frame.pixmap().width()).isEqualTo(WIDTH);
                assertThat(frame.pixmap().height()).isEqualTo(HEIGHT);
            }
        }
        // the session goes on after the stream is cancelled
        assertThat(remote().displays()).hasSize(1);
    }

    // ------------------------------------------------------------------ input

    @Test
    @Order(5)
    void thePointerMovesWhereAskedAsXdotoolSeesIt() {
        remote().pointer(PointerEvent.move(new Point(321, 234)));
        assertThat(remote().cursorPosition()).isEqualTo(new Point(321, 234));
        assertThat(xvfb.run("xdotool", "getmouselocation").stdout()).startsWith("x:321 y:234 ");
        remote().moveTo(new Point(700, 500));
        assertThat(xvfb.run("xdotool", "getmouselocation").stdout()).startsWith("x:700 y:500 ");
        assertThat(remote().cursorPosition()).isEqualTo(new Point(700, 500));
    }

    @Test
    @Order(6)
    void keysAndTextReachAFocusedTerminal() throws Exception {
        Path typed = work.resolve("typed.txt");
        Process xterm = xvfb.spawn("xterm", "-T", "od-e2e-keys", "-geometry", "80x24+40+40", "-e", "sh", "-c", "cat > " + typed);
        Window window = awaitWindow("od-e2e-keys");
        assertThat(window.pid()).isEqualTo(xterm.pid());
        assertThat(xvfb.run("xdotool", "windowfocus", "--sync", Long.toString(decimal(window.id()))).exitCode()).isZero();
        XvfbServer.await(WAIT, "the terminal to have the focus",
                () -> remote().focusedWindow().map(Window::id).filter(window.id()::equals).isPresent());

        remote().text(TextInput.of("hello remote"));
        remote().press("Return");
        remote().key(KeyEvent.down("a"));
        remote().key(KeyEvent.up("a"));
        remote().press("Return");
        XvfbServer.await(WAIT, "the typed lines in " + typed, () -> read(typed).equals("hello remote\na\n"));
        remote().hotkey("ctrl", "d"); // EOF: cat, sh and the terminal end
        XvfbServer.await(WAIT, "the terminal to exit after ctrl+d", () -> !xterm.isAlive());
        assertThat(read(typed)).isEqualTo("hello remote\na\n");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    // ------------------------------------------------------------------ windows and apps

    @Test
    @Order(7)
    void windowsAreListedFocusedMovedAndClosed() {
        Process one = xvfb.spawn("xterm", "-T", "od-e2e-one", "-geometry", "80x24+10+10");
        Process two = xvfb.spawn("xterm", "-T", "od-e2e-two", "-geometry", "80x24+300+200");
        Window first = awaitWindow("od-e2e-one");
        Window second = awaitWindow("od-e2e-two");
        assertThat(first.appName()).isEqualTo("XTerm");
        assertThat(first.pid()).isEqualTo(one.pid());
        assertThat(second.pid()).isEqualTo(two.pid());
        assertThat(first.id()).matches("0x[0-9a-f]+");

        remote().focusWindow(first.id());
        XvfbServer.await(WAIT, "od-e2e-one to be active", () -> activeWindow().equals(first.id()));
        assertThat(remote().focusedWindow()).map(Window::id).contains(first.id());
        remote().focusWindow(second.id());
        XvfbServer.await(WAIT, "od-e2e-two to be active", () -> activeWindow().equals(second.id()));
        assertThat(remote().focusedWindow()).map(Window::title).contains("od-e2e-two");

        remote().moveWindow(first.id(), new Rect(200, 150, 500, 300));
        XvfbServer.await(WAIT, "od-e2e-one to move", () -> {
            Rect bounds = windowTitled("od-e2e-one").orElseThrow().bounds();
            return bounds != null && bounds.x() == 200 && bounds.y() == 150;
        });

        remote().closeWindow(second.id());
        XvfbServer.await(WAIT, "xterm od-e2e-two to exit", () -> !two.isAlive());
        XvfbServer.await(WAIT, "od-e2e-two to leave the list", () -> windowTitled("od-e2e-two").isEmpty());
        assertThatThrownBy(() -> remote().focusWindow(second.id())).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
        remote().closeWindow(first.id());
        XvfbServer.await(WAIT, "xterm od-e2e-one to exit", () -> !one.isAlive());
    }

    @Test
    @Order(8)
    void appsAreOpenedListedFocusedAndClosed() throws Exception {
        // a private copy of xterm under a unique name, so closeApp cannot touch anybody else's terminals
        String name = "odx" + (ProcessHandle.current().pid() % 1_000_000);
        Path binary = work.resolve(name);
        Files.copy(Path.of("/usr/bin/xterm"), binary);
        assertThat(binary.toFile().setExecutable(true)).isTrue();

        remote().openApp(binary + " -T od-e2e-app -geometry 60x10+500+400");
        Window window = awaitWindow("od-e2e-app");
        assertThat(remote().apps()).contains("XTerm");
        remote().focusApp("od-e2e-app");
        XvfbServer.await(WAIT, "the app's window to be active", () -> activeWindow().equals(window.id()));

        remote().closeApp(name);
        XvfbServer.await(WAIT, "the app's window to go", () -> windowTitled("od-e2e-app").isEmpty());
        assertThatThrownBy(() -> remote().closeApp(name)).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> remote().openApp("no-such-app-" + name)).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
    }

    // ------------------------------------------------------------------ clipboard

    @Test
    @Order(9)
    void theClipboardIsSharedWithXclip() {
        String text = "remote clip ✓ " + System.nanoTime();
        remote().writeClipboard(ClipboardContents.ofText(text));
        assertThat(remote().readClipboard().text()).contains(text);
        assertThat(xvfb.run("xclip", "-o", "-selection", "clipboard").stdout()).isEqualTo(text);

        xvfb.spawn("sh", "-c", "printf from-xclip | xclip -selection clipboard -i");
        XvfbServer.await(WAIT, "xclip's text on the remote clipboard",
                () -> remote().readClipboard().text().filter("from-xclip"::equals).isPresent());
    }

    // ------------------------------------------------------------------ files

    @Test
    @Order(10)
    void filesAreWrittenReadListedStatedMovedAndDeleted() throws Exception {
        Path root = work.resolve("fs");
        Path deeper = root.resolve("sub/deeper");
        remote().makeDirectory(deeper.toString(), true);
        assertThat(deeper).isDirectory();
        byte[] data = new byte[300_000];
        new java.util.Random(5).nextBytes(data);
        Path file = root.resolve("sub/a.bin");
        remote().writeFile(file.toString(), data);
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
        assertThat(remote().readFile(file.toString())).isEqualTo(data);

        assertThat(remote().listFiles(root.resolve("sub").toString())).extracting(FileEntry::name)
                .containsExactlyInAnyOrder("a.bin", "deeper");
        FileEntry stat = remote().statFile(file.toString());
        assertThat(stat.size()).isEqualTo(data.length);
        assertThat(stat.isDir()).isFalse();
        assertThat(stat.name()).isEqualTo("a.bin");
        assertThat(remote().statFile(deeper.toString()).isDir()).isTrue();

        Path moved = root.resolve("b.bin");
        remote().moveFile(file.toString(), moved.toString());
        assertThat(file).doesNotExist();
        assertThat(moved).exists();
        remote().deleteFile(moved.toString());
        assertThat(moved).doesNotExist();
        assertThatThrownBy(() -> remote().readFile(moved.toString())).satisfies(e -> assertCode(e, ErrorCode.NOT_FOUND));
    }

    // ------------------------------------------------------------------ processes

    @Test
    @Order(11)
    void processesShellAndExecRunOnTheHost() throws Exception {
        long self = ProcessHandle.current().pid();
        assertThat(remote().processes()).anySatisfy(p -> assertThat(p.pid()).isEqualTo(self));

        CompletedCommand shell = remote().shell(ShellCommand.of("echo hi; echo oops >&2; exit 3"));
        assertThat(shell.returncode()).isEqualTo(3);
        assertThat(new String(shell.stdout(), StandardCharsets.UTF_8)).isEqualTo("hi\n");
        assertThat(new String(shell.stderr(), StandardCharsets.UTF_8)).isEqualTo("oops\n");

        long before = System.nanoTime();
        assertThatThrownBy(() -> remote().shell(new ShellCommand("sleep 20", Duration.ofMillis(300), null, Map.of())))
                .satisfies(e -> assertCode(e, ErrorCode.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));

        CompletedCommand piped = remote().exec(new ExecCommand(List.of("tr", "a-z", "A-Z"), Duration.ofSeconds(10), null,
                Map.of(), "piped bytes".getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(piped.stdout(), StandardCharsets.UTF_8)).isEqualTo("PIPED BYTES");
        CompletedCommand env = remote().exec(new ExecCommand(List.of("sh", "-c", "pwd; printf %s \"$OD_VAR\""),
                Duration.ofSeconds(10), work.toString(), Map.of("OD_VAR", "set"), null));
        assertThat(new String(env.stdout(), StandardCharsets.UTF_8)).isEqualTo(work.toRealPath() + "\nset");
    }

    // ------------------------------------------------------------------ what the backend does not do (yet)

    @Test
    @Order(12)
    void notificationsAreEmptyAndAccessibilityIsUnsupported() {
        assertThat(remote().notifications()).isEmpty();
        assertThatThrownBy(() -> remote().uiTree(UiTreeRequest.focused()))
                .satisfies(e -> assertCode(e, ErrorCode.CAPABILITY_UNSUPPORTED));
        UIElement element = new UIElement("push button", "OK", null, new Rect(1, 1, 10, 10), false, true, List.of("click"),
                List.of(), Map.of());
        assertThatThrownBy(() -> remote().uiAction(element, "click", null))
                .satisfies(e -> assertCode(e, ErrorCode.CAPABILITY_UNSUPPORTED));
        assertThat(remote().capabilities().capabilities()).doesNotContain(Capability.UI_TREE);
        // the session survives the refusals
        assertThat(remote().cursorPosition()).isNotNull();
    }

    @Test
    @Order(13)
    void lockingDoesWhatTheManifestPromises() {
        boolean advertised = remote().capabilities().capabilities().contains(Capability.POWER_LOCK);
        if (!advertised) {
            assertThatThrownBy(() -> remote().lock()).satisfies(e -> assertCode(e, ErrorCode.CAPABILITY_UNSUPPORTED));
            return;
        }
        // never lock the session of a developer running the tests on a systemd desktop
        assumeThat(Files.isDirectory(Path.of("/run/systemd/system")))
                .as("systemd runs: loginctl lock-session would lock the real session").isFalse();
        try {
            remote().lock();
        } catch (OpendeskException e) {
            assertThat(e.code())
                    .as("the manifest advertises power.lock, yet lock() says: %s. X11Computer advertises it when loginctl "
                            + "or xdg-screensaver is on PATH, but LinuxApps.lock() only uses loginctl when "
                            + "/run/systemd/system exists; X11Computer.capabilities() should ask LinuxApps.canLock()",
                            e.getMessage())
                    .isNotEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
        }
    }

    @Test
    @Order(14)
    void everyCallWasAudited() {
        String sessionId = host.sessions().get(0).id();
        awaitAudit(hostHome, AuditRecord.CALL, r -> field(r, "session_id").equals(sessionId)
                && field(r, "method").equals("process.shell") && field(r, "outcome").equals("error")
                && field(r, "error_code").equals("timeout"));
        assertThat(RemoteFixture.audit(hostHome, AuditRecord.CALL)).extracting(r -> field(r, "method"))
                .contains("system.environment", "display.capture", "input.pointer", "input.text", "input.key",
                        "windows.list", "windows.focus", "windows.move", "windows.close", "apps.open", "apps.close",
                        "clipboard.write", "clipboard.read", "fs.write", "fs.read", "fs.list", "fs.stat", "fs.move",
                        "fs.delete", "fs.mkdir", "process.list", "process.shell", "process.exec", "notifications.list",
                        "ui.tree");
        assertThat(RemoteFixture.auditLines(hostHome)).noneMatch(line -> line.contains("piped bytes"));
    }
}
