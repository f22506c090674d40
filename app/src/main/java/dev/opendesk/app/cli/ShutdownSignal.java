package dev.opendesk.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ctrl-C / SIGTERM for long-running commands ({@code serve}, {@code pair}): turns the signal into
 * an orderly return from the command instead of an abrupt exit, so the command can clean up and
 * choose its exit code. Tests trigger it directly.
 */
final class ShutdownSignal {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignal.class);
    private static volatile CountDownLatch latch = new CountDownLatch(1);

    private ShutdownSignal() {
    }

    /** Arms a fresh signal and installs the handlers (once per command run). */
    static void arm() {
        latch = new CountDownLatch(1);
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> trigger());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
    }

    /** Fires the signal. */
    static void trigger() {
        latch.countDown();
    }

    /** Waits for the signal at most {@code millis} ms (0 = forever); whether it fired. */
    static boolean await(long millis) throws InterruptedException {
        if (millis <= 0) {
            latch.await();
            return true;
        }
        return latch.await(millis, TimeUnit.MILLISECONDS);
    }
}
