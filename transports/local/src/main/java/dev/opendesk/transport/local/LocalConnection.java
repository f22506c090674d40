package dev.opendesk.transport.local;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** One end of an in-process connection. Messages are copied on send, so neither side aliases the other's buffers. */
final class LocalConnection implements Connection {
    private static final byte[] CLOSED = new byte[0];

    private final BlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String remoteAddress;
    private LocalConnection other;

    private LocalConnection(String remoteAddress) {
        this.remoteAddress = remoteAddress;
        this.other = this;
    }

    /** Two linked ends: [0] is the dialer's, [1] the listener's. */
    static LocalConnection[] pair(String clientAddress, String serverAddress) {
        LocalConnection client = new LocalConnection(serverAddress);
        LocalConnection server = new LocalConnection(clientAddress);
        client.other = server;
        server.other = client;
        return new LocalConnection[] {client, server};
    }

    @Override
    public void send(byte[] message) {
        if (closed.get() || other.closed.get()) {
            throw closedError();
        }
        other.inbox.add(message.clone());
    }

    @Override
    public byte[] receive() {
        try {
            return unwrap(inbox.take());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpendeskException(ErrorCode.CANCELLED, "interrupted while receiving", e);
        }
    }

    @Override
    public Optional<byte[]> receive(Duration timeout) {
        try {
            byte[] message = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return message == null ? Optional.empty() : Optional.of(unwrap(message));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpendeskException(ErrorCode.CANCELLED, "interrupted while receiving", e);
        }
    }

    private byte[] unwrap(byte[] message) {
        if (message == CLOSED) {
            inbox.add(CLOSED); // keep later receivers failing too
            throw closedError();
        }
        return message;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isOpen() {
        return !closed.get() && !other.closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            inbox.add(CLOSED);
            other.inbox.add(CLOSED);
        }
    }

    private static OpendeskException closedError() {
        return new OpendeskException(ErrorCode.PROTOCOL, "connection closed");
    }
}
