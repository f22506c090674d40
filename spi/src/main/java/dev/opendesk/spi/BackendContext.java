package dev.opendesk.spi;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.image.ImagePipeline;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a backend gets when it is created.
 *
 * @param home the opendesk home directory (e.g. {@code ~/.opendesk}), already created
 * @param platform the machine the backend runs on
 * @param options backend options from configuration or the command line ({@code key=value})
 * @param pipeline the image pipeline to scale and encode captures with (it carries the host's
 *     chosen {@link dev.opendesk.core.image.ImageCodec}); a backend should not build its own
 */
public record BackendContext(Path home, HostPlatform platform, Map<String, String> options, ImagePipeline pipeline) {
    public BackendContext {
        requireNonNull(home, "home is null");
        requireNonNull(platform, "platform is null");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(options, "options is null")));
        requireNonNull(pipeline, "pipeline is null");
    }

    /** A context with the pure-Java image pipeline. */
    public BackendContext(Path home, HostPlatform platform, Map<String, String> options) {
        this(home, platform, options, new ImagePipeline());
    }

    /** An option, if set. */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }
}
