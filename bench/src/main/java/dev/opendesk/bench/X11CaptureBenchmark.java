package dev.opendesk.bench;

import com.sun.jna.platform.unix.X11;
import dev.opendesk.backend.x11.X11CaptureOptions;
import dev.opendesk.backend.x11.X11Screens;
import dev.opendesk.backend.x11.X11Session;
import dev.opendesk.core.computer.CaptureRequest;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.model.Pixmap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Screen capture on a real X server (an Xvfb of the given size started in setup, showing an
 * xterm full of text, the ImageMagick logo and a few solid windows): {@code grab} is the raw grab
 * alone (XShm by default, {@code -p shm=false} for XGetImage), {@code capture} the wire default
 * (grab, copy, ≤ 1920 px wide, PNG), {@code captureFullResolution} the same without downscaling.
 * Needs Xvfb, xterm and imagemagick ({@code display}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class X11CaptureBenchmark {
    @Param({"1920x1080", "3840x2160"})
    public String size;

    @Param({"true"})
    public boolean shm;

    private BenchXvfb xvfb;
    private final List<Process> clients = new ArrayList<>();
    private X11Screens screens;
    private X11Session session;
    private X11.Display painter;

    @Setup(Level.Trial)
    public void start() throws Exception {
        xvfb = BenchXvfb.start(size, 200);
        String display = xvfb.display();
        session = new X11Session(display);
        clients.add(client(display, "xterm", "-geometry", "180x55+20+20", "-e", "sh", "-c", "ls -lR /usr/lib | head -3000; sleep 100000"));
        clients.add(client(display, "display", "-geometry", "+900+300", "logo:"));
        painter = session.open("bench paint");
        X11.Window root = X11.INSTANCE.XDefaultRootWindow(painter);
        int[] colours = {0xd04040, 0x40a040, 0x3050d0, 0xe0c020, 0x808080, 0xffffff};
        for (int i = 0; i < colours.length; i++) {
            X11.Window window = X11.INSTANCE.XCreateSimpleWindow(painter, root, 60 + i * 280, 760 + (i % 2) * 120, 240, 200, 0, 0, colours[i]);
            X11.INSTANCE.XMapWindow(painter, window);
        }
        X11.INSTANCE.XSync(painter, false);
        Thread.sleep(1500); // let xterm fill itself and the logo appear
        screens = new X11Screens(session, new ImagePipeline(), new X11CaptureOptions(shm, false));
        if (screens.usesSharedMemory() != shm) {
            throw new IllegalStateException("wanted shm=" + shm + " but got " + screens.usesSharedMemory());
        }
    }

    private static Process client(String display, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        return builder.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        if (screens != null) {
            screens.close();
        }
        if (painter != null) {
            session.close(painter);
        }
        for (Process client : clients) {
            client.destroyForcibly();
        }
        if (xvfb != null) {
            xvfb.close();
        }
    }

    /** The grab alone: one XShmGetImage (or XGetImage) of the whole screen, pixels touched once. */
    @Benchmark
    public int grab() {
        return screens.grab(null, null, frame -> frame.rgb(frame.width() / 2, frame.height() / 2));
    }

    /** What {@code display.capture} does by default: grab, copy, scale to ≤ 1920 wide, PNG. */
    @Benchmark
    public Pixmap capture() {
        return screens.capture(CaptureRequest.primary());
    }

    /** {@code display.capture} with {@code downscale=false}. */
    @Benchmark
    public Pixmap captureFullResolution() {
        return screens.capture(new CaptureRequest(null, null, false));
    }
}
