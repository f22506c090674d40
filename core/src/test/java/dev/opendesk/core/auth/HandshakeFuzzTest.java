package dev.opendesk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Random and mutated handshake messages: only {@link AuthFailure} may ever come out, and nothing hangs. */
final class HandshakeFuzzTest {
    private static final int MESSAGES = 100_000;
    private static final long SEED = 0x6f70656e6465736bL;
    private static final byte[] E = X25519.publicKey(Bytes.repeat(0x33, 32));
    private static final byte[] S = X25519.publicKey(Bytes.repeat(0x11, 32));
    private static final byte[] INTERESTING = {
        0x00, 0x01, 0x7f, (byte) 0x80, (byte) 0x8f, (byte) 0x90, (byte) 0x9f, (byte) 0xa0, (byte) 0xbf, (byte) 0xc0,
        (byte) 0xc1, (byte) 0xc2, (byte) 0xc3, (byte) 0xc4, (byte) 0xc5, (byte) 0xc6, (byte) 0xc7, (byte) 0xc9,
        (byte) 0xca, (byte) 0xcb, (byte) 0xcc, (byte) 0xcf, (byte) 0xd3, (byte) 0xd4, (byte) 0xd8, (byte) 0xd9,
        (byte) 0xda, (byte) 0xdb, (byte) 0xdc, (byte) 0xdd, (byte) 0xde, (byte) 0xdf, (byte) 0xe0, (byte) 0xff,
    };
    private static final List<Function<byte[], ?>> PARSERS = List.of(
            HandshakeCodec::parsePairHello, HandshakeCodec::parsePairOffer, HandshakeCodec::parsePairFinish,
            HandshakeCodec::parseAuthHello, HandshakeCodec::parseAuthOffer);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void parsersOnlyEverThrowAuthFailure() throws IOException {
        Random random = new Random(SEED);
        byte[][] valid = {
            HandshakeCodec.pairHello(E), HandshakeCodec.pairOffer(E, new byte[48]), HandshakeCodec.pairFinish(new byte[48]),
            HandshakeCodec.authHello(E, S), HandshakeCodec.authOffer(E, new byte[18]),
        };
        int accepted = 0;
        for (int i = 0; i < MESSAGES; i++) {
            byte[] message = switch (i % 4) {
                case 0 -> randomBytes(random);
                case 1 -> mutate(random, valid[random.nextInt(valid.length)]);
                case 2 -> randomMap(random);
                default -> mutate(random, randomMap(random));
            };
            for (Function<byte[], ?> parser : PARSERS) {
                try {
                    parser.apply(message);
                    accepted++;
                } catch (AuthFailure expected) {
                    assertThat(expected.reason()).isEqualTo(AuthFailure.Reason.PROTOCOL);
                } catch (Throwable t) {
                    fail("parser threw " + t + " for " + Bytes.hex(message), t);
                }
            }
        }
        assertThat(accepted).as("some generated messages are valid").isPositive();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void deepNestingAndHugeDeclaredSizes() {
        byte[] deep = new byte[200_000];
        java.util.Arrays.fill(deep, (byte) 0x91);
        byte[] prefix = Bytes.hex("83a17601a46b696e64aa706169725f68656c6c6fa165");
        byte[][] cases = {
            HandshakeCrypto.concat(prefix, deep, new byte[] {1}),
            HandshakeCrypto.concat(Bytes.hex("81a178"), deep),
            Bytes.hex("dfffffffff"),
            Bytes.hex("ddffffffff"),
            HandshakeCrypto.concat(prefix, Bytes.hex("dbffffffff")),
            HandshakeCrypto.concat(prefix, Bytes.hex("c9ffffffff01")),
            HandshakeCrypto.concat(Bytes.hex("81a178dd7fffffff"), new byte[64]),
        };
        for (byte[] message : cases) {
            for (Function<byte[], ?> parser : PARSERS) {
                try {
                    parser.apply(message);
                    fail("accepted " + Bytes.hex(message));
                } catch (AuthFailure expected) {
                    // fine
                } catch (Throwable t) {
                    fail("parser threw " + t, t);
                }
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fullHandshakesOnFuzzedMessages() throws IOException {
        Random random = new Random(SEED + 1);
        Identity identity = Identity.fromPrivateKey(Bytes.repeat(0x11, 32));
        Psk psk = Psk.of(Bytes.repeat(0x77, 32));
        HandshakeSettings settings = HandshakeSettings.defaults().withTimeout(Duration.ofMillis(1));
        byte[][] valid = {
            HandshakeCodec.pairHello(E), HandshakeCodec.pairOffer(E, new byte[48]), HandshakeCodec.pairFinish(new byte[48]),
            HandshakeCodec.authHello(E, S), HandshakeCodec.authOffer(E, new byte[18]),
        };
        for (int i = 0; i < 1_500; i++) {
            byte[] first = i % 3 == 0 ? randomMap(random) : mutate(random, valid[random.nextInt(valid.length)]);
            byte[] second = mutate(random, valid[random.nextInt(valid.length)]);
            boolean pairing = random.nextBoolean();
            boolean trusted = random.nextBoolean();
            expectOnlyAuthFailure(first, () -> new ServerHandshake(identity, () -> pairing ? Optional.of(psk) : Optional.empty(),
                    k -> trusted, settings).accept(new ScriptedConnection(first, second)));
            expectOnlyAuthFailure(first, () -> PairingHandshake.client(new ScriptedConnection(first, second), psk, identity,
                    settings));
            expectOnlyAuthFailure(first, () -> AuthHandshake.client(new ScriptedConnection(first, second), identity, S,
                    settings));
        }
    }

    private static void expectOnlyAuthFailure(byte[] input, Runnable handshake) {
        try {
            handshake.run();
        } catch (AuthFailure expected) {
            // fine
        } catch (Throwable t) {
            fail("handshake threw " + t + " for " + Bytes.hex(input), t);
        }
    }

    // ------------------------------------------------------------------ generators

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(100)];
        random.nextBytes(b);
        if (b.length > 0 && random.nextBoolean()) {
            b[0] = (byte) (0x80 | random.nextInt(16)); // often start like a fixmap
        }
        return b;
    }

    private static byte[] mutate(Random random, byte[] input) {
        byte[] b = input.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (b.length > 0) {
                        int pos = random.nextInt(b.length);
                        b[pos] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> {
                    if (b.length > 0) {
                        b[random.nextInt(b.length)] = INTERESTING[random.nextInt(INTERESTING.length)];
                    }
                }
                case 2 -> b = java.util.Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
                case 3 -> {
                    int pos = random.nextInt(b.length + 1);
                    byte[] extra = new byte[1 + random.nextInt(4)];
                    random.nextBytes(extra);
                    b = HandshakeCrypto.concat(java.util.Arrays.copyOf(b, pos), extra,
                            java.util.Arrays.copyOfRange(b, pos, b.length));
                }
                case 4 -> b = HandshakeCrypto.concat(b, java.util.Arrays.copyOf(b, random.nextInt(b.length + 1)));
                default -> {
                    if (b.length > 1) {
                        int pos = random.nextInt(b.length);
                        b = HandshakeCrypto.concat(java.util.Arrays.copyOf(b, pos),
                                java.util.Arrays.copyOfRange(b, Math.min(b.length, pos + 1 + random.nextInt(3)), b.length));
                    }
                }
            }
        }
        return b;
    }

    private static byte[] randomMap(Random random) throws IOException {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            int entries = random.nextInt(7);
            p.packMapHeader(entries);
            String[] kinds = {"pair_hello", "pair_offer", "pair_finish", "auth_hello", "auth_offer", "", "nope"};
            for (int i = 0; i < entries; i++) {
                int k = random.nextInt(9);
                switch (k) {
                    case 0 -> p.packString("v");
                    case 1 -> p.packString("kind");
                    case 2 -> p.packString("e");
                    case 3 -> p.packString("s");
                    case 4 -> p.packString("ct");
                    case 5 -> p.packString("x" + random.nextInt(3));
                    case 6 -> p.packInt(random.nextInt(3));
                    case 7 -> p.packBinaryHeader(1).writePayload(new byte[] {'v'});
                    default -> p.packNil();
                }
                if (k == 0 && random.nextInt(3) > 0) {
                    p.packInt(1);
                } else if (k == 1 && random.nextInt(3) > 0) {
                    p.packString(kinds[random.nextInt(kinds.length)]);
                } else {
                    randomValue(random, p, 0);
                }
            }
            return p.toByteArray();
        }
    }

