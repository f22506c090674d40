package dev.opendesk.backend.x11;

import com.sun.jna.platform.unix.X11;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.BackendContext;
import dev.opendesk.spi.BackendProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Provides the Linux X11 backend ({@link X11Computer}), id {@code x11}. It is usable when
 * {@code DISPLAY} is set and the X server answers within five seconds (an unreachable server
 * fails at once; the margin is for a machine so loaded that a healthy server answers late). Backend options
 * {@code x11.shm} and {@code x11.cursor} tune capture ({@link X11CaptureOptions}).
 */
public final class X11BackendProvider implements BackendProvider {
    private static final long PROBE_MILLIS = 5000;

    @Override
    public String id() {
        return "x11";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public String description() {
        return "Linux X11 desktop backend";
    }

    @Override
    public Support supports(HostPlatform platform) {
        if (!platform.isLinux()) {
            return Support.no("runs on Linux only, this is " + platform.osName());
        }
        var display = platform.variable("DISPLAY");
        if (display.isEmpty()) {
            return Support.no("needs an X server: DISPLAY is not set");
        }
        return answers(display.get()) ? Support.yes() : Support.no("X server " + display.get() + " does not answer");
    }

    /** Opens and closes a connection, giving up after a second (a hung server may never answer). */
    private static boolean answers(String display) {
        X11Session session = new X11Session(display);
        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                X11.Display connection = session.open("probe");
                session.close(connection);
                probe.complete(true);
            } catch (RuntimeException | Error e) {
                probe.complete(false);
            }
        }, "x11-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return probe.get(PROBE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Computer create(BackendContext context) {
        String display = context.platform().variable("DISPLAY").orElseThrow(() ->
                new OpendeskException(ErrorCode.INTERNAL, "backend x11 needs an X server: DISPLAY is not set"));
        X11CaptureOptions options;
        try {
            options = X11CaptureOptions.fromOptions(context.options());
        } catch (IllegalArgumentException e) {
            throw OpendeskException.invalidArgument("backend x11: " + e.getMessage());
        }
        return new X11Computer(new X11Session(display), context.pipeline(), options);
    }
}
