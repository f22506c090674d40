package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One entry of {@code trusted-peers.json} (protocol §4.3).
 *
 * @param publicKey 64 lowercase hex chars of the peer's static public key
 * @param name friendly name ({@code peer-} + 6 hex by default)
 * @param pairedAt Unix epoch seconds of the pairing
 * @param description the peer's self-description cached from its latest HELLO
 * @param descriptionOverride a local label that wins over {@code description} when non-empty
 * @param lastHost last endpoint host reached ({@code ""} = none)
 * @param lastPort last endpoint port ({@code 0} = none)
 * @param role {@link #ROLE_CONTROLLER}, {@link #ROLE_REMOTE} or {@link #ROLE_ANY}; other strings are kept as read
 * @param rendezvousUrl rendezvous URL to reach the peer ({@code ""} = none)
 */
public record TrustedPeer(
        String publicKey,
        String name,
        double pairedAt,
        String description,
        String descriptionOverride,
        String lastHost,
        int lastPort,
        String role,
        String rendezvousUrl) {
    /** The peer may control us. */
    public static final String ROLE_CONTROLLER = "controller";
    /** We control the peer. */
    public static final String ROLE_REMOTE = "remote";
    /** Legacy: both directions. */
    public static final String ROLE_ANY = "";
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-f]{64}");

    public TrustedPeer {
        requireNonNull(publicKey, "publicKey is null");
        if (!HEX_KEY.matcher(publicKey).matches()) {
            throw new IllegalArgumentException("publicKey must be 64 lowercase hex chars: " + publicKey);
        }
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(descriptionOverride, "descriptionOverride is null");
        requireNonNull(lastHost, "lastHost is null");
        requireNonNull(role, "role is null");
        requireNonNull(rendezvousUrl, "rendezvousUrl is null");
        if (Double.isNaN(pairedAt)) {
            throw new IllegalArgumentException("pairedAt is NaN");
        }
        if (lastPort < 0 || lastPort > 65_535) {
            throw new IllegalArgumentException("lastPort out of range: " + lastPort);
        }
    }

    /** The name a freshly paired key gets: {@code peer-} + its first 6 hex chars. */
    public static String defaultName(String publicKeyHex) {
        return "peer-" + publicKeyHex.substring(0, 6);
    }

    /** The override when set, else the cached description. */
    public String effectiveDescription() {
        return descriptionOverride.isEmpty() ? description : descriptionOverride;
    }

    /** Whether this peer may control us (role {@code controller} or legacy {@code ""}). */
    public boolean isController() {
        return ROLE_CONTROLLER.equals(role) || ROLE_ANY.equals(role);
    }

    /** Whether we may control this peer (role {@code remote} or legacy {@code ""}). */
    public boolean isRemote() {
        return ROLE_REMOTE.equals(role) || ROLE_ANY.equals(role);
    }

    /** The raw 32-byte public key. */
    public byte[] publicKeyBytes() {
        return HexFormat.of().parseHex(publicKey);
    }

    /** The display fingerprint. */
    public String fingerprint() {
        return Fingerprint.of(publicKeyBytes());
    }

    /** Whether a cached endpoint is present. */
    public boolean hasEndpoint() {
        return !lastHost.isEmpty() && lastPort > 0;
    }

    TrustedPeer withName(String newName) {
        return new TrustedPeer(publicKey, newName, pairedAt, description, descriptionOverride, lastHost, lastPort, role,
                rendezvousUrl);
    }
}
