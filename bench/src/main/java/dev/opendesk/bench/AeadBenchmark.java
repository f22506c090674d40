package dev.opendesk.bench;

import dev.opendesk.core.auth.ChaCha20Poly1305;
import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One message of {@code size} bytes through ChaCha20-Poly1305, as {@code EncryptedConnection} does
 * per WebSocket message: the JDK provider's cipher (init + doFinal), the JDK's bare ChaCha20 (so
 * {@code jdkSeal - jdkChaCha20Only} is roughly Poly1305's share), and core.auth's
 * {@link ChaCha20Poly1305}. Divide {@code size} by the time for MB/s.
 * Run: {@code bench/run.sh AeadBenchmark -f 1 -wi 3 -i 5}; add {@code -jvm /usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
 * to see a newer JDK's intrinsics.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AeadBenchmark {
    @Param({"128", "16384", "1048576"})
    public int size;

    private final byte[] key = new byte[32];
    private final byte[] nonce = new byte[12];
    private byte[] plaintext;
    private byte[] sealed;
    private SecretKeySpec keySpec;
    private Cipher jdkAead;
    private Cipher jdkChaCha20;
    private ChaCha20Poly1305 ours;
    private long counter;

    @Setup
    public void setUp() throws GeneralSecurityException {
        Random random = new Random(42);
        random.nextBytes(key);
        plaintext = new byte[size];
        random.nextBytes(plaintext);
        keySpec = new SecretKeySpec(key, "ChaCha20");
        jdkAead = Cipher.getInstance("ChaCha20-Poly1305");
        jdkChaCha20 = Cipher.getInstance("ChaCha20");
        ours = new ChaCha20Poly1305(key);
        sealed = ours.seal(nonce, plaintext);
    }

    /** A fresh nonce per message: the JDK refuses to re-init its AEAD with the last key and nonce. */
    private byte[] nextNonce() {
        counter++;
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (counter >>> (8 * i));
        }
        return nonce;
    }

    @Benchmark
    public byte[] jdkSeal() throws GeneralSecurityException {
        jdkAead.init(Cipher.ENCRYPT_MODE, keySpec, new IvParameterSpec(nextNonce()));
        return jdkAead.doFinal(plaintext);
    }

    @Benchmark
    public byte[] jdkOpen() throws GeneralSecurityException {
        jdkAead.init(Cipher.DECRYPT_MODE, keySpec, new IvParameterSpec(new byte[12]));
        return jdkAead.doFinal(sealed);
    }

    @Benchmark
    public byte[] jdkChaCha20Only() throws GeneralSecurityException {
        jdkChaCha20.init(Cipher.ENCRYPT_MODE, keySpec, new ChaCha20ParameterSpec(nextNonce(), 1));
        return jdkChaCha20.doFinal(plaintext);
    }

    @Benchmark
    public byte[] ownSeal() {
        return ours.seal(nextNonce(), plaintext);
    }

    @Benchmark
    public byte[] ownOpen() throws AEADBadTagException {
        return ours.open(new byte[12], sealed);
    }
}
