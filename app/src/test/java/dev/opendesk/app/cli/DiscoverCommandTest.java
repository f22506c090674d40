package dev.opendesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.auth.Fingerprint;
import dev.opendesk.core.auth.TrustedPeer;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.discovery.ServiceRecord;
import dev.opendesk.spi.DiscoveryProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.TransportContext;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code opendesk discover} in-process on this machine's LAN interfaces, against a record advertised by the mdns plugin. */
final class DiscoverCommandTest {
    @TempDir
    Path home;
    @TempDir
    Path hostHome;

    private static boolean hasLanAddress() throws Exception {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback() && network.supportsMulticast()
                    && Collections.list(network.getInetAddresses()).stream().anyMatch(a -> a instanceof Inet4Address)) {
                return true;
            }
        }
        return false;
    }

    @Test
    @Timeout(90)
    void listsAdvertisedHostsAndMarksPairedOnes() throws Exception {
        Assumptions.assumeTrue(hasLanAddress(), "no LAN interface with an IPv4 address on this machine");
        DiscoveryProvider provider = ServiceLoader.load(DiscoveryProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("mdns")).findFirst().orElseThrow();
        Discovery discovery = provider.create(new TransportContext(hostHome, HostPlatform.current()));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String name = "disco-" + Fingerprint.shortId(key).substring(0, 6);
        String description = "Render box in the lab. " + "x".repeat(100);
        new TrustedPeerStore(home).add(key, "render", TrustedPeer.ROLE_ANY);
        try (Discovery.Advertisement advertisement = discovery.advertise(new ServiceRecord(name, 40999, key, Fingerprint.of(key), description))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            CliRun run;
            do {
                run = CliRun.of("discover", "--timeout", "2", "--home", home.toString());
                assertThat(run.exitCode()).as(run.err()).isZero();
            } while (!run.out().contains(name) && System.nanoTime() < deadline);
            String row = run.out().lines().filter(l -> l.startsWith(name)).findFirst().orElseThrow(AssertionError::new);
            assertThat(run.out()).startsWith("NAME");
            assertThat(row).contains(name + "  [paired as render]").contains(":40999").contains(Fingerprint.of(key))
                    .endsWith(description.substring(0, 80) + "…");
            assertThat(run.err()).as("no spinner when stderr is not a terminal").isEmpty();
        }
    }

    @Test
    void rendezvousIsNotBuiltYet() {
        CliRun run = CliRun.of("discover", "--rendezvous", "https://example.invalid", "--home", home.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("not implemented yet: discover --rendezvous\n");
    }
}
