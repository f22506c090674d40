package dev.opendesk.transport.mdns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addresses mDNS works on: every IPv4 address of every interface that is up, is not the
 * loopback and can multicast. jmdns binds one address per instance, so there is one instance
 * per address. (No IPv6, like the reference.)
 */
final class LanAddresses {
    private static final Logger LOG = LoggerFactory.getLogger(LanAddresses.class);

    private LanAddresses() {
    }

    static List<InetAddress> current() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                try {
                    if (!network.isUp() || network.isLoopback() || !network.supportsMulticast()) {
                        continue;
                    }
                } catch (SocketException e) {
                    LOG.debug("skipping interface {}: {}", network.getName(), e.getMessage());
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        addresses.add(address);
                    }
                }
            }
        } catch (SocketException e) {
            LOG.warn("cannot list network interfaces: {}", e.getMessage());
        }
        return List.copyOf(addresses);
    }
}
