package dev.opendesk.transport.websocket;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.MessageInbox;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * One WebSocket as a {@link Connection}: each binary message is one protocol message (protocol §1).
 * A text message is a protocol violation and closes the connection; so does a message over the
 * size limit. Keep-alive pings go out every 20 s and a missing pong closes the connection after
 * another 20 s, as the reference's WebSocket library does.
 */
final class WebSocketConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);

    private final WebSocketChannel channel;
    private final long maxMessageBytes;
    private final String remoteAddress;
    /**
     * Received messages a receiver has not taken yet may hold this many bytes before the
     * connection stops reading from the socket (and TCP pushes back on the sender) until they are
     * half drained: a controller slower than the host's stream holds a bounded backlog.
     */
    static final long INBOX_HIGH_WATER_BYTES = 8L << 20;

    private final MessageInbox inbox;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object sendLock = new Object();
    private volatile long pingSentAt;
    private volatile long pongSeenAt = System.nanoTime();

    private final boolean clientSide;

    /**
     * @param clientSide whether we dialed: client frames are masked, and Undertow masks the
     *     payload in place, so a client sends a copy to leave the caller's bytes untouched
     */
    WebSocketConnection(WebSocketChannel channel, long maxMessageBytes, boolean clientSide) {
        this.channel = channel;
        this.clientSide = clientSide;
        this.maxMessageBytes = maxMessageBytes;
        this.remoteAddress = format(channel.getSourceAddress());
        this.inbox = new MessageInbox(INBOX_HIGH_WATER_BYTES, channel::suspendReceives, channel::resumeReceives);
    }

    /** Starts receiving; call once, right after the channel is open. */
    void start() {
        channel.getReceiveSetter().set(new Receiver());
        channel.addCloseTask(ch -> markClosed("connection closed by peer"));
        channel.resumeReceives();
    }

    @Override
    public void send(byte[] message) {
        synchronized (sendLock) {
            if (closed.get() || !channel.isOpen()) {
                throw new OpendeskException(ErrorCode.PROTOCOL, inbox.closeReason());
            }
            try {
                WebSockets.sendBinaryBlocking(ByteBuffer.wrap(clientSide ? message.clone() : message), channel);
            } catch (IOException e) {
                markClosed("send failed: " + e.getMessage());
                IoUtils.safeClose(channel);
                throw new OpendeskException(ErrorCode.PROTOCOL, inbox.closeReason(), e);
            }
        }
    }

    @Override
    public byte[] receive() {
        return inbox.take();
    }

    @Override
    public Optional<byte[]> receive(Duration timeout) {
        return inbox.poll(timeout);
    }

    /** Bytes received and not yet taken by a receiver. */
    long queuedBytes() {
        return inbox.queuedBytes();
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isOpen() {
        return !closed.get() && channel.isOpen();
    }

    @Override
    public void close() {
        if (markClosed("connection closed")) {
            WebSockets.sendClose(CloseMessage.NORMAL_CLOSURE, "", channel, null);
            channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), 2, TimeUnit.SECONDS);
        }
    }

    /** Sends a keep-alive ping, or closes the connection when the last one was not answered in time. */
    void keepAlive(Duration interval, Duration pongTimeout) {
        if (closed.get()) {
            return;
        }
        long now = System.nanoTime();
        if (inbox.isPaused()) {
            // not reading (the receiver is behind): no pong can arrive, and the backlog proves the
            // peer alive; start a fresh ping cycle once reading resumes
            pingSentAt = 0;
            pongSeenAt = now;
            return;
        }
        if (pingSentAt != 0 && pongSeenAt < pingSentAt && now - pingSentAt > pongTimeout.toNanos()) {
            LOG.warn("closing the connection to {}: no pong within {} s", remoteAddress, pongTimeout.toSeconds());
            abort("no pong within " + pongTimeout.toSeconds() + " s");
            return;
        }
        if (pingSentAt == 0 || pongSeenAt >= pingSentAt) {
            pingSentAt = now;
            WebSockets.sendPing(ByteBuffer.allocate(0), channel, null);
        }
    }

    private void abort(String reason) {
        if (markClosed(reason)) {
            IoUtils.safeClose(channel);
        }
    }

    private boolean markClosed(String reason) {
        if (closed.compareAndSet(false, true)) {
            inbox.close(reason);
            return true;
        }
        return false;
    }

    private static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return "?";
    }

    private final class Receiver extends AbstractReceiveListener {
        @Override
        protected long getMaxBinaryBufferSize() {
            return maxMessageBytes;
        }

        @Override
        protected long getMaxTextBufferSize() {
            return 1024;
        }

        @Override
        protected void onFullBinaryMessage(WebSocketChannel ch, BufferedBinaryMessage message) {
            var data = message.getData();
            try {
                ByteBuffer[] buffers = data.getResource();
                long total = 0;
                for (ByteBuffer buffer : buffers) {
                    total += buffer.remaining();
                }
                byte[] bytes = new byte[(int) total];
                int offset = 0;
                for (ByteBuffer buffer : buffers) {
                    int length = buffer.remaining();
                    buffer.get(bytes, offset, length);
                    offset += length;
                }
                inbox.put(bytes);
            } finally {
                data.free();
            }
        }

        @Override
        protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
            LOG.warn("closing the connection to {}: a text message is a protocol violation", remoteAddress);
            abort("protocol violation: text message");
        }

        @Override
        protected void onFullPongMessage(WebSocketChannel ch, BufferedBinaryMessage message) {
            message.getData().free();
            pongSeenAt = System.nanoTime();
        }

        @Override
        protected void onCloseMessage(CloseMessage message, WebSocketChannel ch) {
            markClosed("connection closed by peer");
        }

        @Override
        protected void onError(WebSocketChannel ch, Throwable error) {
            String text = String.valueOf(error.getMessage());
            String reason = text.contains("exceeded max message size") || text.contains("too large")
                    ? "message exceeds the limit of " + maxMessageBytes + " bytes" : "connection error: " + error;
            LOG.warn("closing the connection to {}: {}", remoteAddress, reason);
            abort(reason);
            super.onError(ch, error);
        }
    }
}
