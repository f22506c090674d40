package dev.opendesk.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.spi.TransportProvider;
import dev.opendesk.spi.HostPlatform;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class WebSocketTransportProviderTest {
    @Test
    void isFoundThroughServiceLoaderAndWorksHere() {
        TransportProvider provider = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("websocket"))
                .findFirst()
                .orElseThrow();
        assertThat(provider).isInstanceOf(WebSocketTransportProvider.class);
        assertThat(provider.supports(HostPlatform.current()).supported()).isTrue();
        try (var transport = (WebSocketTransport) provider.create(new dev.opendesk.spi.TransportContext(java.nio.file.Path.of("."), HostPlatform.current()))) {
            assertThat(transport.name()).isEqualTo("websocket");
        }
    }
}
