package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a backend says it supports (wire {@code CapabilityManifest}, protocol §11). Advisory: the
 * reference client does not check it before calling, it only converts {@code capability_unsupported}.
 *
 * @param capabilities the supported features (a set; unmodifiable, in enum order)
 * @param limits per-capability limits, e.g. {@code {"display.stream": {"max_fps": 30}}}, insertion order kept
 * @param protocolVersion protocol version string (default {@value #PROTOCOL_VERSION})
 * @param backend backend name, e.g. {@code local/linux} (default {@value #UNKNOWN_BACKEND})
 * @param description free-text host description (default "")
 */
public record CapabilityManifest(
        Set<Capability> capabilities,
        Map<String, Map<String, Object>> limits,
        String protocolVersion,
        String backend,
        String description) {
    /** The manifest {@code protocol_version} this implementation speaks. */
    public static final String PROTOCOL_VERSION = "0.1";
    /** The default {@code backend}. */
    public static final String UNKNOWN_BACKEND = "unknown";

    public CapabilityManifest {
        requireNonNull(capabilities, "capabilities is null");
        Set<Capability> copy = EnumSet.noneOf(Capability.class);
        for (Capability capability : capabilities) {
            copy.add(requireNonNull(capability, "capabilities contains null"));
        }
        capabilities = Collections.unmodifiableSet(copy);
        requireNonNull(limits, "limits is null");
        Map<String, Map<String, Object>> limitsCopy = new LinkedHashMap<>();
        limits.forEach((key, value) -> limitsCopy.put(
                requireNonNull(key, "limits contains a null key"), Checks.map(value, "limits['" + key + "']")));
        limits = Collections.unmodifiableMap(limitsCopy);
        requireNonNull(protocolVersion, "protocolVersion is null");
        requireNonNull(backend, "backend is null");
        requireNonNull(description, "description is null");
    }

    /** A manifest with no limits, the default protocol version and an empty description. */
    public static CapabilityManifest of(Set<Capability> capabilities, String backend) {
        return new CapabilityManifest(capabilities, Map.of(), PROTOCOL_VERSION, backend, "");
    }

    /** The manifest with nothing in it: what the Python client falls back to when it cannot read one. */
    public static CapabilityManifest empty() {
        return of(Set.of(), UNKNOWN_BACKEND);
    }

    /** Whether {@code capability} is listed. */
    public boolean supports(Capability capability) {
        return capabilities.contains(requireNonNull(capability, "capability is null"));
    }

    /** This manifest with another description (the server HELLO merges {@code description.txt} this way). */
    public CapabilityManifest withDescription(String newDescription) {
        return new CapabilityManifest(capabilities, limits, protocolVersion, backend, newDescription);
    }
}
