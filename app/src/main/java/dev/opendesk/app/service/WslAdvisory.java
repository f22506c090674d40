package dev.opendesk.app.service;

import dev.opendesk.spi.HostPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The WSL2 networking advisory (spec/surface.md §4) that {@code pair}, {@code serve},
 * {@code discover} and {@code check} print to stderr when running under WSL: mDNS does not cross
 * the WSL2 NAT, and how to fix it.
 */
public final class WslAdvisory {
    /** The advisory text. */
    public static final String TEXT = String.join("\n",
            "NOTE: running under WSL2. Its NAT blocks mDNS both ways and hides this port from the LAN:",
            "  fix: put `[wsl2]` + `networkingMode=mirrored` in %UserProfile%\\.wslconfig, then run `wsl --shutdown`;",
            "  or forward the port from Windows (opendesk wsl-setup), or pair by IP address.");

    private WslAdvisory() {
    }

    /** Whether this is Linux under WSL: "microsoft" or "wsl" in the kernel release (else /proc/version). */
    public static boolean isWsl(HostPlatform platform, Path proc) {
        if (!platform.isLinux()) {
            return false;
        }
        for (Path file : new Path[] {proc.resolve("sys/kernel/osrelease"), proc.resolve("version")}) {
            Optional<String> text = read(file);
            if (text.isPresent()) {
                String lower = text.get().toLowerCase(Locale.ROOT);
                return lower.contains("microsoft") || lower.contains("wsl");
            }
        }
        return false;
    }

    /** The advisory when this machine is WSL. */
    public static Optional<String> forThisMachine() {
        return isWsl(HostPlatform.current(), Path.of("/proc")) ? Optional.of(TEXT) : Optional.empty();
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
