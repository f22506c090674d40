package dev.opendesk.core.discovery;

import static java.util.Objects.requireNonNull;

/**
 * What a host advertises: its instance name, port, static public key, fingerprint and optional
 * description (protocol §12).
 */
public record ServiceRecord(String instanceName, int port, byte[] publicKey, String fingerprint, String description) {
    public ServiceRecord {
        requireNonNull(instanceName, "instanceName is null");
        requireNonNull(publicKey, "publicKey is null");
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(description, "description is null");
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("publicKey must be 32 bytes, got " + publicKey.length);
        }
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
