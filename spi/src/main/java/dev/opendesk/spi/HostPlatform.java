package dev.opendesk.spi;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a provider's {@code supports} check may look at before anything is instantiated: the
 * operating system and the process environment. (The wire {@code Environment} describes a desktop
 * a backend has already opened; this describes the machine the host runs on.)
 *
 * @param osName the operating system as the JVM names it ({@code os.name})
 * @param osVersion its version ({@code os.version})
 * @param arch the CPU architecture ({@code os.arch})
 * @param variables the process environment variables
 */
public record HostPlatform(String osName, String osVersion, String arch, Map<String, String> variables) {
    public HostPlatform {
        requireNonNull(osName, "osName is null");
        requireNonNull(osVersion, "osVersion is null");
        requireNonNull(arch, "arch is null");
        variables = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(variables, "variables is null")));
    }

    /** The platform of the running JVM. */
    public static HostPlatform current() {
        return new HostPlatform(System.getProperty("os.name", "unknown"), System.getProperty("os.version", ""),
                System.getProperty("os.arch", ""), System.getenv());
    }

    /** The value of an environment variable, if set and not blank. */
    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Whether this is Linux. */
    public boolean isLinux() {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** Whether this is macOS. */
    public boolean isMac() {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.startsWith("mac") || os.startsWith("darwin");
    }

    /** Whether this is Windows. */
    public boolean isWindows() {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
