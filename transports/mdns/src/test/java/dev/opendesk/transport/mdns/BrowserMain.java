package dev.opendesk.transport.mdns;

import com.google.gson.JsonObject;
import dev.opendesk.core.discovery.DiscoveredPeer;
import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.DiscoveryProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.TransportContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ServiceLoader;

/**
 * Test program run inside a network namespace: browses through the mdns plugin for the given
 * seconds and prints one JSON line per peer, then {@code done}; a domain error prints
 * {@code error <message>} and exits 1.
 */
public final class BrowserMain {
    private BrowserMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        DiscoveryProvider provider = ServiceLoader.load(DiscoveryProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("mdns")).findFirst().orElseThrow();
        Discovery discovery = provider.create(new TransportContext(Files.createTempDirectory("browse"), HostPlatform.current()));
        try {
            for (DiscoveredPeer peer : discovery.browse(Duration.ofMillis((long) (Double.parseDouble(args[0]) * 1000)))) {
                JsonObject json = new JsonObject();
                json.addProperty("name", peer.name());
                json.addProperty("host", peer.host());
                json.addProperty("port", peer.port());
                json.addProperty("pk", HexFormat.of().formatHex(peer.publicKey()));
                json.addProperty("fp", peer.fingerprint());
                json.addProperty("desc", peer.description());
                out.println(json);
            }
            out.println("done");
            System.exit(0);
        } catch (OpendeskException e) {
            out.println("error " + e.getMessage());
            System.exit(1);
        }
    }
}
