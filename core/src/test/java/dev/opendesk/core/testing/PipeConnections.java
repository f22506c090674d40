package dev.opendesk.core.testing;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.MessageInbox;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Two linked in-memory connections for tests of the protocol layer (core cannot see the transport plugins). */
public final class PipeConnections {
    private PipeConnections() {
    }

    /** [0] is the client end, [1] the server end. */
    public static Pipe[] pair() {
        Pipe client = new Pipe("server:1");
        Pipe server = new Pipe("client:2");
        client.other = server;
        server.other = client;
        return new Pipe[] {client, server};
    }

    public static final class Pipe implements Connection {
        private final MessageInbox inbox = new MessageInbox();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final String remote;
        private Pipe other;

        Pipe(String remote) {
            this.remote = remote;
            this.other = this;
        }

        @Override
        public void send(byte[] message) {
            if (closed.get() || other.closed.get()) {
                throw new OpendeskException(ErrorCode.PROTOCOL, "connection closed");
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
            return remote;
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
    }
}
