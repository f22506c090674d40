package dev.opendesk.transport.local;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.MessageInbox;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** One end of an in-process connection. Messages are copied on send, so neither side aliases the other's buffers. */
final class LocalConnection implements Connection {
    private final MessageInbox inbox = new MessageInbox();
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
        other.inbox.put(message.clone());
    }

    @Override
    public byte[] receive() {
        return inbox.take();
    }

    @Override
    public Optional<byte[]> receive(Duration timeout) {
        return inbox.poll(timeout);
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
            inbox.close("connection closed");
            other.inbox.close("connection closed");
        }
    }

    private static OpendeskException closedError() {
        return new OpendeskException(ErrorCode.PROTOCOL, "connection closed");
    }
}
