package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import java.util.HexFormat;

/** Human-readable short forms of a public key (protocol §4.2). */
public final class Fingerprint {
    private static final HexFormat HEX = HexFormat.of();

    private Fingerprint() {}

    /** The display fingerprint: first 8 bytes as lowercase hex in 4 groups of 4, e.g. {@code 7b4e:909b:be7f:fe44}. */
    public static String of(byte[] publicKey) {
        String h = shortId(publicKey);
        return h.substring(0, 4) + ":" + h.substring(4, 8) + ":" + h.substring(8, 12) + ":" + h.substring(12, 16);
    }

    /** The audit short id: the first 16 lowercase hex chars, no colons. */
    public static String shortId(byte[] publicKey) {
        requireNonNull(publicKey, "publicKey is null");
        if (publicKey.length < 8) {
            throw new IllegalArgumentException("public key too short: " + publicKey.length + " bytes");
        }
        return HEX.formatHex(publicKey, 0, 8);
    }

    /** Lowercase hex of a whole key, as stored in trusted-peers.json. */
    public static String hex(byte[] publicKey) {
        return HEX.formatHex(requireNonNull(publicKey, "publicKey is null"));
    }
}
