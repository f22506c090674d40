package dev.opendesk.app.service;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the service runs: the launcher command ({@code [/path/to/opendesk]}, or
 * {@code [java, -jar, opendesk-app.jar]}), the port, and the opendesk home when one was chosen.
 *
 * @param launcher the command that starts opendesk, program first
 * @param port the port {@code serve} listens on
 * @param home the {@code --home} to pass, or {@code null} for the default
 */
public record ServiceSpec(List<String> launcher, int port, @Nullable Path home) {
    public ServiceSpec {
        launcher = List.copyOf(requireNonNull(launcher, "launcher is null"));
        if (launcher.isEmpty() || launcher.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("launcher must be a non-empty command without empty words");
        }
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The {@code --home} to pass, if any. */
    public Optional<Path> homeOption() {
        return Optional.ofNullable(home);
    }

    /** The full command: launcher, {@code serve --port P}, and {@code --home H} when set. */
    public List<String> command() {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("serve", "--port", Integer.toString(port)));
        if (home != null) {
            command.addAll(List.of("--home", home.toString()));
        }
        return List.copyOf(command);
    }
}
