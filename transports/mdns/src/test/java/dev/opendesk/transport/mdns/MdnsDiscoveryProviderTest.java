package dev.opendesk.transport.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.auth.Fingerprint;
import dev.opendesk.core.discovery.DiscoveredPeer;
import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.discovery.ServiceRecord;
import dev.opendesk.spi.DiscoveryProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.TransportContext;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The plugin found through ServiceLoader, advertising and finding itself on this machine's LAN interfaces. */
final class MdnsDiscoveryProviderTest {
    @TempDir
    Path home;

    private static DiscoveryProvider provider() {
        return ServiceLoader.load(DiscoveryProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("mdns"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void isFoundThroughServiceLoaderAndWorksEverywhere() {
        DiscoveryProvider provider = provider();
        assertThat(provider).isInstanceOf(MdnsDiscoveryProvider.class);
        assertThat(provider.supports(HostPlatform.current()).supported()).isTrue();
    }

    @Test
    @Timeout(60)
    void advertisesAndFindsItselfByKey() {
        Assumptions.assumeFalse(LanAddresses.current().isEmpty(), "no LAN interface with an IPv4 address on this machine");
        Discovery discovery = provider().create(new TransportContext(home, HostPlatform.current()));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (Discovery.Advertisement advertisement = discovery.advertise(
                new ServiceRecord("smoke-" + Fingerprint.shortId(key).substring(0, 6), 40123, key, Fingerprint.of(key), "smoke test"))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            DiscoveredPeer found = null;
            while (found == null && System.nanoTime() < deadline) {
                List<DiscoveredPeer> peers = discovery.browse(Duration.ofSeconds(2));
                found = peers.stream().filter(p -> Arrays.equals(p.publicKey(), key)).findFirst().orElse(null);
            }
            assertThat(found).as("our own advertisement").isNotNull();
            assertThat(found.port()).isEqualTo(40123);
            assertThat(found.fingerprint()).isEqualTo(Fingerprint.of(key));
            assertThat(found.description()).isEqualTo("smoke test");
            assertThat(LanAddresses.current().stream().map(a -> a.getHostAddress())).contains(found.host());
        }
    }
}
