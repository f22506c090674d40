package dev.opendesk.backend.x11.atspi;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the AT-SPI client finds the session bus and how it reports itself.
 *
 * @param sessionBusAddress the D-Bus session bus address ({@code unix:path=…}), or null when the
 *     desktop has none (then {@code ui.*} is unsupported)
 * @param backend the backend name put in {@code capability_unsupported} errors, e.g. {@code local/linux}
 * @param limits the walk limits
 */
public record AtspiSettings(@Nullable String sessionBusAddress, String backend, AtspiLimits limits) {
    public AtspiSettings {
        requireNonNull(backend, "backend is null");
        requireNonNull(limits, "limits is null");
        if (sessionBusAddress != null && sessionBusAddress.isBlank()) {
            sessionBusAddress = null;
        }
    }

    /** A system property naming the session bus address, ahead of the environment (for tests and services). */
    public static final String ADDRESS_PROPERTY = "opendesk.dbus.session-address";

    /**
     * The session bus of this process (the {@value #ADDRESS_PROPERTY} system property, else the
     * environment), with the default limits.
     */
    public static AtspiSettings fromEnvironment(String backend) {
        String property = System.getProperty(ADDRESS_PROPERTY);
        String address = property != null && !property.isBlank() ? property : sessionBusAddress(System.getenv());
        return new AtspiSettings(address, backend, AtspiLimits.defaults());
    }

    /**
     * {@code DBUS_SESSION_BUS_ADDRESS}, else the systemd user bus {@code $XDG_RUNTIME_DIR/bus}
     * when that socket exists, else null.
     */
    static @Nullable String sessionBusAddress(Map<String, String> environment) {
        String address = environment.get("DBUS_SESSION_BUS_ADDRESS");
        if (address != null && !address.isBlank()) {
            return address;
        }
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            Path socket = Path.of(runtime, "bus");
            if (Files.exists(socket)) {
                return "unix:path=" + socket;
            }
        }
        return null;
    }
}
