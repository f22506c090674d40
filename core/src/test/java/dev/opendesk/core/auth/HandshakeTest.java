package dev.opendesk.core.auth;

import static dev.opendesk.core.auth.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

final class HandshakeTest {
    private static final HandshakeSettings FAST = HandshakeSettings.defaults().withTimeout(Duration.ofSeconds(5));
    private static Psk right;
    private static Psk wrong;

    private final Identity server = Identity.generate();
    private final Identity client = Identity.generate();

    @BeforeAll
    static void derive() {
        right = Psk.derive("123456");
        wrong = Psk.derive("654321");
    }

    // ------------------------------------------------------------------ success

    @Test
    void pairingThenAuthAgreeOnKeys() throws Exception {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        ServerHandshake pairing = new ServerHandshake(server, () -> Optional.of(right), key -> false, FAST);
        CompletableFuture<HandshakeResult> s = async(() -> pairing.accept(pair.server()));
        HandshakeResult c = PairingHandshake.client(pair.client(), right, client, FAST);
        HandshakeResult sr = s.get(10, TimeUnit.SECONDS);
        assertThat(c.kind()).isEqualTo(HandshakeKind.PAIRING);
        assertThat(sr.kind()).isEqualTo(HandshakeKind.PAIRING);
        assertThat(c.side()).isEqualTo(Side.CLIENT);
        assertThat(sr.side()).isEqualTo(Side.SERVER);
        assertThat(c.peerPublicKey()).isEqualTo(server.publicKey());
        assertThat(sr.peerPublicKey()).isEqualTo(client.publicKey());
        assertThat(c.sessionKeys()).isEqualTo(sr.sessionKeys());
        assertThat(c.peerFingerprint()).isEqualTo(server.fingerprint());

        // then a reconnect with the pinned keys
        MemoryConnections.Pair again = MemoryConnections.pair();
        byte[] trustedClient = sr.peerPublicKey();
        ServerHandshake serve = new ServerHandshake(server, Optional::empty, k -> Arrays.equals(k, trustedClient), FAST);
        CompletableFuture<HandshakeResult> s2 = async(() -> serve.accept(again.server()));
        HandshakeResult c2 = AuthHandshake.client(again.client(), client, c.peerPublicKey(), FAST);
        HandshakeResult sr2 = s2.get(10, TimeUnit.SECONDS);
        assertThat(c2.kind()).isEqualTo(HandshakeKind.AUTH);
        assertThat(sr2.kind()).isEqualTo(HandshakeKind.AUTH);
        assertThat(c2.sessionKeys()).isEqualTo(sr2.sessionKeys()).isNotEqualTo(c.sessionKeys());
        assertThat(sr2.peerPublicKey()).isEqualTo(client.publicKey());

        // and the encrypted channel works both ways
        EncryptedConnection ce = c2.encrypt(again.client());
        EncryptedConnection se = sr2.encrypt(again.server());
        ce.send(new byte[] {1, 2, 3});
        assertThat(se.receive()).containsExactly(1, 2, 3);
        se.send(new byte[] {4});
        assertThat(ce.receive()).containsExactly(4);
    }

    @Test
    void pairingWithCodeStringEntryPoints() throws Exception {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        CompletableFuture<HandshakeResult> s = async(() -> PairingHandshake.server(pair.server(), "123456", server));
        HandshakeResult c = PairingHandshake.client(pair.client(), "123456", client);
        assertThat(s.get(10, TimeUnit.SECONDS).sessionKeys()).isEqualTo(c.sessionKeys());
    }

    @Test
    void authEntryPointsWithoutServerHandshake() throws Exception {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        CompletableFuture<HandshakeResult> s = async(() -> AuthHandshake.server(pair.server(), server, k -> true));
        HandshakeResult c = AuthHandshake.client(pair.client(), client, server.publicKey());
        assertThat(s.get(10, TimeUnit.SECONDS).sessionKeys()).isEqualTo(c.sessionKeys());
    }

    // ------------------------------------------------------------------ trust failures

    @Test
    void wrongCode() throws Exception {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        CompletableFuture<Throwable> s = failure(() -> PairingHandshake.server(pair.server(), right, server, FAST));
        assertFailure(() -> PairingHandshake.client(pair.client(), wrong, client, FAST), AuthFailure.Reason.WRONG_CODE);
        assertThat(pair.client().sent).hasSize(1); // never sends pair_finish
        AuthFailure serverFailure = (AuthFailure) s.get(10, TimeUnit.SECONDS);
        assertThat(serverFailure.reason()).isEqualTo(AuthFailure.Reason.PROTOCOL);
        assertThat(serverFailure.getMessage()).contains("peer closed before pair_finish");
        assertThat(pair.server().isOpen()).isFalse();
    }

