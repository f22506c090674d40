package dev.opendesk.codec.turbojpeg;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.ImageCodecProvider;
import dev.opendesk.spi.Support;
import java.util.function.Function;

/**
 * Provides {@link TurboJpegCodec}: JPEG encoding through the system's libjpeg-turbo. Supported
 * when the TurboJPEG shared library file is in one of the usual places (found without loading
 * it); PNG and scaling stay with the pure-Java pipeline.
 */
public final class TurboJpegCodecProvider implements ImageCodecProvider {
    private final Function<HostPlatform, LibraryLocation> locations;

    /** The provider that looks in this OS's usual library directories. */
    public TurboJpegCodecProvider() {
        this(LibraryLocation::of);
    }

    /** A provider that looks where {@code locations} says (tests). */
    TurboJpegCodecProvider(Function<HostPlatform, LibraryLocation> locations) {
        this.locations = requireNonNull(locations, "locations is null");
    }

    @Override
    public String id() {
        return "turbojpeg";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public String description() {
        return "JPEG encoding through libjpeg-turbo (TurboJPEG, via JNA)";
    }

    @Override
    public Support supports(HostPlatform platform) {
        try {
            LibraryLocation location = locations.apply(platform);
            return location.find().isPresent() ? Support.yes() : Support.no(location.missingReason());
        } catch (RuntimeException e) {
            return Support.no("cannot look for libturbojpeg: " + e.getMessage());
        }
    }

    @Override
    public ImageCodec create() {
        return new TurboJpegCodec(() -> locations.apply(HostPlatform.current()).find());
    }
}
