package dev.opendesk.core.computer;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parameters of {@code process.shell}: a command line run through the host's shell.
 *
 * @param command the command line
 * @param timeout how long to wait before killing the child and failing with {@code timeout},
 *     or null to wait forever (wire: float seconds or nil)
 * @param cwd working directory, or null for the host's default
 * @param env variables merged over the host's environment, in order; empty for none (wire nil)
 */
public record ShellCommand(String command, @Nullable Duration timeout, @Nullable String cwd, Map<String, String> env) {
    public ShellCommand {
        requireNonNull(command, "command is null");
        CommandOptions.checkTimeout(timeout);
        env = CommandOptions.copyEnv(env);
    }

    /** {@code command} with no timeout, default directory and no extra environment. */
    public static ShellCommand of(String command) {
        return new ShellCommand(command, null, null, Map.of());
    }
}
