package dev.opendesk.core.auth;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Two in-memory {@link Connection}s linked by blocking queues; closing either end closes both (like a WebSocket). */
final class MemoryConnections {
    private static final Object CLOSED = new Object();

    private MemoryConnections() {}

    record Pair(End client, End server) {}

    static Pair pair() {
        End a = new End("client");
        End b = new End("server");
        a.peer = b;
        b.peer = a;
        return new Pair(a, b);
    }

    static final class End implements Connection {
        private final String name;
        private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        /** Every message this end sent, in order. */
        final List<byte[]> sent = new CopyOnWriteArrayList<>();
        private volatile boolean closed;
        private End peer;

        End(String name) {
            this.name = name;
        }

        @Override
        public void send(byte[] message) {
            if (closed) {
                throw new OpendeskException(ErrorCode.PROTOCOL, name + " is closed");
            }
            sent.add(message.clone());
            peer.inbox.add(message.clone());
        }

        /** Puts a message in this end's inbox as if the peer had sent it. */
        void inject(byte[] message) {
            inbox.add(message.clone());
        }

        @Override
        public byte[] receive() {
            try {
                return unwrap(inbox.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpendeskException(ErrorCode.PROTOCOL, "interrupted");
            }
        }

        @Override
        public Optional<byte[]> receive(Duration timeout) {
            try {
                Object item = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
                return item == null ? Optional.empty() : Optional.of(unwrap(item));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpendeskException(ErrorCode.PROTOCOL, "interrupted");
            }
        }

        private byte[] unwrap(Object item) {
            if (item == CLOSED) {
                inbox.add(CLOSED);
                throw new OpendeskException(ErrorCode.PROTOCOL, name + ": connection closed");
            }
            return (byte[]) item;
        }

        @Override
        public String remoteAddress() {
            return "memory:" + peer.name;
        }

        @Override
        public boolean isOpen() {
            return !closed;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                inbox.add(CLOSED);
                peer.closeFromPeer();
            }
        }

        private void closeFromPeer() {
            if (!closed) {
                closed = true;
                inbox.add(CLOSED);
            }
        }
    }
}
