package dev.opendesk.bench;

import dev.opendesk.codec.turbojpeg.TurboJpegCodec;
import dev.opendesk.core.image.EncodeSettings;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.image.SyntheticDesktop;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
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
 * JPEG at quality 80 of a screen-like frame (core's {@code SyntheticDesktop}: windows with lines
 * of text on white, flat UI, one noisy photo-like region) at full resolution: the pure-Java
 * pipeline (ImageIO's writer) against the same pipeline with the TurboJPEG codec. The frame is in
 * a direct buffer as a backend hands it over, or on the heap (the codec then copies it to native
 * memory first). The encoded sizes are printed once per trial on stderr.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class TurboJpegBenchmark {
    private static final EncodeSettings JPEG_80 = new EncodeSettings(PixmapFormat.JPEG, 0, 80);

    @Param({"1920x1080", "1429x804"})
    public String size;

    @Param({"direct", "heap"})
    public String buffer;

    private final ImagePipeline java = new ImagePipeline();
    private final ImagePipeline turbo = new ImagePipeline(new TurboJpegCodec());
    private RawFrame frame;
    private int width;
    private int height;

    @Setup(Level.Trial)
    public void paint() {
        String[] parts = size.split("x");
        width = Integer.parseInt(parts[0]);
        height = Integer.parseInt(parts[1]);
        frame = SyntheticDesktop.of(width, height).frame(buffer.equals("direct"), 0);
        int javaBytes = java().data().length;
        Pixmap turboPixmap = turbojpeg();
        if (!turbo.codecName().equals("turbojpeg")) {
            throw new IllegalStateException("the TurboJPEG codec is not in use (is libturbojpeg0 installed?)");
        }
        System.err.printf(Locale.ROOT, "%n%s %s q80 bytes: java=%d turbojpeg=%d (%.3f)%n",
                size, buffer, javaBytes, turboPixmap.data().length, (double) turboPixmap.data().length / javaBytes);
    }

    @Benchmark
    public Pixmap java() {
        return java.encode(frame, JPEG_80, width, height, null, 0);
    }

    @Benchmark
    public Pixmap turbojpeg() {
        return turbo.encode(frame, JPEG_80, width, height, null, 0);
    }
}
