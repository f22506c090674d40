package dev.opendesk.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.computer.DisplaySubscription;
import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.computer.ExecCommand;
import dev.opendesk.core.computer.ShellCommand;
import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.testing.PipeConnections;
import dev.opendesk.core.testing.ScriptedComputer;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.MouseButton;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerAction;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.TextInput;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RemoteComputer → Peer → wire → Peer → ComputerDispatcher → Computer, for every method. */
@Timeout(30)
final class RemoteComputerTest {
    private final ScriptedComputer host = new ScriptedComputer();
    private Peer serverPeer;
    private Peer clientPeer;
    private RemoteComputer remote;

    @BeforeEach
    void connect() throws Exception {
        PipeConnections.Pipe[] pipes = PipeConnections.pair();
        CompletableFuture<Peer> server = CompletableFuture.supplyAsync(() -> Peer.open(pipes[1],
                Frame.Hello.server(WireModel.toWire(host.capabilities())), new ComputerDispatcher(host), PeerOptions.DEFAULTS));
        clientPeer = Peer.open(pipes[0], Frame.Hello.client(), null, PeerOptions.DEFAULTS);
        serverPeer = server.get(5, TimeUnit.SECONDS);
        remote = new RemoteComputer(clientPeer);
    }

    @AfterEach
    void close() {
        clientPeer.close();
        serverPeer.close();
    }

    @Test
    void theManifestComesFromTheHello() {
        assertThat(remote.capabilities().backend()).isEqualTo("test/scripted");
        assertThat(remote.capabilities().capabilities()).containsExactlyInAnyOrder(Capability.DISPLAY_CAPTURE, Capability.INPUT_POINTER);
        assertThat(remote.capabilities().limits()).containsEntry("display.stream", Map.of("max_fps", 30L));
    }

    @Test
    void observationsComeBackEqual() {
        assertThat(remote.environment()).isEqualTo(ScriptedComputer.ENVIRONMENT);
        assertThat(remote.displays()).containsExactly(ScriptedComputer.DISPLAY);
        assertThat(remote.capture(new CaptureRequest("1", new Rect(0, 0, 100, 50), false))).isEqualTo(ScriptedComputer.PIXMAP);
        assertThat(host.calls).contains(List.of("capture", new CaptureRequest("1", new Rect(0, 0, 100, 50), false)));
        assertThat(remote.cursorPosition()).isEqualTo(new Point(50, 60));
        assertThat(remote.windows()).containsExactly(ScriptedComputer.WINDOW);
        assertThat(remote.focusedWindow()).contains(ScriptedComputer.WINDOW);
        assertThat(remote.apps()).containsExactly("xterm", "zenity");
        assertThat(remote.uiTree(new UiTreeRequest(null, "zenity", 3))).isEqualTo(ScriptedComputer.TREE);
        assertThat(remote.readClipboard()).isEqualTo(ClipboardContents.ofText("copied"));
        assertThat(remote.readFile("/tmp/a")).containsExactly(1, 2, 3);
        assertThat(remote.listFiles("/tmp")).containsExactly(ScriptedComputer.FILE);
        assertThat(remote.statFile("/tmp/a")).isEqualTo(ScriptedComputer.FILE);
        assertThat(remote.processes()).containsExactly(ScriptedComputer.PROCESS);
        assertThat(remote.notifications()).containsExactly(ScriptedComputer.NOTIFICATION);
    }

    @Test
    void actionsArriveAsSent() {
        PointerEvent move = PointerEvent.move(new Point(812, 410));
        remote.pointer(move);
        KeyEvent key = KeyEvent.down("enter");
        remote.key(key);
        remote.text(TextInput.of("héllo ✓"));
        remote.focusWindow("0x1");
        remote.closeWindow("0x1");
        remote.openApp("xterm");
        remote.closeApp("xterm");
        remote.focusApp("xterm");
        remote.uiAction(ScriptedComputer.TREE.children().get(0), "click", "zenity");
        remote.writeClipboard(ClipboardContents.ofText("x"));
        remote.writeFile("/tmp/b", new byte[] {7, 8});
        remote.deleteFile("/tmp/b");
        remote.moveFile("/tmp/a", "/tmp/c");
        remote.makeDirectory("/tmp/d", false);
        assertThat(remote.shell(new ShellCommand("ls", Duration.ofSeconds(2), "/tmp", Map.of("A", "1"))).stdout()).isEqualTo("hi\n".getBytes());
        remote.exec(ExecCommand.of("echo", "hi"));
        remote.lock();
        assertThat(host.calls).containsExactly(
                List.of("pointer", move), List.of("key", key), List.of("text", TextInput.of("héllo ✓")),
                List.of("focusWindow", "0x1"), List.of("closeWindow", "0x1"), List.of("openApp", "xterm"),
                List.of("closeApp", "xterm"), List.of("focusApp", "xterm"),
                List.of("uiAction", ScriptedComputer.TREE.children().get(0), "click", "zenity"),
                List.of("writeClipboard", ClipboardContents.ofText("x")), List.of("writeFile", "/tmp/b", List.of((byte) 7, (byte) 8)),
                List.of("deleteFile", "/tmp/b"), List.of("moveFile", "/tmp/a", "/tmp/c"), List.of("makeDirectory", "/tmp/d", false),
                List.of("shell", new ShellCommand("ls", Duration.ofSeconds(2), "/tmp", Map.of("A", "1"))),
                List.of("exec", List.of("echo", "hi")), List.of("lock"));
    }

