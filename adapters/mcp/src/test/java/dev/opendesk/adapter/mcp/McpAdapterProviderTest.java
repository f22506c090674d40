package dev.opendesk.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.HostPlatform;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class McpAdapterProviderTest {
    @Test
    void isFoundThroughServiceLoaderAndSaysItIsNotBuiltYet() {
        AdapterProvider provider = ServiceLoader.load(AdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("mcp"))
                .findFirst()
                .orElseThrow();
        assertThat(provider).isInstanceOf(McpAdapterProvider.class);
        assertThat(provider.supports(HostPlatform.current()).supported()).isFalse();
        assertThat(provider.supports(HostPlatform.current()).reason()).isEqualTo("not implemented yet");
    }
}
