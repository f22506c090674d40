package dev.opendesk.bench;

import dev.opendesk.codec.lwjgl.LwjglImageCodec;
import dev.opendesk.core.image.EncodeSettings;
import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.image.SyntheticDesktop;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure-Java image steps against the LWJGL codec's (stb_image_resize2, libspng) on the same
 * desktop-like frames (core's {@code SyntheticDesktop}: flat UI, text-like glyph lines on white,
 * one noisy photo-like region): scaling 3840×2160 → 1920×1080 and 1920×1080 → 1429×804, and PNG
 * of a 1920×1080 frame and of a 1429×804 one. Sources are in direct buffers as a backend hands
 * them over ({@code -p buffer=heap} for heap ones); the 1429×804 PNG input is a scaled frame,
 * which is always on the heap. The PNG sizes of both paths are printed to stderr at set-up.
 * Which steps the codec takes over ({@code LwjglImageCodec.operations()}) follows these figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class LwjglCodecBenchmark {
    @Param({"direct"})
    public String buffer;

    private final ImagePipeline java = new ImagePipeline();
    private final ImageCodec lwjgl = new LwjglImageCodec();
    private RawFrame uhd;
    private RawFrame fullHd;
    private RawFrame scaled;

    @Setup(Level.Trial)
    public void paint() {
        boolean direct = switch (buffer) {
            case "direct" -> true;
            case "heap" -> false;
            default -> throw new IllegalArgumentException("buffer is direct or heap, not " + buffer);
        };
        uhd = SyntheticDesktop.of(3840, 2160).frame(direct, 0);
        fullHd = SyntheticDesktop.of(1920, 1080).frame(direct, 0);
        scaled = java.scale(fullHd, 1429, 804);
        if (lwjgl.operations().isEmpty()) {
            throw new IllegalStateException("the LWJGL codec did not load its natives");
        }
        System.err.printf(Locale.ROOT, "PNG bytes 1920x1080: java %d, lwjgl %d; 1429x804: java %d, lwjgl %d%n",
                javaPng(fullHd).length, lwjgl.encodePng(fullHd).length,
                javaPng(scaled).length, lwjgl.encodePng(scaled).length);
    }

    private byte[] javaPng(RawFrame frame) {
        return java.encode(frame, EncodeSettings.fullResolution(), frame.width(), frame.height(), null, 0).data();
    }

    @Benchmark
    public ByteBuffer scale2160To1080Java() {
        return java.scale(uhd, 1920, 1080).pixels();
    }

    @Benchmark
    public ByteBuffer scale2160To1080Lwjgl() {
        return lwjgl.scale(uhd, 1920, 1080).pixels();
    }

    @Benchmark
    public ByteBuffer scale1080To804Java() {
        return java.scale(fullHd, 1429, 804).pixels();
    }

    @Benchmark
    public ByteBuffer scale1080To804Lwjgl() {
        return lwjgl.scale(fullHd, 1429, 804).pixels();
    }

    @Benchmark
    public byte[] png1080Java() {
        return javaPng(fullHd);
    }

    @Benchmark
    public byte[] png1080Lwjgl() {
        return lwjgl.encodePng(fullHd);
    }

    @Benchmark
    public byte[] png804Java() {
        return javaPng(scaled);
    }

    @Benchmark
    public byte[] png804Lwjgl() {
        return lwjgl.encodePng(scaled);
    }
}
