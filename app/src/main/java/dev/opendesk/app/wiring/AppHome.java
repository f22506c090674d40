package dev.opendesk.app.wiring;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The opendesk home directory ({@code ~/.opendesk} unless {@code --home} or
 * {@code OPENDESK_HOME} says otherwise), created owner-only (0700) on first use.
 *
 * @param path the directory
 */
public record AppHome(Path path) {
    public AppHome {
        requireNonNull(path, "path is null");
        path = path.toAbsolutePath().normalize();
    }

    /** Resolves the home: the explicit option first, then {@code OPENDESK_HOME}, then {@code ~/.opendesk}. */
    public static AppHome resolve(Optional<Path> explicit, Map<String, String> environment) {
        if (explicit.isPresent()) {
            return new AppHome(explicit.get());
        }
        String fromEnvironment = environment.get("OPENDESK_HOME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new AppHome(Path.of(fromEnvironment));
        }
        return new AppHome(Path.of(System.getProperty("user.home"), ".opendesk"));
    }

    /** Creates the directory (0700 on POSIX) if it does not exist yet, and returns this home. */
    public AppHome ensureCreated() {
        if (Files.isDirectory(path)) {
            return this;
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(path);
            }
            return this;
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot create home directory " + path + ": " + e.getMessage(), e);
        }
    }

    /** Where drop-in plugin jars live. */
    public Path pluginsDirectory() {
        return path.resolve("plugins");
    }
}