    private static void randomValue(Random random, MessageBufferPacker p, int depth) throws IOException {
        switch (random.nextInt(depth > 2 ? 9 : 11)) {
            case 0 -> p.packNil();
            case 1 -> p.packBoolean(random.nextBoolean());
            case 2 -> p.packLong(random.nextInt(5) - 2);
            case 3 -> p.packBigInteger(new java.math.BigInteger("18446744073709551615"));
            case 4 -> p.packDouble(random.nextBoolean() ? 1.0 : random.nextDouble());
            case 5 -> p.packString(random.nextBoolean() ? "pair_hello" : "\u00e9\u20ac" + random.nextInt());
            case 6, 7 -> {
                int[] lengths = {0, 16, 18, 31, 32, 33, 48, 64, random.nextInt(300)};
                byte[] bin = new byte[lengths[random.nextInt(lengths.length)]];
                random.nextBytes(bin);
                p.packBinaryHeader(bin.length).writePayload(bin);
            }
            case 8 -> p.packExtensionTypeHeader((byte) random.nextInt(5), 4).writePayload(new byte[4]);
            case 9 -> {
                int n = random.nextInt(4);
                p.packArrayHeader(n);
                for (int i = 0; i < n; i++) {
                    randomValue(random, p, depth + 1);
                }
            }
            default -> {
                int n = random.nextInt(3);
                p.packMapHeader(n);
                for (int i = 0; i < 2 * n; i++) {
                    randomValue(random, p, depth + 1);
                }
            }
        }
    }

    /** Delivers scripted messages, then behaves as a silent peer (empty receive). */
    private static final class ScriptedConnection implements Connection {
        private final Deque<byte[]> inbox = new ArrayDeque<>();
        private boolean open = true;

        ScriptedConnection(byte[]... messages) {
            for (byte[] m : messages) {
                inbox.add(m);
            }
        }

        @Override
        public void send(byte[] message) {
            if (!open) {
                throw new OpendeskException(ErrorCode.PROTOCOL, "closed");
            }
        }

        @Override
        public byte[] receive() {
            return receive(Duration.ZERO).orElseThrow(() -> new OpendeskException(ErrorCode.PROTOCOL, "closed"));
        }

        @Override
        public Optional<byte[]> receive(Duration timeout) {
            if (!open) {
                throw new OpendeskException(ErrorCode.PROTOCOL, "closed");
            }
            return Optional.ofNullable(inbox.poll());
        }

        @Override
        public String remoteAddress() {
            return "scripted";
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
