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

    @Option(names = "--codec", paramLabel = "ID",
            description = "image codec for scaling and PNG/JPEG (default: $OPENDESK_CODEC, else every one that works here; java: none)")
    private String codec;

    Optional<Path> home() {
        return Optional.ofNullable(home);
    }

    Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    Optional<String> codec() {
        return Optional.ofNullable(codec);
    }
}
