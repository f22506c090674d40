package dev.opendesk.backend.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.BackendContext;
import dev.opendesk.spi.BackendProvider;
import dev.opendesk.spi.HostPlatform;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class WindowsBackendProviderTest {
    @Test
    void isFoundThroughServiceLoaderAndReportsHonestly() {
        BackendProvider provider = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("windows"))
                .findFirst()
                .orElseThrow();
        assertThat(provider).isInstanceOf(WindowsBackendProvider.class);
        var support = provider.supports(HostPlatform.current());
        assertThat(support.supported()).isFalse();
        assertThat(support.reason()).isNotBlank();
        var context = new BackendContext(Path.of("."), HostPlatform.current(), Map.of());
        assertThatThrownBy(() -> provider.create(context))
                .isInstanceOfSatisfying(OpendeskException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED))
                .hasMessageContaining("not implemented yet");
    }
}
