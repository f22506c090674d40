package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.spi.BackendContext;
import dev.opendesk.spi.BackendProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class X11BackendProviderTest {
    @TempDir
    Path home;

    private static HostPlatform linux(Map<String, String> variables) {
        return new HostPlatform("Linux", System.getProperty("os.version", ""), "amd64", variables);
    }

    @Test
    void saysWhyNotWithoutAnXServer() {
        X11BackendProvider provider = new X11BackendProvider();
        assertThat(provider.id()).isEqualTo("x11");
        assertThat(provider.priority()).isEqualTo(50);
        assertThat(provider.supports(linux(Map.of()))).isEqualTo(Support.no("needs an X server: DISPLAY is not set"));
        assertThat(provider.supports(linux(Map.of("DISPLAY", " ")))).isEqualTo(Support.no("needs an X server: DISPLAY is not set"));

        long start = System.nanoTime();
        assertThat(provider.supports(linux(Map.of("DISPLAY", ":4999")))).isEqualTo(Support.no("X server :4999 does not answer"));
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to probe").isLessThan(1500);

        Support mac = provider.supports(new HostPlatform("Mac OS X", "14", "aarch64", Map.of("DISPLAY", ":0")));
        assertThat(mac.supported()).isFalse();
        assertThat(mac.reason()).contains("Linux");

        assertThatThrownBy(() -> provider.create(new BackendContext(home, linux(Map.of()), Map.of())))
                .isInstanceOf(OpendeskException.class).hasMessageContaining("DISPLAY is not set");
    }

    @Test
    void isFoundThroughServiceLoaderAndDrivesARealXServer() {
        BackendProvider provider = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("x11"))
                .findFirst()
                .orElseThrow();
        assertThat(provider).isInstanceOf(X11BackendProvider.class);
        try (XvfbServer xvfb = XvfbServer.start(640, 480)) {
            HostPlatform platform = linux(Map.of("DISPLAY", xvfb.display()));
            assertThat(provider.supports(platform)).isEqualTo(Support.yes());

            Computer computer = provider.create(new BackendContext(home, platform, Map.of()));
            try {
                assertThat(computer).isInstanceOf(X11Computer.class);
                assertThat(computer.capabilities().backend()).isEqualTo("local/linux");
                assertThat(computer.capabilities().capabilities())
                        .contains(Capability.DISPLAY_CAPTURE, Capability.DISPLAY_STREAM, Capability.INPUT_POINTER)
                        .doesNotContain(Capability.UI_TREE, Capability.UI_ACTIONS);
                Pixmap pixmap = computer.capture();
                assertThat(pixmap.width()).isEqualTo(640);
                assertThat(((X11Computer) computer).screens().usesSharedMemory()).isTrue();
            } finally {
                ((X11Computer) computer).close();
            }

            Computer plain = provider.create(new BackendContext(home, platform, Map.of("x11.shm", "false", "x11.cursor", "true")));
            try {
                assertThat(((X11Computer) plain).screens().usesSharedMemory()).isFalse();
                assertThat(plain.capture().height()).isEqualTo(480);
            } finally {
                ((X11Computer) plain).close();
            }

            assertThatThrownBy(() -> provider.create(new BackendContext(home, platform, Map.of("x11.shm", "maybe"))))
                    .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("x11.shm");
        }
    }
}
