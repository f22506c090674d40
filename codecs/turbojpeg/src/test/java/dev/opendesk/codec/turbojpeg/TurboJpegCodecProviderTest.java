package dev.opendesk.codec.turbojpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.ImageCodecProvider;
import dev.opendesk.spi.Support;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TurboJpegCodecProviderTest {
    private static HostPlatform linux(Map<String, String> env) {
        return new HostPlatform("Linux", "6.1", "amd64", env);
    }

    @Test
    void isFoundByTheServiceLoaderAndSupportedHere() {
        ImageCodecProvider provider = ServiceLoader.load(ImageCodecProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("turbojpeg"))
                .findFirst()
                .orElseThrow();
        assertThat(provider).isInstanceOf(TurboJpegCodecProvider.class);
        assertThat(provider.priority()).isPositive();
        assertThat(provider.description()).containsIgnoringCase("libjpeg-turbo");
        // test.sh installs libturbojpeg0
        Support support = provider.supports(HostPlatform.current());
        assertThat(support.supported()).as(support.reason()).isTrue();
        ImageCodec codec = provider.create();
        assertThat(codec.name()).isEqualTo("turbojpeg");
        assertThat(codec.operations()).containsExactly(ImageCodec.Operation.JPEG);
    }

    @Test
    void aMissingLibraryIsAReasonAUserCanActOn(@TempDir Path dir) {
        TurboJpegCodecProvider provider = new TurboJpegCodecProvider(
                platform -> new LibraryLocation(List.of(dir, dir.resolve("absent")), List.of("libturbojpeg.so.0"), "apt install libturbojpeg0"));
        Support support = provider.supports(linux(Map.of()));
        assertThat(support.supported()).isFalse();
        assertThat(support.reason()).isEqualTo("libturbojpeg not found (apt install libturbojpeg0)");
    }

    @Test
    void supportsOnlyLooksForTheFileWithoutLoadingIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("libturbojpeg.so.0"), "not a library");
        TurboJpegCodecProvider provider = new TurboJpegCodecProvider(LibraryLocation::of);
        // found through LD_LIBRARY_PATH, before the system directories
        HostPlatform platform = linux(Map.of("LD_LIBRARY_PATH", "/nonexistent:" + dir));
        assertThat(provider.supports(platform)).isEqualTo(Support.yes());
        assertThat(LibraryLocation.of(platform).find()).contains(dir.resolve("libturbojpeg.so.0"));
    }

    @Test
    void looksInEachSystemsUsualPlaces() {
        LibraryLocation linux = LibraryLocation.of(new HostPlatform("Linux", "6.1", "aarch64", Map.of()));
        assertThat(linux.directories()).contains(Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib"), Path.of("/usr/local/lib"));
        assertThat(linux.fileNames()).startsWith("libturbojpeg.so.0");
        assertThat(linux.missingReason()).contains("apt install libturbojpeg0");

        LibraryLocation mac = LibraryLocation.of(new HostPlatform("Mac OS X", "14.0", "aarch64", Map.of()));
        assertThat(mac.directories()).contains(Path.of("/opt/homebrew/opt/jpeg-turbo/lib"), Path.of("/usr/local/opt/jpeg-turbo/lib"));
        assertThat(mac.fileNames()).contains("libturbojpeg.0.dylib");
        assertThat(mac.missingReason()).contains("brew install jpeg-turbo");

        LibraryLocation windows = LibraryLocation.of(new HostPlatform("Windows 11", "10.0", "amd64",
                Map.of("PATH", "C:\\Windows\\system32;C:\\tools\\bin")));
        assertThat(windows.directories()).startsWith(Path.of("C:\\Windows\\system32"), Path.of("C:\\tools\\bin"));
        assertThat(windows.directories()).contains(Path.of("C:\\libjpeg-turbo64\\bin"));
        assertThat(windows.fileNames()).containsExactly("turbojpeg.dll");
    }
}
