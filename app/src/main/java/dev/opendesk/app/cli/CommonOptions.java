package dev.opendesk.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
    @Option(names = "--home", paramLabel = "DIR",
            description = "opendesk home directory (default: $OPENDESK_HOME or ~/.opendesk)")
    private Path home;

    @Option(names = "--backend", paramLabel = "ID",
            description = "desktop backend to use (default: the highest-priority one that works here)")
    private String backend;

    Optional<Path> home() {
        return Optional.ofNullable(home);
    }

    Optional<String> backend() {
        return Optional.ofNullable(backend);
    }
}
