package dev.opendesk.core.discovery;

import static java.util.Objects.requireNonNull;

/** A peer found while browsing: display name, first IPv4 address, port, key, fingerprint, description. */
public record DiscoveredPeer(String name, String host, int port, byte[] publicKey, String fingerprint, String description) {
    public DiscoveredPeer {
        requireNonNull(name, "name is null");
        requireNonNull(host, "host is null");
        requireNonNull(publicKey, "publicKey is null");
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(description, "description is null");
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("publicKey must be 32 bytes, got " + publicKey.length);
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DiscoveredPeer that
                && name.equals(that.name) && host.equals(that.host) && port == that.port
                && java.util.Arrays.equals(publicKey, that.publicKey)
                && fingerprint.equals(that.fingerprint) && description.equals(that.description);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, host, port, java.util.Arrays.hashCode(publicKey), fingerprint, description);
    }

    @Override
    public String toString() {
        return "DiscoveredPeer[" + name + " " + host + ":" + port + " " + fingerprint + "]";
    }
}
