package dev.opendesk.core.auth;

import dev.opendesk.core.transport.Connection;
import java.time.Duration;
import java.util.Optional;

/** Sends and receives whole handshake messages with the timeout; turns every transport fault into {@link AuthFailure}. */
final class HandshakeChannel {
    private final Connection connection;
    private final Duration timeout;

    HandshakeChannel(Connection connection, HandshakeSettings settings) {
        this.connection = connection;
        this.timeout = settings.timeout();
    }

    void send(byte[] message, String kind) {
        try {
            connection.send(message);
        } catch (RuntimeException e) {
            throw new AuthFailure(AuthFailure.Reason.PROTOCOL, "connection closed while sending " + kind, e);
        }
    }

    byte[] receive(String expectedKind) {
        Optional<byte[]> message;
        try {
            message = connection.receive(timeout);
        } catch (RuntimeException e) {
            throw new AuthFailure(AuthFailure.Reason.PROTOCOL, "peer closed before " + expectedKind, e);
        }
        if (message.isEmpty()) {
            throw AuthFailure.protocol("handshake timed out waiting for " + expectedKind);
        }
        return message.get();
    }

    void closeQuietly() {
        try {
            connection.close();
        } catch (RuntimeException ignored) {
            // already failing
        }
    }
}