    @Test
    void serverSeesWrongCodeWhenClientFinishesWithAnotherPsk() throws Exception {
        // a client that ignores its own tag failure and sends pair_finish under the wrong PSK
        MemoryConnections.Pair pair = MemoryConnections.pair();
        CompletableFuture<Throwable> s = failure(() -> PairingHandshake.server(pair.server(), right, server, FAST));
        byte[] eC = X25519.generatePrivateKey();
        pair.client().send(HandshakeCodec.pairHello(X25519.publicKey(eC)));
        HandshakeCodec.PairOffer offer = HandshakeCodec.parsePairOffer(pair.client().receive());
        byte[] ee = X25519.agree(eC, offer.e());
        byte[] k2 = Hkdf.derive(HandshakeCrypto.concat(wrong.bytes(), offer.ct()), ee, HandshakeCrypto.INFO_PAIR_K2, 32);
        pair.client().send(HandshakeCodec.pairFinish(HandshakeCrypto.seal(k2, client.publicKey())));
        assertThat(((AuthFailure) s.get(10, TimeUnit.SECONDS)).reason()).isEqualTo(AuthFailure.Reason.WRONG_CODE);
    }

    @Test
    void untrustedClientGetsTheAmbiguousRejection() throws Exception {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        ServerHandshake serve = new ServerHandshake(server, Optional::empty, k -> false, FAST);
        CompletableFuture<Throwable> s = failure(() -> serve.accept(pair.server()));
        assertFailure(() -> AuthHandshake.client(pair.client(), client, server.publicKey(), FAST),
                AuthFailure.Reason.UNEXPECTED_PEER);
        AuthFailure serverFailure = (AuthFailure) s.get(10, TimeUnit.SECONDS);
        assertThat(serverFailure.reason()).isEqualTo(AuthFailure.Reason.UNTRUSTED_PEER);
        assertThat(serverFailure.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
        byte[] reply = pair.server().sent.get(0);
        assertThat(reply).hasSize(61);
        assertThat(hex(Arrays.copyOfRange(reply, 0, 24)))
                .isEqualTo("84a17601a46b696e64aa617574685f6f66666572a165c420");
        assertThat(hex(Arrays.copyOfRange(reply, 56, 61))).isEqualTo("a26374c400");
        HandshakeCodec.AuthOffer offer = HandshakeCodec.parseAuthOffer(reply);
        assertThat(offer.ct()).isEmpty();
        assertThat(offer.e()).hasSize(32).isNotEqualTo(new byte[32]);
        assertThat(pair.server().isOpen()).isFalse();
    }

    @Test
    void wrongServerKeyIsUnexpectedPeer() throws Exception {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        CompletableFuture<HandshakeResult> s = async(() -> AuthHandshake.server(pair.server(), server, k -> true, FAST));
        assertFailure(() -> AuthHandshake.client(pair.client(), client, Identity.generate().publicKey(), FAST),
                AuthFailure.Reason.UNEXPECTED_PEER);
        s.get(10, TimeUnit.SECONDS); // the server cannot tell
        assertThat(pair.client().isOpen()).isFalse();
    }

    @Test
    void authConfirmationOtherThanOkIsProtocol() {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        byte[] eS = X25519.generatePrivateKey();
        CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> {
            HandshakeCodec.AuthHello hello = HandshakeCodec.parseAuthHello(pair.server().receive());
            byte[] transcript = HandshakeCrypto.sha256(X25519.publicKey(eS), hello.e(), hello.s());
            byte[] k = Hkdf.derive(transcript, HandshakeCrypto.concat(X25519.agree(eS, hello.e()), server.agree(hello.e())),
                    HandshakeCrypto.INFO_AUTH_K, 32);
            pair.server().send(HandshakeCodec.authOffer(X25519.publicKey(eS),
                    HandshakeCrypto.seal(k, "no".getBytes(StandardCharsets.US_ASCII))));
        });
        assertFailure(() -> AuthHandshake.client(pair.client(), client, server.publicKey(), FAST),
                AuthFailure.Reason.PROTOCOL).hasMessageContaining("'ok'");
        fake.join();
    }

