package dev.opendesk.core.auth;

import static dev.opendesk.core.auth.Bytes.hex;
import static dev.opendesk.core.auth.Bytes.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every conformance vector of the spec's "Test vectors" section that concerns this package, byte for byte. */
final class ProtocolVectorsTest {
    private static final byte[] S_S = repeat(0x11, 32);
    private static final byte[] S_C = repeat(0x22, 32);
    private static final byte[] E_S = repeat(0x33, 32);
    private static final byte[] E_C = repeat(0x44, 32);
    private static final byte[] AUTH_E_S = repeat(0x55, 32);
    private static final byte[] AUTH_E_C = repeat(0x66, 32);

    private static final String S_S_PUB = "7b4e909bbe7ffe44c465a220037d608ee35897d31ef972f07f74892cb0f73f13";
    private static final String S_C_PUB = "0faa684ed28867b97f4a6a2dee5df8ce974e76b7018e3f22a1c4cf2678570f20";
    private static final String E_S_PUB = "7b0d47d93427f8311160781c7c733fd89f88970aef490d8aa0ee19a4cb8a1b14";
    private static final String E_C_PUB = "ff2ee45601ec1b67310c7790404585ae697331eee1c1f8cf2419731c1fff3e6b";
    private static final String DH_EE = "3c528e9fd39731b15d10de8feb5f71d3f65b73c993581dedb03315a9ed177730";
    private static final String K1 = "237d6c1e0b84ce14ceeaa0a957c1f2ebe57c46eb473464dfa04bda06e4d9ecbc";
    private static final String CT1 = "aafa8f5d1ce4a28cad6e1b243690afc91ca5e8edc98080322d66ab693744cf77314300d4b1e788b2f62fb495fb96da38";
    private static final String K2 = "557d5a4a11ac8a98ca44c54113467ef9dbcb9855c4332289f5434c6411c5b321";
    private static final String CT2 = "be13a63f41f15a90a087375edb06a373f8c44a324888c12c2cff3afcdf927f83b68e2115da190f184751ddee630a0549";
    private static final String TRANSCRIPT = "2f7f981d4435d6f189d3f4aeeac48d378dee783a4418ab12575b7e9bd8734355";
    private static final String C2S = "8cbff0f02cc24fb771603af3162e73f2dce86265a7d0c6e7eed54b586c5a9b28";
    private static final String S2C = "5ea1d95e0d3497c92d78bc26a6f5a7859a42a17a4a3ea898b2608bd0d52a495d";
    private static final String MSG1 = "83a17601a46b696e64aa706169725f68656c6c6fa165c420"
            + "ff2ee45601ec1b67310c7790404585ae697331eee1c1f8cf2419731c1fff3e6b";

    private static final String AUTH_E_S_PUB = "38ab664bd86f77d7e66bdd9ae0792913a94fd8b33a1260027e4b46c1f4884c67";
    private static final String AUTH_E_C_PUB = "219e4d800da968d2a5fcb009c784f4746c7138edb9ee4844b739e830b05cf424";
    private static final String AUTH_TRANSCRIPT = "873ccb8c7438fc86f4cd6c188c61df9a5fa7517578e871b45947b1b2d0648e32";
    private static final String AUTH_K = "808e2b3142ffcf527fe4661018f772c955ec445be8f396c7f554dcc001038b2e";
    private static final String AUTH_CT = "e2e95fefbf99f3e431df14b3588c5e24bd1c";
    private static final String AUTH_C2S = "0dd6e7fdb6cd517106abf65ff3ce8f26bbcdab498a99af3c60ee04d73e46bd48";
    private static final String AUTH_S2C = "12afd662fdd74b6af1d99341dc8a2c4818e7b5a54971fbe06e5002e86f05c07a";
    private static final String REJECTION = "84a17601a46b696e64aa617574685f6f66666572a165c420"
            + "38ab664bd86f77d7e66bdd9ae0792913a94fd8b33a1260027e4b46c1f4884c67a26374c400";

    private static Psk psk123456;

    @BeforeAll
    static void derivePsk() {
        psk123456 = Psk.derive("123456");
    }

    @Test
    void pskVectors() {
        assertThat(Psk.SALT.getBytes(StandardCharsets.US_ASCII)).isEqualTo(hex("6f70656e6465736b2d70736b2d7631"));
        assertThat(hex(psk123456.bytes())).isEqualTo("64d23c61b4bef1240679ac4360d85f4996c3226aa79c3240f6318dfc90ceb55b");
        assertThat(hex(Psk.derive("424242").bytes()))
                .isEqualTo("9fdb33b75f8a312ed93b5f0b7f7f4460afd98fdff822146cee756af05932b8c7");
        assertThat(hex(Psk.derive("000000").bytes()))
                .isEqualTo("728e3842d0274cd02f41c7d304d78bc7e4d5d12a0d9a5afaba8f41e95bf668c7");
    }

