package dev.opendesk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

final class EncryptedConnectionTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionKeys keys = new SessionKeys(random(32), random(32));
    private final MemoryConnections.Pair pair = MemoryConnections.pair();
    private final EncryptedConnection client = new EncryptedConnection(pair.client(), keys, Side.CLIENT);
    private final EncryptedConnection server = new EncryptedConnection(pair.server(), keys, Side.SERVER);

    @Test
    void roundTripsBothWays() {
        for (int size : new int[] {0, 1, 15, 16, 17, 1000, 1 << 20}) {
            byte[] message = random(size);
            client.send(message);
            assertThat(pair.client().sent.get(pair.client().sent.size() - 1)).hasSize(size + 16);
            assertThat(server.receive()).isEqualTo(message);
            server.send(message);
            assertThat(client.receive(Duration.ofSeconds(1))).hasValue(message);
        }
        assertThat(client.receive(Duration.ofMillis(20))).isEmpty();
        assertThat(client.isOpen()).isTrue();
        assertThat(client.remoteAddress()).isEqualTo("memory:server");
    }

    @Test
    void directionsUseDifferentKeys() {
        client.send(new byte[] {1, 2, 3});
        server.send(new byte[] {1, 2, 3});
        assertThat(pair.client().sent.get(0)).isNotEqualTo(pair.server().sent.get(0));
    }

    @Test
    void tamperedBitClosesAndFails() {
        client.send(new byte[] {1, 2, 3});
        byte[] sealed = pair.client().sent.get(0);
        for (int bit = 0; bit < sealed.length * 8; bit += 7) {
            MemoryConnections.Pair fresh = MemoryConnections.pair();
            EncryptedConnection receiver = new EncryptedConnection(fresh.server(), keys, Side.SERVER);
            byte[] flipped = sealed.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            fresh.server().inject(flipped);
            assertProtocol(receiver::receive);
            assertThat(fresh.server().isOpen()).isFalse();
            assertThat(fresh.client().isOpen()).isFalse();
        }
    }

    @Test
    void replayFails() {
        client.send(new byte[] {9});
        byte[] first = pair.client().sent.get(0);
        assertThat(server.receive()).containsExactly(9);
        pair.server().inject(first);
        assertProtocol(server::receive);
        assertThat(server.isOpen()).isFalse();
    }

    @Test
    void reorderFails() {
        MemoryConnections.Pair sink = MemoryConnections.pair();
        EncryptedConnection sender = new EncryptedConnection(sink.client(), keys, Side.CLIENT);
        sender.send(new byte[] {1});
        sender.send(new byte[] {2});
        pair.server().inject(sink.client().sent.get(1));
        pair.server().inject(sink.client().sent.get(0));
        assertProtocol(() -> server.receive(Duration.ofSeconds(1)));
        assertThat(pair.server().isOpen()).isFalse();
    }

    @Test
    void droppedMessageFailsTheNext() {
        MemoryConnections.Pair sink = MemoryConnections.pair();
        EncryptedConnection sender = new EncryptedConnection(sink.client(), keys, Side.CLIENT);
        sender.send(new byte[] {1});
        sender.send(new byte[] {2});
        pair.server().inject(sink.client().sent.get(1));
        assertProtocol(server::receive);
    }

    @Test
    void wrongKeyOrWrongSideFails() {
        EncryptedConnection wrongSide = new EncryptedConnection(pair.server(), keys, Side.CLIENT);
        client.send(new byte[] {1});
        assertProtocol(wrongSide::receive);
    }

    @Test
    void tooShortMessageFails() {
        pair.server().inject(new byte[15]);
        assertProtocol(server::receive);
    }

    @Test
    void concurrentSendersKeepCountersConsistent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        client.send(new byte[] {(byte) id, (byte) i});
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 1600; i++) {
            assertThat(server.receive()).hasSize(2);
        }
    }

    @Test
    void closeClosesTheInnerConnection() {
        client.close();
        assertThat(pair.client().isOpen()).isFalse();
        assertThat(server.isOpen()).isFalse();
        assertProtocol(() -> client.send(new byte[1]));
        assertProtocol(server::receive);
    }

    private static void assertProtocol(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OpendeskException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
