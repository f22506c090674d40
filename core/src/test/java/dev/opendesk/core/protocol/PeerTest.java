package dev.opendesk.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.testing.PipeConnections;
import dev.opendesk.core.testing.ScriptedComputer;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class PeerTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    /** A handler driven by a lambda for unary calls and another for streams. */
    private static RequestHandler handler(Unary unary, Streaming streaming) {
        return new RequestHandler() {
            @Override
            public @Nullable Map<String, @Nullable Object> handle(String method, Map<String, @Nullable Object> params) {
                try {
                    return unary.handle(method, params);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OpendeskException(ErrorCode.CANCELLED, "interrupted");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void handleStream(String method, Map<String, @Nullable Object> params, StreamSink sink) {
                try {
                    streaming.handle(method, params, sink);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OpendeskException(ErrorCode.CANCELLED, "interrupted");
                }
            }
        };
    }

    interface Unary {
        @Nullable Map<String, @Nullable Object> handle(String method, Map<String, @Nullable Object> params)
                throws InterruptedException, java.io.IOException;
    }

    interface Streaming {
        void handle(String method, Map<String, @Nullable Object> params, RequestHandler.StreamSink sink) throws InterruptedException;
    }

    /** Opens client and server peers over a pipe; [0] client, [1] server. */
    private Peer[] connect(@Nullable RequestHandler serverHandler) throws Exception {
        PipeConnections.Pipe[] pipes = PipeConnections.pair();
        CompletableFuture<Peer> server = CompletableFuture.supplyAsync(() ->
                Peer.open(pipes[1], Frame.Hello.server(Map.of("backend", "test")), serverHandler, PeerOptions.DEFAULTS));
        Peer client = Peer.open(pipes[0], Frame.Hello.client(), null, PeerOptions.DEFAULTS);
        Peer serverPeer = server.get(5, TimeUnit.SECONDS);
        toClose.add(client);
        toClose.add(serverPeer);
        return new Peer[] {client, serverPeer};
    }

    private static Map<String, @Nullable Object> map(Object... keysAndValues) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void exchangesHellos() throws Exception {
        Peer[] peers = connect(null);
        assertThat(peers[0].remoteHello().role()).isEqualTo("server");
        assertThat(peers[0].remoteHello().capabilities()).containsEntry("backend", "test");
        assertThat(peers[1].remoteHello().role()).isEqualTo("client");
    }

    @Test
    void concurrentCallsAreAnsweredByIdInWhateverOrderTheyFinish() throws Exception {
        List<Long> finishOrder = new CopyOnWriteArrayList<>();
        Peer client = connect(handler((method, params) -> {
            long delay = (Long) params.get("delay");
            Thread.sleep(delay);
            finishOrder.add(delay);
            return map("echo", params.get("n"));
        }, (m, p, s) -> { }))[0];

        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (long n = 0; n < 20; n++) {
            long delay = (20 - n) * 10; // the first call is the slowest
            long value = n;
            answers.add(CompletableFuture.supplyAsync(() -> client.call("test.echo", map("n", value, "delay", delay)).get("echo")));
            Thread.sleep(2);
        }
        for (int n = 0; n < 20; n++) {
            assertThat(answers.get(n).get(10, TimeUnit.SECONDS)).isEqualTo((long) n);
        }
        assertThat(finishOrder).hasSize(20);
        // really interleaved, not serialised (which would finish them slowest first); loose
        // bounds, since on a loaded machine neighbours may swap places
        assertThat(finishOrder.get(0)).isLessThanOrEqualTo(100L);
        assertThat(finishOrder.get(19)).isGreaterThanOrEqualTo(100L);
    }

    @Test
    void aPeerWithoutHandlerAnswersInternalLikeAPythonClient() throws Exception {
        Peer[] peers = connect(null);
        assertThatThrownBy(() -> peers[1].call("anything", Map.of()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessage("no dispatcher registered");
    }

    @Test
    void remoteErrorsKeepTheirCodeMessageAndDetails() throws Exception {
        Peer client = connect(handler((method, params) -> {
            switch (method) {
                case "fs.read":
                    throw new java.nio.file.NoSuchFileException("/nope");
                case "ui.tree":
                    throw OpendeskException.capabilityUnsupported(Capability.UI_TREE, "local/linux");
                case "bad.arg":
                    throw new IllegalArgumentException("x must be positive");
                default:
                    throw new IllegalStateException();
            }
        }, (m, p, s) -> { }))[0];
        assertThatThrownBy(() -> client.call("fs.read", Map.of()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("/nope");
        assertThatThrownBy(() -> client.call("ui.tree", Map.of()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
                    assertThat(e.details()).containsEntry("capability", "ui.tree").containsEntry("backend", "local/linux");
                })
                .hasMessage("Capability 'ui.tree' is not supported by backend local/linux.");
        assertThatThrownBy(() -> client.call("bad.arg", Map.of()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> client.call("other", Map.of()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessage("IllegalStateException");
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void streamsDeliverEveryItemThenEnd() throws Exception {
        Peer client = connect(handler((m, p) -> null, (method, params, sink) -> {
            for (long i = 0; i < 5; i++) {
                sink.emit(map("i", i));
            }
        }))[0];
        try (EventStream<Map<String, @Nullable Object>> stream = client.stream("test.count", Map.of())) {
            for (long i = 0; i < 5; i++) {
                assertThat(stream.next()).containsEntry("i", i);
            }
            assertThatThrownBy(stream::next).isInstanceOf(NoSuchElementException.class);
            assertThat(stream.isOpen()).isFalse();
        }
    }

    @Test
    void aStreamThatFailsEndsWithItsError() throws Exception {
        Peer client = connect(handler((m, p) -> null, (method, params, sink) -> {
            sink.emit(map("i", 0L));
            throw new OpendeskException(ErrorCode.PERMISSION_DENIED, "no frames for you");
        }))[0];
        try (EventStream<Map<String, @Nullable Object>> stream = client.stream("display.subscribe", Map.of())) {
            assertThat(stream.next()).containsEntry("i", 0L);
            assertThatThrownBy(stream::next)
                    .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED));
        }
    }

    @Test
    void closingAStreamCancelsTheHandlerAndTheSessionGoesOn() throws Exception {
        CountDownLatch handlerStopped = new CountDownLatch(1);
        Peer client = connect(handler((m, p) -> map("ok", true), (method, params, sink) -> {
            try {
                for (long i = 0; ; i++) {
                    sink.emit(map("i", i));
                    Thread.sleep(5);
                }
            } finally {
                handlerStopped.countDown();
            }
        }))[0];
        EventStream<Map<String, @Nullable Object>> stream = client.stream("display.subscribe", Map.of());
        for (long i = 0; i < 3; i++) {
            assertThat(stream.next()).containsEntry("i", i);
        }
        stream.close();
        assertThat(handlerStopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(stream::next).isInstanceOf(NoSuchElementException.class);
        assertThat(client.call("still.there", Map.of())).containsEntry("ok", true);
    }

    @Test
    void aCancelledUnaryCallIsAnsweredCancelledAndItsHandlerInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Peer client = connect(handler((method, params) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return null;
        }, (m, p, s) -> { }))[0];
        assertThatThrownBy(() -> client.call("slow", Map.of(), Duration.ofMillis(100)))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRunningHandlerNeverStopsReadingAndALateCancelLeavesNoInterruptBehind() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(1);
        Peer client = connect(handler((method, params) -> {
            if (method.equals("block")) {
                blocking.countDown();
                boolean interrupted = false;
                while (true) { // ignores interrupts, so a CANCEL's interrupt is still pending on return
                    try {
                        release.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }
            return map("interrupted", Thread.currentThread().isInterrupted());
        }, (m, p, s) -> { }))[0];

        CompletableFuture<Object> blocked = CompletableFuture.supplyAsync(() -> client.call("block", Map.of(), Duration.ofMillis(300)));
        assertThat(blocking.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(client.call("check", Map.of())).containsEntry("interrupted", false); // served while "block" runs
        assertThatThrownBy(() -> blocked.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OpendeskException.class);
        release.countDown();
        Thread.sleep(50);
        for (int i = 0; i < 20; i++) {
            assertThat(client.call("check", Map.of())).containsEntry("interrupted", false);
        }
    }

    @Test
    void onTheWireACancelGetsOneFinalCancelledResponseWithItemsSentSoFar() throws Exception {
        PipeConnections.Pipe[] pipes = PipeConnections.pair();
        CountDownLatch twoSent = new CountDownLatch(2);
        CompletableFuture<Peer> server = CompletableFuture.supplyAsync(() -> Peer.open(pipes[1], Frame.Hello.server(Map.of()),
                handler((m, p) -> null, (method, params, sink) -> {
                    sink.emit(map("i", 0L));
                    twoSent.countDown();
                    sink.emit(map("i", 1L));
                    twoSent.countDown();
                    Thread.sleep(60_000);
                }), PeerOptions.DEFAULTS));
        PipeConnections.Pipe raw = pipes[0];
        raw.send(FrameCodec.encode(Frame.Hello.client()));
        assertThat(FrameCodec.decode(raw.receive())).isInstanceOf(Frame.Hello.class);
        toClose.add(server.get(5, TimeUnit.SECONDS));

        raw.send(FrameCodec.encode(new Frame.Request(1, "display.subscribe", true, Map.of())));
        assertThat(FrameCodec.decode(raw.receive())).isEqualTo(new Frame.Response(1, 0, false, map("i", 0L), null));
        assertThat(FrameCodec.decode(raw.receive())).isEqualTo(new Frame.Response(1, 1, false, map("i", 1L), null));
        assertThat(twoSent.await(5, TimeUnit.SECONDS)).isTrue();
        raw.send(FrameCodec.encode(new Frame.Cancel(1, Frame.Cancel.CALLER_CANCELLED)));
        assertThat(FrameCodec.decode(raw.receive())).isEqualTo(Frame.Response.failure(1, 2, ErrorInfo.cancelled()));
        raw.send(FrameCodec.encode(new Frame.Cancel(1, "again"))); // a cancel for a finished call is ignored
        raw.send(FrameCodec.encode(new Frame.Cancel(99, "unknown"))); // and so is one for an unknown id
        assertThat(raw.receive(Duration.ofMillis(200))).isEmpty();
        assertThat(raw.isOpen()).isTrue();
    }

    @Test
    void pushesReachTheirTopicHandlerAndUnknownTopicsAreIgnored() throws Exception {
        Peer[] peers = connect(null);
        CompletableFuture<Map<String, @Nullable Object>> evicted = new CompletableFuture<>();
        peers[0].onPush(Frame.Push.SESSION_EVICTED, evicted::complete);
        peers[1].push("some.future.topic", map("x", 1L));
        peers[1].push(Frame.Push.SESSION_EVICTED, map("reason", "admin_disconnect"));
        assertThat(evicted.get(5, TimeUnit.SECONDS)).containsEntry("reason", "admin_disconnect");
        assertThat(peers[0].isOpen()).isTrue();
    }

    @Test
    void aDroppedConnectionFailsEveryCallInFlightAndInterruptsHandlers() throws Exception {
        CountDownLatch running = new CountDownLatch(3);
        CountDownLatch interrupted = new CountDownLatch(3);
        Peer[] peers = connect(handler((method, params) -> {
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return null;
        }, (m, p, s) -> { }));
        Peer client = peers[0];
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> client.call("slow", Map.of())));
        }
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        peers[1].close();
        for (CompletableFuture<Object> call : calls) {
            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OpendeskException.class)
                    .cause().satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.PROTOCOL))
                    .hasMessageContaining("closed");
        }
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(client.closure().get(5, TimeUnit.SECONDS).code()).isEqualTo(ErrorCode.PROTOCOL);
        assertThat(client.isOpen()).isFalse();
        assertThatThrownBy(() -> client.call("after", Map.of()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL));
    }

    @Test
    void closeListenersOfADroppedSessionRunUninterrupted() throws Exception {
        Peer[] peers = connect(null);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        peers[0].onClose(reason -> interrupted.complete(Thread.currentThread().isInterrupted()));

        peers[1].close();

        assertThat(interrupted.get(5, TimeUnit.SECONDS)).isFalse(); // e.g. an audit write would fail if interrupted
    }

    @Test
    void aBadFrameClosesThatConnectionWithAClearReason() throws Exception {
        PipeConnections.Pipe[] pipes = PipeConnections.pair();
        CompletableFuture<Peer> server = CompletableFuture.supplyAsync(() ->
                Peer.open(pipes[1], Frame.Hello.server(Map.of()), null, PeerOptions.DEFAULTS));
        PipeConnections.Pipe raw = pipes[0];
        raw.send(FrameCodec.encode(Frame.Hello.client()));
        raw.receive();
        Peer peer = server.get(5, TimeUnit.SECONDS);
        toClose.add(peer);
        raw.send(new byte[] {(byte) 0xc1, 0x00, 0x13});
        OpendeskException reason = peer.closure().get(5, TimeUnit.SECONDS);
        assertThat(reason.code()).isEqualTo(ErrorCode.PROTOCOL);
        assertThat(raw.isOpen()).isFalse();
    }

    @Test
    void anOversizedMessageClosesTheConnection() throws Exception {
        PipeConnections.Pipe[] pipes = PipeConnections.pair();
        CompletableFuture<Peer> server = CompletableFuture.supplyAsync(() ->
                Peer.open(pipes[1], Frame.Hello.server(Map.of()), null, new PeerOptions(Duration.ofSeconds(5), 1024)));
        PipeConnections.Pipe raw = pipes[0];
        raw.send(FrameCodec.encode(Frame.Hello.client()));
        raw.receive();
        Peer peer = server.get(5, TimeUnit.SECONDS);
        toClose.add(peer);
        raw.send(new byte[2048]);
        assertThat(peer.closure().get(5, TimeUnit.SECONDS)).hasMessageContaining("exceeds the limit of 1024");
    }

    @Test
    void helloRulesAreEnforced() throws Exception {
        // first frame not a HELLO
        PipeConnections.Pipe[] pipes = PipeConnections.pair();
        pipes[1].send(FrameCodec.encode(new Frame.Request(1, "display.capture", false, Map.of())));
        assertThatThrownBy(() -> Peer.open(pipes[0], Frame.Hello.client(), null, PeerOptions.DEFAULTS))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL))
                .hasMessageContaining("HELLO");
        assertThat(pipes[0].isOpen()).isFalse();

        // a busy server
        PipeConnections.Pipe[] busy = PipeConnections.pair();
        busy[1].send(FrameCodec.encode(Frame.Hello.rejection(ErrorInfo.of(ErrorCode.BUSY, "server is busy"))));
        assertThatThrownBy(() -> Peer.open(busy[0], Frame.Hello.client(), null, PeerOptions.DEFAULTS))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUSY))
                .hasMessage("server is busy");

        // silence
        PipeConnections.Pipe[] silent = PipeConnections.pair();
        assertThatThrownBy(() -> Peer.open(silent[0], Frame.Hello.client(), null, new PeerOptions(Duration.ofMillis(100), 1024)))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL))
                .hasMessageContaining("no HELLO within 100 ms");

        // closed first
        PipeConnections.Pipe[] closing = PipeConnections.pair();
        closing[1].close();
        assertThatThrownBy(() -> Peer.open(closing[0], Frame.Hello.client(), null, PeerOptions.DEFAULTS))
                .isInstanceOf(OpendeskException.class);
    }
}
