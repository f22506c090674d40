package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A running process (wire {@code Process}). Note the name clash with {@link java.lang.Process}:
 * code that uses both imports this one explicitly.
 *
 * @param pid process id, not negative
 * @param name process name
 * @param ppid parent process id, or null (wire nil)
 * @param cmdline command line (default empty)
 */
public record Process(long pid, String name, @Nullable Long ppid, List<String> cmdline) {
    public Process {
        Checks.nonNegative(pid, "pid");
        requireNonNull(name, "name is null");
        Checks.nonNegativeOrNull(ppid, "ppid");
        cmdline = Checks.list(cmdline, "cmdline");
    }

    /** A process without parent and command line. */
    public static Process of(long pid, String name) {
        return new Process(pid, name, null, List.of());
    }
}
