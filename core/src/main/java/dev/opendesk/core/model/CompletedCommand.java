package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@code process.shell} or {@code process.exec} (wire {@code CompletedCommand}).
 * The bytes are copied on the way in and out; equality compares them by content.
 *
 * @param returncode exit status (negative for a signal on POSIX)
 * @param stdout standard output
 * @param stderr standard error
 * @param duration wall time in seconds, not negative
 */
public record CompletedCommand(int returncode, byte[] stdout, byte[] stderr, double duration) {
    public CompletedCommand {
        stdout = requireNonNull(stdout, "stdout is null").clone();
        stderr = requireNonNull(stderr, "stderr is null").clone();
        Checks.nonNegative(duration, "duration");
    }

    /** A copy of standard output. */
    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    /** A copy of standard error. */
    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /** Standard output decoded as UTF-8 (malformed input replaced). */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard error decoded as UTF-8 (malformed input replaced). */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof CompletedCommand other
                && returncode == other.returncode
                && Arrays.equals(stdout, other.stdout)
                && Arrays.equals(stderr, other.stderr)
                && Double.compare(duration, other.duration) == 0;
    }

    @Override
    public int hashCode() {
        return ((31 * returncode + Arrays.hashCode(stdout)) * 31 + Arrays.hashCode(stderr)) * 31
                + Double.hashCode(duration);
    }

    @Override
    public String toString() {
        return "CompletedCommand[returncode=" + returncode + ", stdout=<" + stdout.length + " bytes>, stderr=<"
                + stderr.length + " bytes>, duration=" + duration + "]";
    }
}
