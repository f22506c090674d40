package dev.opendesk.transport.mdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.auth.Fingerprint;
import dev.opendesk.core.discovery.DiscoveredPeer;
import dev.opendesk.core.discovery.ServiceRecord;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class MdnsDiscoveryTest {
    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (0xa0 + i);
        }
    }

    private static Inet4Address[] address(String text) throws Exception {
        return new Inet4Address[] {(Inet4Address) InetAddress.getByName(text)};
    }

    @Test
    void aResolvedRecordBecomesAPeer() throws Exception {
        byte[] text = TxtRecord.encode(new ServiceRecord("lab-a0a1a2", 8423, KEY, Fingerprint.of(KEY), "Lab box ✓"));
        Optional<DiscoveredPeer> peer = MdnsDiscovery.toPeer("lab-a0a1a2", address("10.77.0.1"), 8423, text);
        assertThat(peer).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("lab-a0a1a2");
            assertThat(p.host()).isEqualTo("10.77.0.1");
            assertThat(p.port()).isEqualTo(8423);
            assertThat(p.publicKey()).isEqualTo(KEY);
            assertThat(p.fingerprint()).isEqualTo(Fingerprint.of(KEY));
            assertThat(p.description()).isEqualTo("Lab box ✓");
        });
    }

    @Test
    void recordsWithoutAUsableKeyOrAddressAreSkipped() throws Exception {
        byte[] noKey = {3, 'v', '=', '1', 5, 'f', 'p', '=', 'a', 'b'};
        byte[] shortKey = {3, 'v', '=', '1', 7, 'p', 'k', '=', 1, 2, 3, 4};
        byte[] good = TxtRecord.encode(new ServiceRecord("x", 1, KEY, "fp", ""));
        assertThat(MdnsDiscovery.toPeer("x", address("10.0.0.1"), 1, noKey)).isEmpty();
        assertThat(MdnsDiscovery.toPeer("x", address("10.0.0.1"), 1, shortKey)).isEmpty();
        assertThat(MdnsDiscovery.toPeer("x", new Inet4Address[0], 1, good)).isEmpty();
        assertThat(MdnsDiscovery.toPeer("x", null, 1, good)).isEmpty();
        assertThat(MdnsDiscovery.toPeer("x", address("10.0.0.1"), 0, good)).isEmpty();
        assertThat(MdnsDiscovery.toPeer(null, address("10.0.0.1"), 1, good)).isEmpty();
        assertThat(MdnsDiscovery.toPeer("x", address("10.0.0.1"), 1, null)).isEmpty();
    }

    @Test
    void fingerprintAndDescriptionDecodeLeniently() throws Exception {
        byte[] key = new byte[35];
        key[0] = 'p';
        key[1] = 'k';
        key[2] = '=';
        System.arraycopy(KEY, 0, key, 3, 32);
        byte[] text = new byte[1 + 35 + 1 + 7];
        text[0] = 35;
        System.arraycopy(key, 0, text, 1, 35);
        text[36] = 7;
        System.arraycopy(new byte[] {'d', 'e', 's', 'c', '=', (byte) 0xc3, 'x'}, 0, text, 37, 7);
        DiscoveredPeer peer = MdnsDiscovery.toPeer("x", address("10.0.0.1"), 9, text).orElseThrow();
        assertThat(peer.fingerprint()).as("missing fp is computed from the key").isEqualTo(Fingerprint.of(KEY));
        assertThat(peer.description()).isEqualTo("\uFFFDx");
    }

    @Test
    void noInterfaceIsAClearErrorNotAStackTrace() {
        MdnsDiscovery discovery = new MdnsDiscovery(List::of, Duration.ofSeconds(2));
        assertThatThrownBy(() -> discovery.browse(Duration.ofMillis(10)))
                .isInstanceOf(OpendeskException.class)
                .hasMessage("mDNS cannot browse: no network interface is up with a non-loopback IPv4 address")
                .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> discovery.advertise(new ServiceRecord("x", 1, KEY, "fp", "")))
                .isInstanceOf(OpendeskException.class)
                .hasMessageContaining("mDNS cannot advertise: no network interface");
    }
}
