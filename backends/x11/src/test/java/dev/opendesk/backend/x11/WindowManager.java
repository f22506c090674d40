package dev.opendesk.backend.x11;

import java.time.Duration;

/**
 * Starts a small EWMH window manager (openbox, Debian package {@code openbox}) on a test X server;
 * it is stopped with the server's other children.
 */
final class WindowManager {
    private WindowManager() {
    }

    /** Starts openbox and waits until it announces itself through {@code _NET_SUPPORTING_WM_CHECK}. */
    static void start(XvfbServer xvfb) {
        if (xvfb.run("sh", "-c", "command -v openbox").exitCode() != 0) {
            throw new IllegalStateException("openbox is not installed (Debian package 'openbox')");
        }
        Process process = xvfb.spawn("openbox", "--sm-disable");
        XvfbServer.await(Duration.ofSeconds(10), "openbox to manage the screen", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("openbox exited with status " + process.exitValue());
            }
            return xvfb.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").stdout().contains("window id");
        });
    }
}