    @Test
    void publicKeysAndFingerprints() {
        assertThat(hex(X25519.publicKey(S_S))).isEqualTo(S_S_PUB);
        assertThat(hex(X25519.publicKey(S_C))).isEqualTo(S_C_PUB);
        assertThat(hex(X25519.publicKey(E_S))).isEqualTo(E_S_PUB);
        assertThat(hex(X25519.publicKey(E_C))).isEqualTo(E_C_PUB);
        assertThat(hex(X25519.publicKey(AUTH_E_S))).isEqualTo(AUTH_E_S_PUB);
        assertThat(hex(X25519.publicKey(AUTH_E_C))).isEqualTo(AUTH_E_C_PUB);
        assertThat(Identity.fromPrivateKey(S_S).fingerprint()).isEqualTo("7b4e:909b:be7f:fe44");
        assertThat(Fingerprint.of(hex(S_C_PUB))).isEqualTo("0faa:684e:d288:67b9");
        assertThat(Fingerprint.shortId(hex(S_S_PUB))).isEqualTo("7b4e909bbe7ffe44");
    }

    @Test
    void pairingDerivations() {
        byte[] psk = psk123456.bytes();
        byte[] ee = X25519.agree(E_S, hex(E_C_PUB));
        assertThat(hex(ee)).isEqualTo(DH_EE);
        assertThat(X25519.agree(E_C, hex(E_S_PUB))).isEqualTo(ee);
        byte[] k1 = Hkdf.derive(psk, ee, HandshakeCrypto.INFO_PAIR_K1, 32);
        assertThat(hex(k1)).isEqualTo(K1);
        byte[] ct1 = HandshakeCrypto.seal(k1, hex(S_S_PUB));
        assertThat(hex(ct1)).isEqualTo(CT1);
        byte[] k2 = Hkdf.derive(HandshakeCrypto.concat(psk, ct1), ee, HandshakeCrypto.INFO_PAIR_K2, 32);
        assertThat(hex(k2)).isEqualTo(K2);
        byte[] ct2 = HandshakeCrypto.seal(k2, hex(S_C_PUB));
        assertThat(hex(ct2)).isEqualTo(CT2);
        byte[] transcript = HandshakeCrypto.sha256(hex(E_S_PUB), hex(E_C_PUB), ct1, ct2);
        assertThat(hex(transcript)).isEqualTo(TRANSCRIPT);
        byte[] ikm = HandshakeCrypto.concat(ee, X25519.agree(S_S, hex(E_C_PUB)), X25519.agree(E_S, hex(S_C_PUB)), psk);
        SessionKeys keys = HandshakeCrypto.sessionKeys(transcript, ikm);
        assertThat(hex(keys.c2s())).isEqualTo(C2S);
        assertThat(hex(keys.s2c())).isEqualTo(S2C);
    }

    @Test
    void pairingHandshakeOnTheWire() throws Exception {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        HandshakeSettings serverSettings = HandshakeSettings.defaults().withEphemeralKeys(E_S::clone);
        HandshakeSettings clientSettings = HandshakeSettings.defaults().withEphemeralKeys(E_C::clone);
        CompletableFuture<HandshakeResult> server = CompletableFuture.supplyAsync(() ->
                PairingHandshake.server(pair.server(), psk123456, Identity.fromPrivateKey(S_S), serverSettings));
        HandshakeResult client = PairingHandshake.client(pair.client(), psk123456, Identity.fromPrivateKey(S_C),
                clientSettings);
        HandshakeResult serverResult = server.get(10, TimeUnit.SECONDS);

        assertThat(hex(pair.client().sent.get(0))).isEqualTo(MSG1);
        assertThat(hex(pair.server().sent.get(0))).isEqualTo("84a17601a46b696e64aa706169725f6f66666572a165c420"
                + E_S_PUB + "a26374c430" + CT1);
        assertThat(hex(pair.client().sent.get(1))).isEqualTo("83a17601a46b696e64ab706169725f66696e697368a26374c430" + CT2);

        assertThat(hex(client.peerPublicKey())).isEqualTo(S_S_PUB);
        assertThat(hex(serverResult.peerPublicKey())).isEqualTo(S_C_PUB);
        assertThat(client.kind()).isEqualTo(HandshakeKind.PAIRING);
        assertThat(hex(client.sessionKeys().c2s())).isEqualTo(C2S);
        assertThat(hex(client.sessionKeys().s2c())).isEqualTo(S2C);
        assertThat(serverResult.sessionKeys()).isEqualTo(client.sessionKeys());

        // the first two encrypted messages client → server: counters 0 and 1
        EncryptedConnection clientChannel = client.encrypt(pair.client());
        EncryptedConnection serverChannel = serverResult.encrypt(pair.server());
        clientChannel.send(hex("81a17601"));
        clientChannel.send(hex("81a17601"));
        assertThat(hex(pair.client().sent.get(2))).isEqualTo("f60731b211c6583af8215061cfee835a17462252");
        assertThat(hex(pair.client().sent.get(3))).isEqualTo("9743cbb9773cc63c6818c493c997126d3518d8bf");
        assertThat(hex(serverChannel.receive())).isEqualTo("81a17601");
        assertThat(hex(serverChannel.receive())).isEqualTo("81a17601");
    }

