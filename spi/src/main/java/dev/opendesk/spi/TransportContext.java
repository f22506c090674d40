package dev.opendesk.spi;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What a transport or discovery provider gets when it is created.
 *
 * @param home the opendesk home directory
 * @param platform the machine it runs on
 */
public record TransportContext(Path home, HostPlatform platform) {
    public TransportContext {
        requireNonNull(home, "home is null");
        requireNonNull(platform, "platform is null");
    }
}
