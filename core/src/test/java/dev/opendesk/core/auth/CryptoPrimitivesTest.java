package dev.opendesk.core.auth;

import static dev.opendesk.core.auth.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import org.junit.jupiter.api.Test;

final class CryptoPrimitivesTest {

    @Test
    void hkdfRfc5869TestCase1() {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = hex("000102030405060708090a0b0c");
        byte[] info = hex("f0f1f2f3f4f5f6f7f8f9");
        byte[] prk = Hkdf.extract(salt, ikm);
        assertThat(hex(prk)).isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(hex(Hkdf.expand(prk, info, 42))).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
        assertThat(Hkdf.derive(salt, ikm, info, 42)).isEqualTo(Hkdf.expand(prk, info, 42));
    }

    @Test
    void hkdfRfc5869TestCase3EmptySaltAndInfo() {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        assertThat(hex(Hkdf.extract(new byte[0], ikm)))
                .isEqualTo("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
        assertThat(hex(Hkdf.derive(new byte[0], ikm, new byte[0], 42))).isEqualTo(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void hkdfRejectsOverlongOutput() {
        assertThatThrownBy(() -> Hkdf.expand(new byte[32], new byte[0], 255 * 32 + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Hkdf.expand(new byte[32], new byte[0], 255 * 32)).hasSize(255 * 32);
    }

    @Test
    void x25519Rfc7748Section6() {
        byte[] alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        assertThat(hex(X25519.publicKey(alice))).isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(hex(X25519.publicKey(bob))).isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertThat(hex(X25519.agree(alice, X25519.publicKey(bob)))).isEqualTo(shared);
        assertThat(hex(X25519.agree(bob, X25519.publicKey(alice)))).isEqualTo(shared);
    }

    @Test
    void x25519Rfc7748Section51IterationVector() {
        // RFC 7748 §5.2, first test vector
        byte[] scalar = hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        byte[] u = hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c");
        assertThat(hex(X25519.agree(scalar, u))).isEqualTo("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
    }

    @Test
    void x25519MasksTheTopBitOfU() {
        byte[] priv = Bytes.repeat(0x44, 32);
        byte[] pub = X25519.publicKey(Bytes.repeat(0x33, 32));
        byte[] highBit = pub.clone();
        highBit[31] |= (byte) 0x80;
        assertThat(X25519.agree(priv, highBit)).isEqualTo(X25519.agree(priv, pub));
    }

    @Test
    void nonCanonicalUIsReducedModP() {
        // u = 2^255 - 1 (top bit masked) ≡ 18 (mod 2^255 - 19), as RFC 7748 requires
        byte[] priv = Bytes.repeat(0x44, 32);
        byte[] nonCanonical = Bytes.repeat(0xff, 32);
        byte[] eighteen = new byte[32];
        eighteen[0] = 18;
        assertThat(X25519.agree(priv, nonCanonical)).isEqualTo(X25519.agree(priv, eighteen));
    }

    @Test
    void emptyPairingCodeMatchesPython() {
        // hashlib.pbkdf2_hmac("sha256", b"", b"opendesk-psk-v1", 200000, 32) — the JDK accepts an empty password
        assertThat(hex(Psk.derive("").bytes())).isEqualTo("3ada7fdeac6cac1259c52c9fc1ddde7edd385c3bc145a2c19376ccb76c3927b0");
    }

    @Test
    void lowOrderPointsGiveAllZeroSecretAndFail() {
        byte[] priv = X25519.generatePrivateKey();
        byte[] zero = new byte[32];
        byte[] one = new byte[32];
        one[0] = 1;
        // order-8 point of RFC 7748 / libsodium blocklist
        byte[] order8 = hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
        for (byte[] bad : new byte[][] {zero, one, order8}) {
            assertThatThrownBy(() -> X25519.agree(priv, bad))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL);
                        assertThat(e.getMessage()).isEqualTo("all-zero shared secret");
                    });
        }
    }

    @Test
    void generatedKeysAgree() {
        byte[] a = X25519.generatePrivateKey();
        byte[] b = X25519.generatePrivateKey();
        assertThat(a).hasSize(32).isNotEqualTo(b);
        assertThat(X25519.agree(a, X25519.publicKey(b))).isEqualTo(X25519.agree(b, X25519.publicKey(a)));
    }

    @Test
    void rejectsWrongKeyLengths() {
        assertThatThrownBy(() -> X25519.publicKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> X25519.agree(new byte[32], new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pskOfNonAsciiCodeIsUtf8() {
        // The JDK's PBKDF2 must encode the password chars as UTF-8, like Python's code.encode("utf-8"):
        // compare with a hand-rolled PBKDF2 over the UTF-8 bytes.
        String code = "çödé-🙂";
        // hashlib.pbkdf2_hmac("sha256", code.encode(), b"opendesk-psk-v1", 200000, 32)
        assertThat(hex(Psk.derive(code).bytes())).isEqualTo("3e6fe741f7a47d1f4ede60ebc528a7c0a0a2a880091e731685581d17e9318c8a");
        assertThat(Psk.derive(code).bytes()).isEqualTo(manualPbkdf2(code.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(Psk.derive("123456").bytes())
                .isEqualTo(manualPbkdf2("123456".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void pskRejectsUnpairedSurrogates() {
        assertThatThrownBy(() -> Psk.derive("12\uD800")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintFormats() {
        byte[] key = hex("7b4e909bbe7ffe44c465a220037d608ee35897d31ef972f07f74892cb0f73f13");
        assertThat(Fingerprint.of(key)).isEqualTo("7b4e:909b:be7f:fe44");
        assertThat(Fingerprint.shortId(key)).isEqualTo("7b4e909bbe7ffe44");
        assertThat(Fingerprint.hex(key)).isEqualTo("7b4e909bbe7ffe44c465a220037d608ee35897d31ef972f07f74892cb0f73f13");
    }

    private static byte[] manualPbkdf2(byte[] password) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(password, "HmacSHA256"));
            mac.update(Psk.SALT.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            mac.update(new byte[] {0, 0, 0, 1});
            byte[] u = mac.doFinal();
            byte[] t = u.clone();
            for (int i = 1; i < Psk.ITERATIONS; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            return t;
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
