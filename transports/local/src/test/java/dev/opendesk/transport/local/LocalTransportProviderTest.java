package dev.opendesk.transport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Listener;
import dev.opendesk.core.transport.Transport;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.TransportContext;
import dev.opendesk.spi.TransportProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class LocalTransportProviderTest {
    private static Transport transport() {
        TransportProvider provider = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("local"))
                .findFirst()
                .orElseThrow();
        assertThat(provider.supports(HostPlatform.current()).supported()).isTrue();
        return provider.create(new TransportContext(Path.of("."), HostPlatform.current()));
    }

    @Test
    void carriesWholeMessagesBothWaysInOrder() throws Exception {
        Transport transport = transport();
        CompletableFuture<Connection> accepted = new CompletableFuture<>();
        try (Listener listener = transport.listen(new Endpoint("test", 0), accepted::complete)) {
            assertThat(listener.endpoint().port()).isPositive();
            Connection client = transport.dial(listener.endpoint());
            Connection server = accepted.get(5, TimeUnit.SECONDS);
            byte[] sent = {1, 2, 3};
            client.send(sent);
            sent[0] = 9; // the transport copied it
            client.send(new byte[0]);
            assertThat(server.receive()).containsExactly(1, 2, 3);
            assertThat(server.receive()).isEmpty();
            server.send(new byte[] {4});
            assertThat(client.receive(Duration.ofSeconds(1))).hasValueSatisfying(m -> assertThat(m).containsExactly(4));
            assertThat(client.receive(Duration.ofMillis(10))).isEmpty();
        }
    }

    @Test
    void closingOneEndFailsTheOthersReceiveAndSend() throws Exception {
        Transport transport = transport();
        CompletableFuture<Connection> accepted = new CompletableFuture<>();
        try (Listener listener = transport.listen(new Endpoint("close-test", 0), accepted::complete)) {
            Connection client = transport.dial(listener.endpoint());
            Connection server = accepted.get(5, TimeUnit.SECONDS);
            CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    server.receive();
                    return null;
                } catch (OpendeskException e) {
                    return e;
                }
            });
            client.close();
            assertThat(blocked.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(OpendeskException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL));
            assertThat(server.isOpen()).isFalse();
            assertThatThrownBy(() -> server.send(new byte[] {1})).isInstanceOf(OpendeskException.class);
            assertThatThrownBy(server::receive).isInstanceOf(OpendeskException.class);
        }
    }

    @Test
    void dialingNothingIsRefused() {
        assertThatThrownBy(() -> transport().dial(new Endpoint("nobody-listens", 1)))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL))
                .hasMessageContaining("connection refused");
    }
}