    @Test
    void decryptedServerKeyOfWrongLengthIsProtocol() {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        byte[] eS = X25519.generatePrivateKey();
        CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> {
            byte[] eC = HandshakeCodec.parsePairHello(pair.server().receive()).e();
            byte[] k1 = Hkdf.derive(right.bytes(), X25519.agree(eS, eC), HandshakeCrypto.INFO_PAIR_K1, 32);
            pair.server().send(HandshakeCodec.pairOffer(X25519.publicKey(eS), HandshakeCrypto.seal(k1, new byte[31])));
        });
        assertFailure(() -> PairingHandshake.client(pair.client(), right, client, FAST), AuthFailure.Reason.PROTOCOL)
                .hasMessageContaining("wrong length");
        fake.join();
    }

    @Test
    void lowOrderEphemeralIsProtocol() {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        pair.server().inject(HandshakeCodec.authHello(new byte[32], client.publicKey()));
        assertFailure(() -> AuthHandshake.server(pair.server(), server, k -> true, FAST), AuthFailure.Reason.PROTOCOL)
                .hasMessageContaining("all-zero shared secret");
    }

    // ------------------------------------------------------------------ dispatch and timeouts

    @Test
    void authHelloDuringPairingWindowIsProtocol() {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        pair.server().inject(HandshakeCodec.authHello(X25519.publicKey(X25519.generatePrivateKey()), client.publicKey()));
        ServerHandshake pairing = new ServerHandshake(server, () -> Optional.of(right), k -> true, FAST);
        assertFailure(() -> pairing.accept(pair.server()), AuthFailure.Reason.PROTOCOL)
                .hasMessageContaining("expected pair_hello, got 'auth_hello'");
        assertThat(pair.server().sent).isEmpty();
        assertThat(pair.server().isOpen()).isFalse();
    }

    @Test
    void pairHelloOutsidePairingWindowIsProtocol() {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        pair.server().inject(HandshakeCodec.pairHello(X25519.publicKey(X25519.generatePrivateKey())));
        ServerHandshake serve = new ServerHandshake(server, Optional::empty, k -> true, FAST);
        assertFailure(() -> serve.accept(pair.server()), AuthFailure.Reason.PROTOCOL)
                .hasMessageContaining("expected auth_hello");
    }

    @Test
    void silenceTimesOut() {
        HandshakeSettings quick = HandshakeSettings.defaults().withTimeout(Duration.ofMillis(150));
        MemoryConnections.Pair a = MemoryConnections.pair();
        assertFailure(() -> new ServerHandshake(server, Optional::empty, k -> true, quick).accept(a.server()),
                AuthFailure.Reason.PROTOCOL).hasMessageContaining("handshake timed out");
        assertThat(a.server().isOpen()).isFalse();
        MemoryConnections.Pair b = MemoryConnections.pair();
        assertFailure(() -> AuthHandshake.client(b.client(), client, server.publicKey(), quick),
                AuthFailure.Reason.PROTOCOL).hasMessageContaining("handshake timed out");
        MemoryConnections.Pair c = MemoryConnections.pair();
        assertFailure(() -> PairingHandshake.client(c.client(), right, client, quick),
                AuthFailure.Reason.PROTOCOL).hasMessageContaining("handshake timed out");
        // server waits for pair_finish in vain
        MemoryConnections.Pair d = MemoryConnections.pair();
        d.server().inject(HandshakeCodec.pairHello(X25519.publicKey(X25519.generatePrivateKey())));
        assertFailure(() -> PairingHandshake.server(d.server(), right, server, quick),
                AuthFailure.Reason.PROTOCOL).hasMessageContaining("handshake timed out waiting for pair_finish");
    }

    @Test
    void closedConnectionIsProtocol() {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        pair.client().close();
        assertFailure(() -> AuthHandshake.server(pair.server(), server, k -> true, FAST), AuthFailure.Reason.PROTOCOL)
                .hasMessageContaining("peer closed before auth_hello");
        MemoryConnections.Pair other = MemoryConnections.pair();
        other.server().close();
        assertFailure(() -> AuthHandshake.client(other.client(), client, server.publicKey(), FAST),
                AuthFailure.Reason.PROTOCOL);
    }

    // ------------------------------------------------------------------ receiver checks

    @Test
    void malformedFirstMessagesAreProtocolAndClose() throws IOException {
        byte[] e = X25519.publicKey(X25519.generatePrivateKey());
        byte[] valid = HandshakeCodec.pairHello(e);
        byte[][] bad = {
            new byte[0],
            Arrays.copyOf(valid, valid.length - 1), // truncated
            Arrays.copyOf(valid, 5),
            HandshakeCrypto.concat(valid, new byte[] {0}), // trailing byte
            hex("93010203"), // array, not a map
            hex("c0"), // nil
            hex("a3616263"), // str
            map("v", 2, "kind", "pair_hello", "e", e),
            map("v", "1", "kind", "pair_hello", "e", e),
            map("v", 1.0, "kind", "pair_hello", "e", e),
            map("v", true, "kind", "pair_hello", "e", e),
            map("kind", "pair_hello", "e", e), // no v
            map("v", 1, "kind", "pair_hellO", "e", e),
            map("v", 1, "kind", e, "e", e), // kind as bin
            map("v", 1, "e", e), // no kind
            map("v", 1, "kind", "pair_hello"), // no e
            map("v", 1, "kind", "pair_hello", "e", Arrays.copyOf(e, 31)),
            map("v", 1, "kind", "pair_hello", "e", Arrays.copyOf(e, 33)),
            map("v", 1, "kind", "pair_hello", "e", Bytes.hex(e)), // key as str
            map("v", 1, "kind", "pair_hello", "e", 7),
            map("v", 1, "kind", "pair_hello", "e", null),
            hex("82a176cf0000000000000001a46b696e64ab706169725f68656c6c6f"), // uint64 v = 1 is still 1 → then no e
            hex("83a17601a46b696e64aa706169725f68656c6c6fa165c6ffffffff"), // bin32 of 4 GiB
            hex("83a17601a46b696e64daffffa165"), // str16 longer than the input
            hex("df7fffffffa17601"), // map32 with 2^31-1 entries
            hex("8301a17601a46b696e64"), // int key
            hex("83a2ff76a17601a46b696e64aa706169725f68656c6c6f"), // invalid UTF-8 key
        };
        for (byte[] message : bad) {
            MemoryConnections.Pair pair = MemoryConnections.pair();
            pair.server().inject(message);
            ServerHandshake pairing = new ServerHandshake(server, () -> Optional.of(right), k -> true, FAST);
            assertFailure(() -> pairing.accept(pair.server()), AuthFailure.Reason.PROTOCOL);
            assertThat(pair.server().sent).as("no reply to %s", hex(message)).isEmpty();
            assertThat(pair.server().isOpen()).isFalse();
        }
    }

    @Test
    void extraKeysAreIgnoredAndLastDuplicateWins() throws IOException {
        byte[] e = X25519.publicKey(X25519.generatePrivateKey());
        byte[] s = X25519.publicKey(X25519.generatePrivateKey());
        assertThat(HandshakeCodec.parsePairHello(map("v", 1, "kind", "pair_hello", "e", e, "x", 5)).e()).isEqualTo(e);
        assertThat(HandshakeCodec.parsePairHello(map("x", new byte[3], "kind", "pair_hello", "v", 1, "e", e)).e())
                .isEqualTo(e);
        assertThat(HandshakeCodec.parseAuthHello(map("v", 1, "kind", "auth_hello", "e", s, "s", s, "e", e)).e())
                .isEqualTo(e);
        assertThat(HandshakeCodec.parseAuthOffer(map("v", 1, "kind", "auth_offer", "e", e, "ct", new byte[0])).ct())
                .isEmpty();
    }

    @Test
    void clientRejectsMalformedOffers() throws IOException {
        byte[] e = X25519.publicKey(X25519.generatePrivateKey());
        byte[][] offers = {
            map("v", 1, "kind", "pair_offer", "e", e), // no ct
            map("v", 1, "kind", "pair_offer", "e", e, "ct", "text"),
            map("v", 1, "kind", "auth_offer", "e", e, "ct", new byte[48]), // wrong kind for pairing
            map("v", 1, "kind", "pair_offer", "e", new byte[0], "ct", new byte[48]),
        };
        for (byte[] offer : offers) {
            MemoryConnections.Pair pair = MemoryConnections.pair();
            pair.client().inject(offer);
            assertFailure(() -> PairingHandshake.client(pair.client(), right, client, FAST), AuthFailure.Reason.PROTOCOL);
            assertThat(pair.client().isOpen()).isFalse();
        }
    }

    // ------------------------------------------------------------------ helpers

    static byte[] map(Object... keysAndValues) throws IOException {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(keysAndValues.length / 2);
            for (Object o : keysAndValues) {
                if (o == null) {
                    p.packNil();
                } else if (o instanceof String str) {
                    p.packString(str);
                } else if (o instanceof Integer i) {
                    p.packInt(i);
                } else if (o instanceof Double d) {
                    p.packDouble(d);
                } else if (o instanceof Boolean b) {
                    p.packBoolean(b);
                } else if (o instanceof byte[] b) {
                    p.packBinaryHeader(b.length).writePayload(b);
                } else {
                    throw new IllegalArgumentException(o.toString());
                }
            }
            return p.toByteArray();
        }
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertFailure(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, AuthFailure.Reason reason) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(AuthFailure.class,
                f -> assertThat(f.reason()).as(f.getMessage()).isEqualTo(reason));
    }

    private static <T> CompletableFuture<T> async(Supplier<T> supplier) {
        return CompletableFuture.supplyAsync(supplier);
    }

    private static CompletableFuture<Throwable> failure(Supplier<?> supplier) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                supplier.get();
                return new AssertionError("handshake unexpectedly succeeded");
            } catch (Throwable t) {
                return t;
            }
        });
    }
}
