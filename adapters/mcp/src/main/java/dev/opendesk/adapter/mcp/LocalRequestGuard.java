package dev.opendesk.adapter.mcp;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate in front of the HTTP MCP endpoint.
 * <ul>
 *   <li>DNS rebinding: a web page on any site may make the browser send requests to
 *       {@code 127.0.0.1}; such requests carry the page's {@code Origin}, and after a rebinding its
 *       {@code Host} names the attacker's domain. A request whose {@code Origin} is present and not
 *       this machine ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}, any port) gets 403, and so
 *       does one whose {@code Host} is not one of those names while the server is bound to loopback
 *       (bound elsewhere, clients use the machine's LAN names, and the bearer token is the guard).</li>
 *   <li>Optional bearer token: with a token, a request without {@code Authorization: Bearer <token>}
 *       gets 401.</li>
 * </ul>
 */
final class LocalRequestGuard implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRequestGuard.class);
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final HttpHandler next;
    private final boolean checkHost;
    private final byte[] expectedAuthorization;

    LocalRequestGuard(HttpHandler next, boolean checkHost, String bearerToken) {
        this.next = requireNonNull(next, "next is null");
        this.checkHost = checkHost;
        this.expectedAuthorization = requireNonNull(bearerToken, "bearerToken is null").isEmpty()
                ? new byte[0]
                : ("Bearer " + bearerToken).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        if (origin != null && !isLocalOrigin(origin)) {
            refuse(exchange, StatusCodes.FORBIDDEN, "Forbidden: origin " + origin + " is not this machine");
            return;
        }
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (checkHost && (host == null || !isLocalHost(host))) {
            refuse(exchange, StatusCodes.FORBIDDEN, "Forbidden: host " + host + " is not this machine");
            return;
        }
        if (expectedAuthorization.length > 0) {
            String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            byte[] presented = authorization == null ? new byte[0] : authorization.trim().getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(presented, expectedAuthorization)) {
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"opendesk\"");
                refuse(exchange, StatusCodes.UNAUTHORIZED, "Unauthorized: a bearer token is required");
                return;
            }
        }
        next.handleRequest(exchange);
    }

    private static void refuse(HttpServerExchange exchange, int status, String message) {
        LOG.warn("refused {} {} from {}: {}", exchange.getRequestMethod(), exchange.getRequestPath(),
                exchange.getSourceAddress(), message);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(message + "\n");
    }

    /** Whether an {@code Origin} header value names this machine (scheme and port do not matter). */
    static boolean isLocalOrigin(String origin) {
        try {
            URI uri = new URI(origin.trim());
            return uri.getHost() != null && LOCAL_NAMES.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false; // includes the opaque origin "null"
        }
    }

    /** Whether a {@code Host} header value ({@code name[:port]}) names this machine. */
    static boolean isLocalHost(String host) {
        return hostName(host.trim()).map(name -> LOCAL_NAMES.contains(name.toLowerCase(Locale.ROOT))).orElse(false);
    }

    private static Optional<String> hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0 || (end + 1 < host.length() && host.charAt(end + 1) != ':')) {
                return Optional.empty();
            }
            return Optional.of(host.substring(0, end + 1));
        }
        int colon = host.indexOf(':');
        if (colon >= 0 && host.indexOf(':', colon + 1) >= 0) {
            return Optional.empty(); // a bare IPv6 address is not a valid Host header
        }
        return Optional.of(colon < 0 ? host : host.substring(0, colon));
    }
}