    @Test
    void convenienceVerbsAreComposedOnTheClient() {
        remote.click(new Point(5, 6));
        assertThat(host.calls).extracting(call -> ((PointerEvent) call.get(1)).action())
                .containsExactly(PointerAction.MOVE, PointerAction.DOWN, PointerAction.UP);
        assertThat(((PointerEvent) host.calls.get(1).get(1)).button()).isEqualTo(MouseButton.LEFT);
    }

    @Test
    void displayFramesStreamAcross() {
        try (EventStream<DisplayFrame> frames = remote.subscribeDisplay(new DisplaySubscription(null, 10, null))) {
            for (long n = 0; n < 3; n++) {
                DisplayFrame frame = frames.next();
                assertThat(frame.frameNumber()).isEqualTo(n);
                assertThat(frame.pixmap()).isEqualTo(ScriptedComputer.PIXMAP);
            }
            assertThatThrownBy(frames::next).isInstanceOf(NoSuchElementException.class);
        }
        assertThat(host.streamClosed).isTrue();
    }

    @Test
    void unsupportedThingsKeepTheirCapabilityError() {
        assertThatThrownBy(() -> remote.moveWindow("0x1", new Rect(0, 0, 10, 10)))
                .isInstanceOfSatisfying(OpendeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
                    assertThat(e.details()).containsEntry("capability", "windows.manipulate").containsEntry("backend", "test/scripted");
                });
        assertThatThrownBy(() -> remote.subscribeInput().next())
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.details()).containsEntry("capability", "input.pointer"));
    }

    @Test
    void theSecondCallOnAConnectionIsTheSpecsFsReadVector() throws Exception {
        PipeConnections.Pipe[] pipes = PipeConnections.pair();
        PipeConnections.Pipe raw = pipes[1];
        CompletableFuture<Peer> client = CompletableFuture.supplyAsync(() -> Peer.open(pipes[0], Frame.Hello.client(), null, PeerOptions.DEFAULTS));
        raw.send(FrameCodec.encode(Frame.Hello.server(Map.of())));
        assertThat(HexFormat.of().formatHex(raw.receive()))
                .isEqualTo("87a17601a474797065a568656c6c6fa4726f6c65a6636c69656e74a97072696e636970616ca0a46175746880ac6361706162696c697469657380a56572726f72c0");
        try (Peer peer = client.get(5, TimeUnit.SECONDS)) {
            RemoteComputer computer = new RemoteComputer(peer);
            CompletableFuture<Point> first = CompletableFuture.supplyAsync(computer::cursorPosition);
            assertThat(HexFormat.of().formatHex(raw.receive())).isEqualTo(
                    "86a17601a474797065a3726571a2696401a66d6574686f64b7646973706c61792e637572736f725f706f736974696f6ea673747265616dc2a6706172616d7380");
            raw.send(HexFormat.of().parseHex(
                    "87a17601a474797065a3726573a2696401a373657100a3656e64c3a6726573756c7482a178cb4049000000000000a179cb404e000000000000a56572726f72c0"));
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(new Point(50, 60));
            CompletableFuture<byte[]> second = CompletableFuture.supplyAsync(() -> computer.readFile("/tmp/a"));
            assertThat(HexFormat.of().formatHex(raw.receive())).isEqualTo(
                    "86a17601a474797065a3726571a2696402a66d6574686f64a766732e72656164a673747265616dc2a6706172616d7381a470617468a62f746d702f61");
            raw.send(HexFormat.of().parseHex(
                    "87a17601a474797065a3726573a2696402a373657100a3656e64c3a6726573756c74c0a56572726f7283a4636f6465a96e6f745f666f756e64a76d657373616765a76d697373696e67a764657461696c7380"));
            assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                    .hasMessage("missing");
        }
    }
}
