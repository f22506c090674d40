package dev.opendesk.core.computer;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.OpendeskException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Checks shared by {@link ShellCommand} and {@link ExecCommand}. */
final class CommandOptions {
    private CommandOptions() {}

    static void checkTimeout(@Nullable Duration timeout) {
        if (timeout != null && timeout.isNegative()) {
            throw OpendeskException.invalidArgument("timeout must not be negative, got " + timeout);
        }
    }

    static Map<String, String> copyEnv(Map<String, String> env) {
        requireNonNull(env, "env is null");
        Map<String, String> copy = new LinkedHashMap<>();
        env.forEach((key, value) -> copy.put(
                requireNonNull(key, "env contains a null key"),
                requireNonNull(value, "env contains a null value for key '" + key + "'")));
        return Collections.unmodifiableMap(copy);
    }
}
