package dev.opendesk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

final class MessageAeadTest {
    @Test
    void bothImplementationsProduceTheSameBytesAndOpenEachOther() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (int length : new int[] {0, 1, 16, 100, 70_000}) {
            byte[] key = bytes(random, 32);
            byte[] nonce = bytes(random, 12);
            byte[] plaintext = bytes(random, length);
            MessageAead own = new MessageAead.Own(new ChaCha20Poly1305(key));
            MessageAead jdkSender = new MessageAead.Jdk(key);
            MessageAead jdk = new MessageAead.Jdk(key); // the JDK refuses to re-init one cipher with the same nonce

            byte[] sealed = own.seal(nonce, plaintext);

            assertThat(jdkSender.seal(nonce, plaintext)).isEqualTo(sealed);
            assertThat(jdk.open(nonce, sealed)).isEqualTo(plaintext);
            assertThat(own.open(nonce, sealed)).isEqualTo(plaintext);
            sealed[sealed.length - 1] ^= 1;
            assertThatThrownBy(() -> new MessageAead.Jdk(key).open(nonce, sealed)).isInstanceOf(AEADBadTagException.class);
            assertThatThrownBy(() -> own.open(nonce, sealed)).isInstanceOf(AEADBadTagException.class);
        }
    }

    @Test
    void picksTheJdkProviderOnlyWhereItsChaCha20IsAnIntrinsic() {
        MessageAead chosen = MessageAead.forKey(new byte[32]);

        assertThat(chosen).isInstanceOf(Runtime.version().feature() >= MessageAead.JDK_PROVIDER_FROM
                ? MessageAead.Jdk.class : MessageAead.Own.class);
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