    @Test
    void authDerivations() {
        byte[] transcript = HandshakeCrypto.sha256(hex(AUTH_E_S_PUB), hex(AUTH_E_C_PUB), hex(S_C_PUB));
        assertThat(hex(transcript)).isEqualTo(AUTH_TRANSCRIPT);
        byte[] k = Hkdf.derive(transcript, HandshakeCrypto.concat(X25519.agree(AUTH_E_S, hex(AUTH_E_C_PUB)),
                X25519.agree(S_S, hex(AUTH_E_C_PUB))), HandshakeCrypto.INFO_AUTH_K, 32);
        assertThat(hex(k)).isEqualTo(AUTH_K);
        assertThat(hex(HandshakeCrypto.seal(k, "ok".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(AUTH_CT);
    }

    @Test
    void authHandshakeOnTheWire() throws Exception {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        Identity serverIdentity = Identity.fromPrivateKey(S_S);
        byte[] clientPub = hex(S_C_PUB);
        CompletableFuture<HandshakeResult> server = CompletableFuture.supplyAsync(() -> AuthHandshake.server(
                pair.server(), serverIdentity, key -> java.util.Arrays.equals(key, clientPub),
                HandshakeSettings.defaults().withEphemeralKeys(AUTH_E_S::clone)));
        HandshakeResult client = AuthHandshake.client(pair.client(), Identity.fromPrivateKey(S_C), hex(S_S_PUB),
                HandshakeSettings.defaults().withEphemeralKeys(AUTH_E_C::clone));
        HandshakeResult serverResult = server.get(10, TimeUnit.SECONDS);

        assertThat(hex(pair.client().sent.get(0))).isEqualTo("84a17601a46b696e64aa617574685f68656c6c6fa165c420"
                + AUTH_E_C_PUB + "a173c420" + S_C_PUB);
        assertThat(hex(pair.server().sent.get(0))).isEqualTo("84a17601a46b696e64aa617574685f6f66666572a165c420"
                + AUTH_E_S_PUB + "a26374c412" + AUTH_CT);
        assertThat(client.kind()).isEqualTo(HandshakeKind.AUTH);
        assertThat(hex(client.sessionKeys().c2s())).isEqualTo(AUTH_C2S);
        assertThat(hex(client.sessionKeys().s2c())).isEqualTo(AUTH_S2C);
        assertThat(serverResult.sessionKeys()).isEqualTo(client.sessionKeys());
        assertThat(hex(serverResult.peerPublicKey())).isEqualTo(S_C_PUB);
    }

    @Test
    void ambiguousRejectionBytes() throws Exception {
        MemoryConnections.Pair pair = MemoryConnections.pair();
        CompletableFuture<Throwable> server = CompletableFuture.supplyAsync(() -> {
            try {
                AuthHandshake.server(pair.server(), Identity.fromPrivateKey(S_S), key -> false,
                        HandshakeSettings.defaults().withEphemeralKeys(AUTH_E_S::clone));
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        assertThatThrownBy(() -> AuthHandshake.client(pair.client(), Identity.fromPrivateKey(S_C), hex(S_S_PUB),
                HandshakeSettings.defaults().withEphemeralKeys(AUTH_E_C::clone)))
                .isInstanceOfSatisfying(AuthFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(AuthFailure.Reason.UNEXPECTED_PEER));
        assertThat(server.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(AuthFailure.class,
                e -> assertThat(e.reason()).isEqualTo(AuthFailure.Reason.UNTRUSTED_PEER));
        assertThat(hex(pair.server().sent.get(0))).isEqualTo(REJECTION);
        assertThat(pair.server().isOpen()).isFalse();
    }
}
