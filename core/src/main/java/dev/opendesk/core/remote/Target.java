package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.transport.Endpoint;
import java.util.Optional;

/**
 * Where a controller connects and which host key it expects there.
 *
 * @param name the trusted name (or {@code host:port} for a raw URL target)
 * @param endpoint where to dial
 * @param publicKey the host's static key
 */
public record Target(String name, Endpoint endpoint, byte[] publicKey) {
    public Target {
        requireNonNull(name, "name is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(publicKey, "publicKey is null");
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("publicKey must be 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The trusted peer's name, when this target is one. */
    public Optional<String> trustedName() {
        return name.contains(":") ? Optional.empty() : Optional.of(name);
    }
}
