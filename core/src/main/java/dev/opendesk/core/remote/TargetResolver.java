package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.TrustedPeer;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.discovery.DiscoveredPeer;
import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Endpoint;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what a user typed into a {@link Target} (protocol §9): {@code ws://host[:port]#<hex key>}
 * (port 80 when omitted, path ignored); a trusted peer's name → its last endpoint, else an mDNS
 * record carrying its key; nothing → the name in {@code default-peer}. Peers are matched by key,
 * never by name, on the LAN; {@link #connect} also looks there when the last endpoint fails.
 * Relay and rendezvous targets are not supported.
 */
public final class TargetResolver {
    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");

    private final TrustedPeerStore trust;
    private final HomeFiles homeFiles;
    private final Optional<Discovery> discovery;
    private final Duration browseTimeout;

    public TargetResolver(TrustedPeerStore trust, HomeFiles homeFiles, Optional<Discovery> discovery, Duration browseTimeout) {
        this.trust = requireNonNull(trust, "trust is null");
        this.homeFiles = requireNonNull(homeFiles, "homeFiles is null");
        this.discovery = requireNonNull(discovery, "discovery is null");
        this.browseTimeout = requireNonNull(browseTimeout, "browseTimeout is null");
    }

    /**
     * Resolves a target string, or the default peer when empty.
     *
     * @throws OpendeskException {@code not_found} for an unknown name or an unreachable peer
     *     without a known endpoint; {@code invalid_argument} for a malformed URL
     */
    public Target resolve(Optional<String> target) {
        String text = target.map(String::trim).filter(t -> !t.isEmpty()).orElseGet(() -> homeFiles.readDefaultPeer()
                .orElseThrow(() -> new OpendeskException(ErrorCode.NOT_FOUND,
                        "no peer given and no default peer set (opendesk peers default NAME)")));
        if (text.startsWith("ws://") || text.startsWith("wss://")) {
            return fromUrl(text);
        }
        if (text.startsWith("relay://") || text.startsWith("rendezvous://")) {
            throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "relay and rendezvous targets are not supported: " + text);
        }
        TrustedPeer peer = trust.find(text).orElseThrow(() -> new OpendeskException(ErrorCode.NOT_FOUND,
                "No trusted peer named '" + text + "'. Pair first: opendesk pair-with <host> <code> --name " + text));
        return forPeer(peer);
    }

    /** Where a trusted peer is: its last endpoint, else the LAN (mDNS) by key. */
    public Target forPeer(TrustedPeer peer) {
        byte[] key = peer.publicKeyBytes();
        if (peer.hasEndpoint()) {
            return new Target(peer.name(), new Endpoint(peer.lastHost(), peer.lastPort()), key);
        }
        return findOnLan(peer.name(), key).orElseThrow(() -> new OpendeskException(ErrorCode.NOT_FOUND,
                "no known address for peer '" + peer.name() + "'" + (discovery.isEmpty() ? "" : " and it is not on the LAN")));
    }

    /** The peer's current LAN address, by key. */
    public Optional<Target> findOnLan(String name, byte[] key) {
        if (discovery.isEmpty()) {
            return Optional.empty();
        }
        for (DiscoveredPeer found : discovery.get().browse(browseTimeout)) {
            if (Arrays.equals(found.publicKey(), key)) {
                return Optional.of(new Target(name, new Endpoint(found.host(), found.port()), key));
            }
        }
        return Optional.empty();
    }

    /**
     * Connects to {@code target}; when it is a trusted peer whose endpoint cannot be reached (a
     * {@code protocol} or {@code timeout} failure, not an authentication one), looks for its key
     * on the LAN and, when it is found at another address, connects there (protocol §9). The
     * controller caches the new endpoint on success.
     */
    public RemoteSession connect(Controller controller, Target target, boolean autoReconnect) {
        try {
            return controller.connect(target, autoReconnect);
        } catch (OpendeskException failure) {
            boolean unreachable = !(failure instanceof dev.opendesk.core.auth.AuthFailure)
                    && (failure.code() == ErrorCode.PROTOCOL || failure.code() == ErrorCode.TIMEOUT);
            if (!unreachable || target.trustedName().isEmpty() || discovery.isEmpty()) {
                throw failure;
            }
            Optional<Target> moved;
            try {
                moved = findOnLan(target.name(), target.publicKey()).filter(found -> !found.endpoint().equals(target.endpoint()));
            } catch (OpendeskException lanFailure) {
                failure.addSuppressed(lanFailure);
                throw failure;
            }
            if (moved.isEmpty()) {
                throw failure;
            }
            return controller.connect(moved.get(), autoReconnect);
        }
    }

    static Target fromUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw OpendeskException.invalidArgument("bad target URL '" + text + "': " + e.getMessage());
        }
        String fragment = uri.getFragment();
        if (uri.getHost() == null || fragment == null || !HEX_KEY.matcher(fragment).matches()) {
            throw OpendeskException.invalidArgument("a URL target needs a host and the host key: ws://HOST[:PORT]#<64 hex>");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        return new Target(uri.getHost() + ":" + port, new Endpoint(uri.getHost(), port),
                HexFormat.of().parseHex(fragment.toLowerCase(java.util.Locale.ROOT)));
    }
}
