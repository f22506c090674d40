package dev.opendesk.core.protocol;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One side of an opendesk session after the handshake (protocol §7): exchanges HELLOs, then
 * multiplexes unary calls, streams, cancels and pushes over one {@link Connection}.
 *
 * <ul>
 *   <li>Outbound calls take ids from 1 upwards; responses are matched by id, in any order.</li>
 *   <li>Inbound requests each run on their own worker thread, concurrently; a CANCEL interrupts
 *       the worker and answers with the final {@code cancelled} RES (for streams {@code seq} =
 *       items sent). Exactly one final frame is sent per call. The thread that read a request
 *       serves it and hands reading on to a pooled thread (leader/follower), so a request waits
 *       for no thread hand-off before its handler runs.</li>
 *   <li>A frame that does not decode, or a message over the size limit, closes the connection:
 *       every call in flight fails with a {@code protocol} error saying why, and running
 *       handlers are interrupted.</li>
 *   <li>Push handlers run on the reader thread, in arrival order: keep them short.</li>
 * </ul>
 */
public final class Peer implements WireCaller, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Peer.class);
    private static final AtomicInteger PEER_NUMBERS = new AtomicInteger();

    private final Connection connection;
    private final @Nullable RequestHandler handler;
    private final PeerOptions options;
    private final int number = PEER_NUMBERS.incrementAndGet();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, OutboundCall> outbound = new ConcurrentHashMap<>();
    private final Map<Long, InboundCall> inbound = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Map<String, @Nullable Object>>> pushHandlers = new ConcurrentHashMap<>();
    private final Object sendLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<OpendeskException> closure = new CompletableFuture<>();
    private final ExecutorService workers;
    private volatile Frame.Hello remoteHello;

    private Peer(Connection connection, @Nullable RequestHandler handler, PeerOptions options, Frame.Hello remoteHello) {
        this.connection = connection;
        this.handler = handler;
        this.options = options;
        this.remoteHello = remoteHello;
        this.workers = Executors.newCachedThreadPool(daemonThreads("opendesk-peer-" + number + "-worker"));
    }

    /**
     * Sends our HELLO, waits for theirs, and starts serving the connection.
     *
     * @param handler serves inbound requests; null answers each with {@code internal}
     *     "no dispatcher registered", as a Python client does
     * @throws OpendeskException {@code protocol} when the first frame is not a HELLO or the
     *     connection closes or stays silent first; the HELLO's own error (e.g. {@code busy})
     *     when the other side refused the session. The connection is closed in both cases.
     */
    public static Peer open(Connection connection, Frame.Hello hello, @Nullable RequestHandler handler, PeerOptions options) {
        requireNonNull(connection, "connection is null");
        requireNonNull(hello, "hello is null");
        requireNonNull(options, "options is null");
        Frame.Hello theirs;
        try {
            connection.send(FrameCodec.encode(hello));
            byte[] message;
            try {
                message = connection.receive(options.helloTimeout()).orElseThrow(() -> new OpendeskException(
                        ErrorCode.PROTOCOL, "no HELLO within " + options.helloTimeout().toMillis() + " ms"));
            } catch (OpendeskException e) {
                if (e.code() == ErrorCode.PROTOCOL && !connection.isOpen()) {
                    throw new OpendeskException(ErrorCode.PROTOCOL, "connection closed before HELLO", e);
                }
                throw e;
            }
            Frame first = FrameCodec.decode(message);
            if (!(first instanceof Frame.Hello received)) {
                throw new OpendeskException(ErrorCode.PROTOCOL, "expected a HELLO frame first, got " + first.getClass().getSimpleName());
            }
            theirs = received;
        } catch (OpendeskException e) {
            connection.close();
            throw e;
        }
        if (theirs.error() != null) {
            connection.close();
            throw theirs.error().toException();
        }
        Peer peer = new Peer(connection, handler, options, theirs);
        peer.startReader();
        return peer;
    }

    /** The other side's latest HELLO. */
    public Frame.Hello remoteHello() {
        return remoteHello;
    }

    @Override
    public Map<String, @Nullable Object> serverCapabilities() {
        return remoteHello.capabilities();
    }

    /** The other side's address ({@code ip:port}). */
    public String remoteAddress() {
        return connection.remoteAddress();
    }

    /** Whether the session is still up. */
    public boolean isOpen() {
        return !closed.get();
    }

    /** Completes with the reason once the session is closed (by either side). */
    public CompletableFuture<OpendeskException> closure() {
        return closure;
    }

    /** Runs {@code listener} with the reason once the session closes (at once if it already has). */
    public void onClose(Consumer<OpendeskException> listener) {
        requireNonNull(listener, "listener is null");
        closure.thenAccept(reason -> {
            try {
                listener.accept(reason);
            } catch (RuntimeException e) {
                LOG.warn("close listener failed", e);
            }
        });
    }

    /** Handles PUSH frames of one topic (replacing an earlier handler); other topics are ignored. */
    public void onPush(String topic, Consumer<Map<String, @Nullable Object>> pushHandler) {
        pushHandlers.put(requireNonNull(topic, "topic is null"), requireNonNull(pushHandler, "pushHandler is null"));
    }

    /** Sends a PUSH. */
    public void push(String topic, Map<String, @Nullable Object> payload) {
        send(new Frame.Push(topic, payload));
    }

    /** Makes a unary call and waits for its answer without a time limit. */
    @Override
    public @Nullable Map<String, @Nullable Object> call(String method, Map<String, @Nullable Object> params) {
        return call(method, params, null);
    }

    /**
     * Makes a unary call and waits for its answer.
     *
     * @param timeout null waits forever; on expiry a CANCEL is sent and {@code timeout} thrown
     * @return the result map, or null when the method returns nothing
     * @throws OpendeskException the remote error, {@code protocol} when the connection drops,
     *     {@code cancelled} when the waiting thread is interrupted (a CANCEL is sent)
     */
    public @Nullable Map<String, @Nullable Object> call(String method, Map<String, @Nullable Object> params,
                                                       @Nullable Duration timeout) {
        long id = nextId.getAndIncrement();
        UnaryCall call = new UnaryCall();
        register(id, call);
        try {
            send(new Frame.Request(id, method, false, params));
        } catch (OpendeskException e) {
            outbound.remove(id);
            throw e;
        }
        try {
            return timeout == null ? call.result.get() : call.result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(id);
            throw new OpendeskException(ErrorCode.CANCELLED, "call " + method + " cancelled", e);
        } catch (TimeoutException e) {
            abandon(id);
            throw new OpendeskException(ErrorCode.TIMEOUT, "no answer to " + method + " within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OpendeskException remote) {
                throw new OpendeskException(remote.code(), String.valueOf(remote.getMessage()), remote.details(), remote);
            }
            throw new OpendeskException(ErrorCode.INTERNAL, String.valueOf(cause), cause);
        }
    }

    /**
     * Opens a stream ({@code stream=true}). Closing the returned stream before it ends sends a
     * CANCEL.
     */
    @Override
    public EventStream<Map<String, @Nullable Object>> stream(String method, Map<String, @Nullable Object> params) {
        long id = nextId.getAndIncrement();
        StreamCall call = new StreamCall(id);
        register(id, call);
        try {
            send(new Frame.Request(id, method, true, params));
        } catch (OpendeskException e) {
            outbound.remove(id);
            throw e;
        }
        return call;
    }

    /** Closes the session: calls in flight fail, running handlers are interrupted. Idempotent. */
    @Override
    public void close() {
        shutdown(new OpendeskException(ErrorCode.PROTOCOL, "connection closed"));
    }

    // ---------------------------------------------------------------- outbound plumbing

    private void register(long id, OutboundCall call) {
        if (closed.get()) {
            throw closedError();
        }
        outbound.put(id, call);
        if (closed.get() && outbound.remove(id) != null) { // lost a race with shutdown
            throw closedError();
        }
    }

    private void abandon(long id) {
        if (outbound.remove(id) != null) {
            sendQuietly(new Frame.Cancel(id, Frame.Cancel.CALLER_CANCELLED));
        }
    }

    private OpendeskException closedError() {
        OpendeskException cause = closure.getNow(null);
        String why = cause == null ? "connection closed" : String.valueOf(cause.getMessage());
        return new OpendeskException(ErrorCode.PROTOCOL, why);
    }

    private void send(Frame frame) {
        byte[] bytes = FrameCodec.encode(frame);
        synchronized (sendLock) {
            if (closed.get()) {
                throw closedError();
            }
            connection.send(bytes);
        }
    }

    private void sendQuietly(Frame frame) {
        try {
            send(frame);
        } catch (OpendeskException e) {
            LOG.debug("could not send {}: {}", frame.getClass().getSimpleName(), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- reader

    private void startReader() {
        try {
            workers.execute(this::readLoop);
        } catch (RejectedExecutionException e) {
            shutdown(new OpendeskException(ErrorCode.PROTOCOL, "connection closed"));
        }
    }

    /**
     * Reads and dispatches frames until a request arrives, which this thread then serves after
     * handing reading on to another worker; or until the connection ends.
     */
    private void readLoop() {
        OpendeskException reason;
        try {
            while (true) {
                byte[] message = connection.receive();
                if (message.length > options.maxMessageBytes()) {
                    reason = new OpendeskException(ErrorCode.PROTOCOL, "message of " + message.length
                            + " bytes exceeds the limit of " + options.maxMessageBytes());
                    LOG.warn("closing the connection to {}: {}", connection.remoteAddress(), reason.getMessage());
                    break;
                }
                Frame frame;
                try {
                    frame = FrameCodec.decode(message);
                } catch (OpendeskException e) {
                    reason = new OpendeskException(ErrorCode.PROTOCOL, e.getMessage() == null ? "bad frame" : e.getMessage(), e);
                    LOG.warn("closing the connection to {}: {}", connection.remoteAddress(), reason.getMessage());
                    break;
                }
                if (frame instanceof Frame.Request request) {
                    InboundCall call = new InboundCall(request.id(), request.stream());
                    inbound.put(request.id(), call); // before the next frame is read: a CANCEL finds it
                    try {
                        workers.execute(this::readLoop);
                    } catch (RejectedExecutionException e) {
                        inbound.remove(request.id()); // shutting down
                        return;
                    }
                    serve(call, request);
                    return;
                }
                dispatch(frame);
            }
        } catch (OpendeskException e) {
            reason = closed.get() ? new OpendeskException(ErrorCode.PROTOCOL, "connection closed")
                    : new OpendeskException(ErrorCode.PROTOCOL, "connection closed by peer (" + e.getMessage() + ")", e);
        } catch (RuntimeException | Error e) {
            reason = new OpendeskException(ErrorCode.PROTOCOL, "session failed: " + e, e);
            LOG.error("peer reader failed", e);
        }
        shutdown(reason);
    }

    private void dispatch(Frame frame) {
        if (frame instanceof Frame.Response response) {
            OutboundCall call = outbound.get(response.id());
            if (call != null) {
                call.accept(response);
            }
        } else if (frame instanceof Frame.Cancel cancel) {
            InboundCall call = inbound.get(cancel.id());
            if (call != null) {
                call.cancel();
            }
        } else if (frame instanceof Frame.Push push) {
            Consumer<Map<String, @Nullable Object>> pushHandler = pushHandlers.get(push.topic());
            if (pushHandler != null) {
                try {
                    pushHandler.accept(push.payload());
                } catch (RuntimeException e) {
                    LOG.warn("push handler for {} failed", push.topic(), e);
                }
            } else {
                LOG.debug("ignoring push {}", push.topic());
            }
        } else if (frame instanceof Frame.Hello hello) {
            remoteHello = hello; // a later HELLO silently replaces the stored one (§7.1)
        }
    }

    private void shutdown(OpendeskException reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        connection.close();
        for (Long id : new ArrayList<>(outbound.keySet())) {
            OutboundCall call = outbound.remove(id);
            if (call != null) {
                call.fail(new OpendeskException(ErrorCode.PROTOCOL, String.valueOf(reason.getMessage())));
            }
        }
        for (InboundCall call : new ArrayList<>(inbound.values())) {
            call.abort(); // interrupts its handler
        }
        // no shutdownNow: the reader ends with the connection, and this may be the reader's own
        // thread, which must not be interrupted while it runs the close listeners below
        workers.shutdown();
        closure.complete(reason);
    }

    // ---------------------------------------------------------------- inbound calls

    /** Serves one request on this thread; a CANCEL or the session's end interrupts it meanwhile. */
    private void serve(InboundCall call, Frame.Request request) {
        call.attach(Thread.currentThread());
        try {
            if (call.cancelled || closed.get()) {
                throw new OpendeskException(ErrorCode.CANCELLED, "cancelled before it started");
            }
            if (handler == null) {
                throw new OpendeskException(ErrorCode.INTERNAL, "no dispatcher registered");
            }
            if (request.stream()) {
                handler.handleStream(request.method(), request.params(), call);
                call.finishStream(null);
            } else {
                call.finishUnary(handler.handle(request.method(), request.params()));
            }
        } catch (Throwable failure) {
            if (failure instanceof Error && !(failure instanceof AssertionError)) {
                LOG.error("handler for {} failed", request.method(), failure);
            }
            call.finishWithError(call.cancelled ? ErrorInfo.cancelled() : ErrorMapping.toError(failure));
        } finally {
            call.detach();
            inbound.remove(request.id());
            Thread.interrupted(); // a late CANCEL's interrupt must not reach this worker's next task
        }
    }

    /** A request being served here. Its monitor orders item frames against the final frame. */
    private final class InboundCall implements RequestHandler.StreamSink {
        private final long id;
        private final boolean stream;
        private @Nullable Thread worker;
        private long itemsSent;
        private boolean finished;
        private volatile boolean cancelled;

        InboundCall(long id, boolean stream) {
            this.id = id;
            this.stream = stream;
        }

        /** The handler starts on {@code thread}; interrupted at once if already cancelled. */
        synchronized void attach(Thread thread) {
            worker = thread;
            if (cancelled) {
                thread.interrupt();
            }
        }

        /** The handler is done: no more interrupts. */
        synchronized void detach() {
            worker = null;
        }

        @Override
        public synchronized void emit(Map<String, @Nullable Object> item) {
            if (finished || cancelled) {
                throw new OpendeskException(ErrorCode.CANCELLED, "cancelled");
            }
            if (!stream) {
                throw new IllegalStateException("emit on a unary call");
            }
            send(new Frame.Response(id, itemsSent, false, item, null));
            itemsSent++;
        }

        @Override
        public boolean isCancelled() {
            return cancelled || closed.get();
        }

        synchronized void finishUnary(@Nullable Map<String, @Nullable Object> result) {
            if (finish()) {
                sendQuietly(Frame.Response.success(id, result));
            }
        }

        synchronized void finishStream(@Nullable Map<String, @Nullable Object> ignored) {
            if (finish()) {
                sendQuietly(new Frame.Response(id, itemsSent, true, null, null));
            }
        }

        synchronized void finishWithError(ErrorInfo error) {
            if (finish()) {
                sendQuietly(Frame.Response.failure(id, itemsSent, error));
            }
        }

        /** CANCEL received: answer {@code cancelled} now and interrupt the handler. */
        synchronized void cancel() {
            cancelled = true;
            if (finish()) {
                sendQuietly(Frame.Response.failure(id, itemsSent, ErrorInfo.cancelled()));
            }
            if (worker != null) {
                worker.interrupt();
            }
        }

        /** The session is closing: no more frames, just stop the handler. */
        synchronized void abort() {
            cancelled = true;
            finished = true;
            if (worker != null) {
                worker.interrupt();
            }
        }

        private boolean finish() {
            if (finished) {
                return false;
            }
            finished = true;
            return true;
        }
    }

    // ---------------------------------------------------------------- outbound calls

    private interface OutboundCall {
        void accept(Frame.Response response);

        void fail(OpendeskException error);
    }

    private final class UnaryCall implements OutboundCall {
        final CompletableFuture<@Nullable Map<String, @Nullable Object>> result = new CompletableFuture<>();

        @Override
        public void accept(Frame.Response response) {
            if (!response.end()) {
                return; // a unary call has exactly one frame; ignore stray items
            }
            outbound.remove(response.id());
            if (response.error() != null) {
                result.completeExceptionally(response.error().toException());
            } else {
                result.complete(response.result());
            }
        }

        @Override
        public void fail(OpendeskException error) {
            result.completeExceptionally(error);
        }
    }

    /** Items of an outbound stream, buffered for the consumer. */
    private final class StreamCall implements OutboundCall, EventStream<Map<String, @Nullable Object>> {
        private final long id;
        private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile boolean closedByConsumer;
        private final Object endMarker = new Object();

        StreamCall(long id) {
            this.id = id;
        }

        @Override
        public void accept(Frame.Response response) {
            if (!response.end()) {
                if (response.result() != null) {
                    items.add(response.result());
                }
                return;
            }
            outbound.remove(id);
            if (response.result() != null) {
                items.add(response.result());
            }
            if (response.error() != null) {
                items.add(response.error().toException());
            } else {
                items.add(endMarker);
            }
        }

        @Override
        public void fail(OpendeskException error) {
            items.add(error);
        }

        @Override
        public Map<String, @Nullable Object> next() {
            try {
                return unwrap(items.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpendeskException(ErrorCode.CANCELLED, "interrupted while waiting for a stream item", e);
            }
        }

        @Override
        public Optional<Map<String, @Nullable Object>> poll(Duration timeout) {
            try {
                Object item = items.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
                return item == null ? Optional.empty() : Optional.of(unwrap(item));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpendeskException(ErrorCode.CANCELLED, "interrupted while waiting for a stream item", e);
            }
        }

        @SuppressWarnings("unchecked")
        private Map<String, @Nullable Object> unwrap(Object item) {
            if (item == endMarker || closedByConsumer) {
                ended.set(true);
                items.add(endMarker); // later calls see the end too
                throw new NoSuchElementException("stream ended");
            }
            if (item instanceof OpendeskException error) {
                ended.set(true);
                items.add(endMarker);
                throw new OpendeskException(error.code(), String.valueOf(error.getMessage()), error.details(), error);
            }
            return (Map<String, @Nullable Object>) item;
        }

        @Override
        public boolean isOpen() {
            return !ended.get() && outbound.containsKey(id);
        }

        @Override
        public void close() {
            closedByConsumer = true;
            if (ended.compareAndSet(false, true)) {
                abandon(id);
                items.clear();
                items.add(endMarker);
            }
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
