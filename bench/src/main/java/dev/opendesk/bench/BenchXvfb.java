package dev.opendesk.bench;

import dev.opendesk.backend.x11.X11Session;
import dev.opendesk.core.model.OpendeskException;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** An Xvfb of its own for a benchmark, on the first free display number from a base. */
final class BenchXvfb implements AutoCloseable {
    private final String display;
    private final Process process;

    private BenchXvfb(String display, Process process) {
        this.display = display;
        this.process = process;
    }

    /**
     * Starts {@code Xvfb} with one screen of {@code size} (e.g. {@code 1920x1080}) and waits until
     * it answers X requests.
     *
     * @param base the display number to start looking from (offset by the pid, so that parallel
     *     runs rarely collide)
     */
    static BenchXvfb start(String size, int base) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            String display = freeDisplay(base + attempt * 7);
            Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", size + "x24", "-nolisten", "tcp", "-noreset")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && xvfb.isAlive()) {
                try {
                    X11Session probe = new X11Session(display);
                    probe.close(probe.open("probe"));
                    return new BenchXvfb(display, xvfb);
                } catch (OpendeskException e) {
                    Thread.sleep(50);
                }
            }
            xvfb.destroy();
        }
        throw new IllegalStateException("cannot start Xvfb");
    }

    /** The first display number from {@code base} (+ pid % 100) with neither a socket nor a lock file. */
    static String freeDisplay(int base) {
        for (int n = base + (int) (ProcessHandle.current().pid() % 100); n < base + 400; n++) {
            if (!new File("/tmp/.X11-unix/X" + n).exists() && !new File("/tmp/.X" + n + "-lock").exists()) {
                return ":" + n;
            }
        }
        throw new IllegalStateException("no free display number from " + base);
    }

    /** The display name, e.g. {@code :342}. */
    String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
