package dev.opendesk.transport.mdns;

import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.discovery.ServiceRecord;
import dev.opendesk.spi.DiscoveryProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.TransportContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ServiceLoader;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

/**
 * Test program run inside a network namespace: advertises through the mdns plugin (found with
 * ServiceLoader) and, optionally, broken records straight through jmdns, prints {@code ready},
 * and withdraws everything when its standard input says {@code stop} or closes, printing
 * {@code closed <ms>}.
 *
 * <p>Arguments: {@code NAME PORT KEYHEX FINGERPRINT DESCRIPTION [RAWNAME RAWPORT TXTHEX]...}
 */
public final class AdvertiserMain {
    private AdvertiserMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        DiscoveryProvider provider = ServiceLoader.load(DiscoveryProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("mdns")).findFirst().orElseThrow();
        Discovery discovery = provider.create(new TransportContext(Files.createTempDirectory("adv"), HostPlatform.current()));
        ServiceRecord record = new ServiceRecord(args[0], Integer.parseInt(args[1]), HexFormat.of().parseHex(args[2]), args[3], args[4]);
        Discovery.Advertisement advertisement = discovery.advertise(record);
        List<JmDNS> raw = new ArrayList<>();
        for (int i = 5; i + 2 < args.length; i += 3) {
            JmDNS jmdns = JmDNS.create(InetAddress.getByName(NetnsLan.ADDRESS_A), args[i]);
            jmdns.registerService(ServiceInfo.create(MdnsDiscovery.SERVICE_TYPE, args[i], Integer.parseInt(args[i + 1]), 0, 0,
                    HexFormat.of().parseHex(args[i + 2])));
            raw.add(jmdns);
        }
        out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
            // wait
        }
        long start = System.nanoTime();
        advertisement.close();
        out.println("closed " + (System.nanoTime() - start) / 1_000_000);
        raw.forEach(MdnsDiscovery::closeQuietly);
        System.exit(0);
    }
}
