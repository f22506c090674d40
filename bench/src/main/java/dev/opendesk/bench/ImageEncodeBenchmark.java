package dev.opendesk.bench;

import dev.opendesk.core.image.EncodeSettings;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.image.SyntheticDesktop;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
 * The image pipeline on desktop-like frames (flat UI, high-contrast text, one noisy photo-like
 * region; see core's {@code SyntheticDesktop}) in a direct buffer, as a backend hands them over:
 * PNG with the default settings (4K is scaled to 1920 wide), PNG at full resolution, JPEG at
 * quality 80, and the first, straightforward ImageIO version of the pipeline for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ImageEncodeBenchmark {
    private static final EncodeSettings JPEG_80 = new EncodeSettings(PixmapFormat.JPEG, 0, 80);

    @Param({"1920x1080", "3840x2160"})
    public String size;

    private final ImagePipeline pipeline = new ImagePipeline();
    private RawFrame frame;
    private int width;
    private int height;

    @Setup(Level.Trial)
    public void paint() {
        String[] parts = size.split("x");
        width = Integer.parseInt(parts[0]);
        height = Integer.parseInt(parts[1]);
        frame = SyntheticDesktop.of(width, height).frame(true, 0);
    }

    @Benchmark
    public Pixmap pngDefault() {
        return pipeline.encode(frame, EncodeSettings.defaults(), width, height, null, 0);
    }

    @Benchmark
    public Pixmap pngFullResolution() {
        return pipeline.encode(frame, EncodeSettings.fullResolution(), width, height, null, 0);
    }

    @Benchmark
    public Pixmap jpeg80() {
        return pipeline.encode(frame, JPEG_80, width, height, null, 0);
    }

    @Benchmark
    public Pixmap imageIoPngDefault() {
        return imageIoEncode(frame, EncodeSettings.defaults(), width, height);
    }

    /** The pipeline's first version, kept here only as the baseline. */
    private static Pixmap imageIoEncode(RawFrame frame, EncodeSettings settings, int logicalWidth, int logicalHeight) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[frame.width()];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                row[x] = frame.rgb(x, y);
            }
            image.setRGB(0, y, frame.width(), 1, row, 0, frame.width());
        }
        BufferedImage scaled = image;
        if (settings.maxWidth() > 0 && frame.width() > settings.maxWidth()) {
            int width = settings.maxWidth();
            int height = Math.max(1, (int) Math.round((double) frame.height() * width / frame.width()));
            scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            var graphics = scaled.createGraphics();
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(scaled, settings.format().wire(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Pixmap(out.toByteArray(), settings.format(), scaled.getWidth(), scaled.getHeight(),
                logicalWidth, logicalHeight, null, 0);
    }
}
