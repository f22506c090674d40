package dev.opendesk.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.spi.TransportProvider;
import dev.opendesk.spi.HostPlatform;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class WebSocketTransportProviderTest {
    @Test
    void isFoundThroughServiceLoaderAndSaysItIsNotBuiltYet() {
        TransportProvider provider = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("websocket"))
                .findFirst()
                .orElseThrow();
        assertThat(provider).isInstanceOf(WebSocketTransportProvider.class);
        assertThat(provider.supports(HostPlatform.current()).supported()).isFalse();
        assertThat(provider.supports(HostPlatform.current()).reason()).isEqualTo("not implemented yet");
    }
}
