package dev.opendesk.spi;

import static java.util.Objects.requireNonNull;

/**
 * Where and how a {@link ToolAdapter} serves its protocol over HTTP.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} (the safe default: only this machine)
 * @param port the TCP port, {@code 0} for any free one (the {@link RunningServer} says which)
 * @param bearerToken a token every request must present as {@code Authorization: Bearer <token>};
 *     empty for none
 */
public record HttpServeOptions(String host, int port, String bearerToken) {
    public HttpServeOptions {
        requireNonNull(host, "host is null");
        requireNonNull(bearerToken, "bearerToken is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Loopback only, on the given port, without a token. */
    public static HttpServeOptions loopback(int port) {
        return new HttpServeOptions("127.0.0.1", port, "");
    }

    /** Whether a bearer token is required. */
    public boolean requiresToken() {
        return !bearerToken.isEmpty();
    }

    @Override
    public String toString() {
        // never print the token
        return "HttpServeOptions[host=" + host + ", port=" + port + ", token=" + (requiresToken() ? "set" : "none") + "]";
    }
}
