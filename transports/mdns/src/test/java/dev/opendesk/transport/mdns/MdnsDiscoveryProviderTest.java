package dev.opendesk.transport.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.spi.DiscoveryProvider;
import dev.opendesk.spi.HostPlatform;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class MdnsDiscoveryProviderTest {
    @Test
    void isFoundThroughServiceLoaderAndSaysItIsNotBuiltYet() {
        DiscoveryProvider provider = ServiceLoader.load(DiscoveryProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("mdns"))
                .findFirst()
                .orElseThrow();
        assertThat(provider).isInstanceOf(MdnsDiscoveryProvider.class);
        assertThat(provider.supports(HostPlatform.current()).supported()).isFalse();
        assertThat(provider.supports(HostPlatform.current()).reason()).isEqualTo("not implemented yet");
    }
}
