package dev.opendesk.codec.lwjgl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.ImageCodecProvider;
import dev.opendesk.spi.Support;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class LwjglCodecProviderTest {
    private static ImageCodecProvider provider() {
        return ServiceLoader.load(ImageCodecProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("lwjgl"))
                .findFirst()
                .orElseThrow();
    }

    private static HostPlatform platform(String os, String arch) {
        return new HostPlatform(os, "1", arch, Map.of());
    }

    @Test
    void isFoundThroughTheServiceLoaderAndSupportedOnThisLinuxX64() {
        ImageCodecProvider provider = provider();
        assertThat(provider).isInstanceOf(LwjglCodecProvider.class);
        assertThat(provider.priority()).isPositive();
        assertThat(provider.description()).contains("stb_image_resize2").contains("libspng");
        HostPlatform here = HostPlatform.current();
        assertThat(here.isLinux()).as("these tests run on Linux x64").isTrue();
        assertThat(here.arch()).isIn("amd64", "x86_64");
        assertThat(provider.supports(here)).isEqualTo(Support.yes());
        assertThat(provider.supports(platform("Linux", "amd64")).supported()).isTrue();
    }

    @Test
    void createsTheCodecNamedLwjgl() {
        ImageCodec codec = provider().create();
        assertThat(codec).isInstanceOf(LwjglImageCodec.class);
        assertThat(codec.name()).isEqualTo("lwjgl");
    }

    @Test
    void findsTheNativesOfEveryPlatformItDeclares() {
        // the module depends on the natives jars of all five; each must be on the class path
        for (HostPlatform platform : new HostPlatform[] {platform("Linux", "aarch64"), platform("Mac OS X", "x86_64"),
                platform("Mac OS X", "aarch64"), platform("Windows 11", "amd64")}) {
            assertThat(provider().supports(platform)).as(platform.toString()).isEqualTo(Support.yes());
        }
    }

    @Test
    void saysWhyWhenLwjglHasNoNativesForThePlatform() {
        Support riscv = provider().supports(platform("Linux", "riscv64"));
        assertThat(riscv.supported()).isFalse();
        assertThat(riscv.reason()).contains("Linux").contains("riscv64");
        assertThat(provider().supports(platform("Windows 11", "aarch64")).supported()).isFalse();
        assertThat(provider().supports(platform("FreeBSD", "amd64")).reason()).contains("FreeBSD");
    }

    @Test
    void mapsPlatformsToLwjglResourcePaths() {
        var linux = LwjglCodecProvider.NativePlatform.of(platform("Linux", "amd64")).orElseThrow();
        assertThat(linux.resource("stb/lwjgl_stb")).isEqualTo("linux/x64/org/lwjgl/stb/liblwjgl_stb.so");
        assertThat(linux.resource("lwjgl")).isEqualTo("linux/x64/org/lwjgl/liblwjgl.so");
        assertThat(linux.classifier()).isEqualTo("natives-linux");
        var mac = LwjglCodecProvider.NativePlatform.of(platform("Mac OS X", "aarch64")).orElseThrow();
        assertThat(mac.resource("spng/lwjgl_spng")).isEqualTo("macos/arm64/org/lwjgl/spng/liblwjgl_spng.dylib");
        assertThat(mac.classifier()).isEqualTo("natives-macos-arm64");
        var windows = LwjglCodecProvider.NativePlatform.of(platform("Windows 10", "amd64")).orElseThrow();
        assertThat(windows.resource("lwjgl")).isEqualTo("windows/x64/org/lwjgl/lwjgl.dll");
    }
}
