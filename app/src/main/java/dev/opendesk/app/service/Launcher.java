package dev.opendesk.app.service;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/**
 * How this opendesk was started, so a service can start it the same way: the
 * {@code opendesk.launcher} system property (the {@code ./opendesk} script sets it to itself),
 * else {@code java -jar <the app jar>} when running from a jar.
 */
public final class Launcher {
    /** The system property naming the launcher program. */
    public static final String PROPERTY = "opendesk.launcher";

    private Launcher() {
    }

    /**
     * The launcher command, program first.
     *
     * @throws OpendeskException {@code not_found} when it cannot be told (running from classes)
     */
    public static List<String> current() {
        String property = System.getProperty(PROPERTY, "").strip();
        if (!property.isEmpty()) {
            return List.of(Paths.get(property).toAbsolutePath().normalize().toString());
        }
        Optional<Path> jar = appJar();
        if (jar.isPresent()) {
            String java = ProcessHandle.current().info().command()
                    .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            return List.of(java, "-jar", jar.get().toString());
        }
        throw new OpendeskException(ErrorCode.NOT_FOUND, "cannot tell how opendesk was started; run it through the opendesk"
                + " launcher, or pass -D" + PROPERTY + "=/path/to/opendesk");
    }

    private static Optional<Path> appJar() {
        try {
            var source = Launcher.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Paths.get(source.getLocation().toURI());
            return location.getFileName() != null && location.getFileName().toString().endsWith(".jar")
                    ? Optional.of(location.toAbsolutePath()) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
