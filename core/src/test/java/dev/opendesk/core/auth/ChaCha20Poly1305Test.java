package dev.opendesk.core.auth;

import static dev.opendesk.core.auth.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

final class ChaCha20Poly1305Test {
    // RFC 8439 §2.8.2
    private static final byte[] KEY = hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    private static final byte[] NONCE = hex("070000004041424344454647");
    private static final byte[] AAD = hex("50515253c0c1c2c3c4c5c6c7");
    private static final byte[] PLAINTEXT = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip "
            + "for the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
    private static final String CIPHERTEXT = "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
            + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
            + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
            + "3ff4def08e4b7a9de576d26586cec64b6116";
    private static final String TAG = "1ae10b594f09e26a7e902ecbd0600691";

    @Test
    void sealsTheRfc8439Vector() {
        byte[] sealed = new ChaCha20Poly1305(KEY).seal(NONCE, AAD, PLAINTEXT);

        assertThat(hex(sealed)).isEqualTo(CIPHERTEXT + TAG);
    }

    @Test
    void opensTheRfc8439Vector() throws Exception {
        assertThat(new ChaCha20Poly1305(KEY).open(NONCE, AAD, hex(CIPHERTEXT + TAG))).isEqualTo(PLAINTEXT);
    }

    @Test
    void rejectsTheRfc8439VectorUnderOtherAadOrNonce() {
        ChaCha20Poly1305 aead = new ChaCha20Poly1305(KEY);
        byte[] sealed = hex(CIPHERTEXT + TAG);
        byte[] otherAad = AAD.clone();
        otherAad[0] ^= 1;
        byte[] otherNonce = NONCE.clone();
        otherNonce[11] ^= (byte) 0x80;

        assertThatThrownBy(() -> aead.open(NONCE, otherAad, sealed)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> aead.open(otherNonce, AAD, sealed)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> aead.open(NONCE, sealed)).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void keyStreamMatchesTheRfc8439ChaCha20VectorThroughTheJdk() throws Exception {
        // RFC 8439 §2.4.2: key 00..1f, nonce 000000000000004a00000000, first block counter 1.
        // Our AEAD starts the text at counter 1 too, so the ciphertext part equals plain ChaCha20's.
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            key[i] = (byte) i;
        }
        byte[] nonce = hex("000000000000004a00000000");
        byte[] sealed = new ChaCha20Poly1305(key).seal(nonce, PLAINTEXT);
        Cipher chacha = Cipher.getInstance("ChaCha20");
        chacha.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce, 1));

        assertThat(hex(Arrays.copyOf(sealed, 16))).isEqualTo("6e2e359a2568f98041ba0728dd0d6981");
        assertThat(Arrays.copyOf(sealed, PLAINTEXT.length)).isEqualTo(chacha.doFinal(PLAINTEXT));
    }

    @Test
    void agreesWithTheJdkCipherOnRandomInputs() throws Exception {
        SplittableRandom random = new SplittableRandom(8439);
        for (int trial = 0; trial < 600; trial++) {
            byte[] key = bytes(random, 32);
            byte[] nonce = bytes(random, 12);
            int length = trial < 300 ? trial : random.nextInt(trial % 7 == 0 ? 200_000 : 5_000);
            byte[] aad = bytes(random, trial % 3 == 0 ? 0 : random.nextInt(70));
            byte[] plaintext = bytes(random, length);
            ChaCha20Poly1305 aead = new ChaCha20Poly1305(key);

            byte[] ours = aead.seal(nonce, aad, plaintext);
            byte[] jdk = jdk(Cipher.ENCRYPT_MODE, key, nonce, aad, plaintext);

            assertThat(ours).as("trial %d, %d bytes, %d of AAD", trial, length, aad.length).isEqualTo(jdk);
            assertThat(aead.open(nonce, aad, jdk)).isEqualTo(plaintext);
            assertThat(jdk(Cipher.DECRYPT_MODE, key, nonce, aad, ours)).isEqualTo(plaintext);
        }
    }

    @Test
    void rejectsEveryTamperedBitAndLeavesTheOutputUntouched() {
        SplittableRandom random = new SplittableRandom(7);
        ChaCha20Poly1305 aead = new ChaCha20Poly1305(bytes(random, 32));
        byte[] nonce = bytes(random, 12);
        byte[] aad = bytes(random, 5);
        byte[] sealed = aead.seal(nonce, aad, bytes(random, 70));
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] flipped = sealed.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            byte[] out = new byte[70];
            Arrays.fill(out, (byte) 0x5a);

            assertThatThrownBy(() -> aead.open(nonce, aad, flipped, 0, flipped.length, out, 0))
                    .isInstanceOf(AEADBadTagException.class);
            assertThat(out).containsOnly((byte) 0x5a);
        }
        assertThatThrownBy(() -> aead.open(nonce, aad, new byte[15])).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> aead.open(nonce, aad, Arrays.copyOf(sealed, sealed.length - 1)))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void worksInPlaceAndAtOffsets() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        byte[] key = bytes(random, 32);
        byte[] nonce = bytes(random, 12);
        ChaCha20Poly1305 aead = new ChaCha20Poly1305(key);
        for (int length : new int[] {0, 1, 63, 64, 65, 1000, 16 * 1024 + 17, 100_000}) {
            byte[] plaintext = bytes(random, length);
            byte[] buffer = new byte[length + 16 + 9];
            System.arraycopy(plaintext, 0, buffer, 9, length);

            aead.seal(nonce, new byte[0], buffer, 9, length, buffer, 9);
            assertThat(Arrays.copyOfRange(buffer, 9, buffer.length)).isEqualTo(aead.seal(nonce, plaintext));

            aead.open(nonce, new byte[0], buffer, 9, length + 16, buffer, 9);
            assertThat(Arrays.copyOfRange(buffer, 9, 9 + length)).isEqualTo(plaintext);
        }
    }

    @Test
    void checksItsArguments() {
        ChaCha20Poly1305 aead = new ChaCha20Poly1305(KEY);

        assertThatThrownBy(() -> new ChaCha20Poly1305(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aead.seal(new byte[8], PLAINTEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aead.seal(NONCE, new byte[0], PLAINTEXT, 0, PLAINTEXT.length, new byte[PLAINTEXT.length], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> aead.seal(NONCE, new byte[0], PLAINTEXT, 5, PLAINTEXT.length, new byte[200], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static byte[] jdk(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input) throws Exception {
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
