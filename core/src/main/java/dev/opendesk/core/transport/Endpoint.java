package dev.opendesk.core.transport;

import static java.util.Objects.requireNonNull;

/**
 * Where to listen or dial: a host (name or address; an in-process transport treats it as a
 * channel name) and a TCP port ({@code 0} = any free port when listening).
 */
public record Endpoint(String host, int port) {
    public Endpoint {
        requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
