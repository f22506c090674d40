package dev.opendesk.core.computer;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.OpendeskException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of {@code process.exec}: a program started from an argument vector, no shell
 * involved. The stdin bytes are copied on the way in and out; equality compares them by content.
 *
 * @param argv program and arguments, not empty
 * @param timeout how long to wait before killing the child and failing with {@code timeout},
 *     or null to wait forever (wire: float seconds or nil)
 * @param cwd working directory, or null for the host's default
 * @param env variables merged over the host's environment, in order; empty for none (wire nil)
 * @param stdin bytes fed to standard input, or null for none (wire nil)
 */
public record ExecCommand(
        List<String> argv,
        @Nullable Duration timeout,
        @Nullable String cwd,
        Map<String, String> env,
        byte @Nullable [] stdin) {
    public ExecCommand {
        requireNonNull(argv, "argv is null");
        for (String arg : argv) {
            requireNonNull(arg, "argv contains null");
        }
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw OpendeskException.invalidArgument("argv must not be empty");
        }
        CommandOptions.checkTimeout(timeout);
        env = CommandOptions.copyEnv(env);
        stdin = stdin == null ? null : stdin.clone();
    }

    /** {@code argv} with no timeout, default directory, no extra environment and no stdin. */
    public static ExecCommand of(String... argv) {
        return new ExecCommand(List.of(argv), null, null, Map.of(), null);
    }

    /** A copy of the stdin bytes, or null. */
    @Override
    public byte @Nullable [] stdin() {
        return stdin == null ? null : stdin.clone();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ExecCommand other
                && argv.equals(other.argv)
                && Objects.equals(timeout, other.timeout)
                && Objects.equals(cwd, other.cwd)
                && env.equals(other.env)
                && Arrays.equals(stdin, other.stdin);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(argv, timeout, cwd, env) + Arrays.hashCode(stdin);
    }

    @Override
    public String toString() {
        return "ExecCommand[argv=" + argv + ", timeout=" + timeout + ", cwd=" + cwd + ", env=" + env
                + ", stdin=" + (stdin == null ? "null" : "<" + stdin.length + " bytes>") + "]";
    }
}
