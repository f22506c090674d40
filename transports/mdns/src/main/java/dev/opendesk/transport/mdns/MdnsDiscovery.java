package dev.opendesk.transport.mdns;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.auth.Fingerprint;
import dev.opendesk.core.discovery.DiscoveredPeer;
import dev.opendesk.core.discovery.Discovery;
import dev.opendesk.core.discovery.ServiceRecord;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LAN discovery over mDNS / DNS-SD with jmdns (protocol §12). jmdns binds one address per
 * instance, so advertising and browsing open one instance per usable IPv4 address.
 *
 * <p>Advertising registers {@code <name>._opendesk._tcp.local.} with the TXT strings of
 * {@link TxtRecord}; the SRV target is {@code <name>.local.}. Browsing collects instance names for
 * the whole timeout (dropping those that say goodbye), then resolves each (2 s, in parallel) and
 * keeps the ones carrying a 32-byte {@code pk}, one per key.
 */
final class MdnsDiscovery implements Discovery {
    /** The DNS-SD service type. */
    static final String SERVICE_TYPE = "_opendesk._tcp.local.";
    private static final Logger LOG = LoggerFactory.getLogger(MdnsDiscovery.class);
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Executor EXECUTOR = task -> {
        Thread thread = new Thread(task, "opendesk-mdns-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    };

    private final Supplier<List<InetAddress>> addresses;
    private final Duration resolveTimeout;

    MdnsDiscovery(Supplier<List<InetAddress>> addresses, Duration resolveTimeout) {
        this.addresses = requireNonNull(addresses, "addresses is null");
        this.resolveTimeout = requireNonNull(resolveTimeout, "resolveTimeout is null");
    }

    @Override
    public Advertisement advertise(ServiceRecord record) {
        requireNonNull(record, "record is null");
        byte[] text = TxtRecord.encode(record);
        List<InetAddress> usable = usableAddresses("advertise");
        List<JmDNS> instances = openAll(usable, record.instanceName(), jmdns -> {
            // a fresh ServiceInfo per instance: jmdns keeps per-instance state in it
            jmdns.registerService(ServiceInfo.create(SERVICE_TYPE, record.instanceName(), record.port(), 0, 0, text));
        });
        LOG.info("advertising {}.{} on port {} via {}", record.instanceName(), SERVICE_TYPE, record.port(), usable);
        return new LiveAdvertisement(instances);
    }

    @Override
    public List<DiscoveredPeer> browse(Duration timeout) {
        requireNonNull(timeout, "timeout is null");
        List<InetAddress> usable = usableAddresses("browse");
        Map<JmDNS, Set<String>> seen = new ConcurrentHashMap<>();
        List<JmDNS> instances = openAll(usable, "opendesk-browser-" + ProcessHandle.current().pid(), jmdns -> {
            Set<String> names = ConcurrentHashMap.newKeySet();
            seen.put(jmdns, names);
            jmdns.addServiceListener(SERVICE_TYPE, new NameCollector(names));
        });
        try {
            sleep(timeout);
            List<CompletableFuture<Optional<DiscoveredPeer>>> resolving = new ArrayList<>();
            for (Map.Entry<JmDNS, Set<String>> entry : seen.entrySet()) {
                for (String name : List.copyOf(entry.getValue())) {
                    resolving.add(CompletableFuture.supplyAsync(() -> resolve(entry.getKey(), name), EXECUTOR));
                }
            }
            Map<String, DiscoveredPeer> byKey = new LinkedHashMap<>();
            for (CompletableFuture<Optional<DiscoveredPeer>> future : resolving) {
                Optional<DiscoveredPeer> peer = await(future, resolveTimeout.plusSeconds(2)).flatMap(p -> p);
                peer.ifPresent(p -> byKey.putIfAbsent(HexFormat.of().formatHex(p.publicKey()), p));
            }
            List<DiscoveredPeer> peers = new ArrayList<>(byKey.values());
            peers.sort(Comparator.comparing(DiscoveredPeer::name).thenComparing(DiscoveredPeer::host));
            return List.copyOf(peers);
        } finally {
            // closing takes jmdns about two seconds; nothing depends on it finishing
            instances.forEach(jmdns -> EXECUTOR.execute(() -> closeQuietly(jmdns)));
        }
    }

    private Optional<DiscoveredPeer> resolve(JmDNS jmdns, String name) {
        try {
            ServiceInfo info = jmdns.getServiceInfo(SERVICE_TYPE, name, resolveTimeout.toMillis());
            if (info == null) {
                LOG.debug("mDNS: {} vanished before it resolved", name);
                return Optional.empty();
            }
            return toPeer(info.getName(), info.getInet4Addresses(), info.getPort(), info.getTextBytes());
        } catch (RuntimeException e) {
            LOG.debug("mDNS: skipping {}: {}", name, e.toString());
            return Optional.empty();
        }
    }

    /**
     * A resolved record as a peer, or empty when it is not a usable opendesk record: no 32-byte
     * {@code pk}, no IPv4 address or no port. A missing {@code fp} is computed from the key.
     */
    static Optional<DiscoveredPeer> toPeer(@Nullable String name, Inet4Address @Nullable [] addresses, int port,
                                           byte @Nullable [] text) {
        if (name == null || name.isBlank() || addresses == null || addresses.length == 0 || port <= 0 || port > 65_535
                || text == null) {
            return Optional.empty();
        }
        Map<String, byte[]> pairs = TxtRecord.decode(text);
        byte[] key = pairs.get("pk");
        if (key == null || key.length != 32) {
            LOG.debug("mDNS: skipping {}: pk is {}", name, key == null ? "missing" : key.length + " bytes");
            return Optional.empty();
        }
        byte[] fp = pairs.get("fp");
        String fingerprint = fp == null || fp.length == 0 ? Fingerprint.of(key) : TxtRecord.lenientUtf8(fp);
        byte[] desc = pairs.get("desc");
        String description = desc == null ? "" : TxtRecord.lenientUtf8(desc);
        return Optional.of(new DiscoveredPeer(name, addresses[0].getHostAddress(), port, key, fingerprint, description));
    }

    private List<InetAddress> usableAddresses(String what) {
        List<InetAddress> usable = addresses.get();
        if (usable.isEmpty()) {
            throw new OpendeskException(ErrorCode.NOT_FOUND, "mDNS cannot " + what
                    + ": no network interface is up with a non-loopback IPv4 address");
        }
        return usable;
    }

    @FunctionalInterface
    private interface Setup {
        void apply(JmDNS jmdns) throws IOException;
    }

    /** One started jmdns per address, in parallel; fails only when none starts. */
    private static List<JmDNS> openAll(List<InetAddress> usable, String hostName, Setup setup) {
        List<CompletableFuture<JmDNS>> opening = new ArrayList<>();
        for (InetAddress address : usable) {
            opening.add(CompletableFuture.supplyAsync(() -> {
                JmDNS jmdns = null;
                try {
                    jmdns = JmDNS.create(address, hostName);
                    setup.apply(jmdns);
                    return jmdns;
                } catch (IOException | RuntimeException e) {
                    if (jmdns != null) {
                        closeQuietly(jmdns);
                    }
                    throw new OpendeskException(ErrorCode.INTERNAL, address.getHostAddress() + ": " + e.getMessage(), e);
                }
            }, EXECUTOR));
        }
        List<JmDNS> started = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<JmDNS> future : opening) {
            try {
                started.add(future.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                failures.add(e.getCause().getMessage());
            } catch (TimeoutException e) {
                failures.add("timed out starting mDNS");
                future.thenAccept(MdnsDiscovery::closeQuietly);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add("interrupted");
            }
        }
        if (started.isEmpty()) {
            throw new OpendeskException(ErrorCode.INTERNAL, "mDNS could not start on any interface: " + String.join("; ", failures));
        }
        failures.forEach(failure -> LOG.warn("mDNS: {}", failure));
        return List.copyOf(started);
    }

    private static <T> Optional<T> await(CompletableFuture<T> future, Duration timeout) {
        try {
            return Optional.ofNullable(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void sleep(Duration timeout) {
        try {
            Thread.sleep(Math.max(0, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpendeskException(ErrorCode.CANCELLED, "mDNS browse interrupted");
        }
    }

    static void closeQuietly(JmDNS jmdns) {
        try {
            jmdns.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("mDNS: closing failed: {}", e.toString());
        }
    }

    /** Collects instance names as they come and go. */
    private static final class NameCollector implements ServiceListener {
        private final Set<String> names;

        NameCollector(Set<String> names) {
            this.names = names;
        }

        @Override
        public void serviceAdded(ServiceEvent event) {
            if (event.getName() != null) {
                names.add(event.getName());
            }
        }

        @Override
        public void serviceRemoved(ServiceEvent event) {
            if (event.getName() != null) {
                names.remove(event.getName());
            }
        }

        @Override
        public void serviceResolved(ServiceEvent event) {
            serviceAdded(event);
        }
    }

    /** Unregisters (goodbye packets) and closes every instance, in parallel, within about 3 s. */
    private static final class LiveAdvertisement implements Advertisement {
        private final List<JmDNS> instances;
        private final AtomicBoolean closed = new AtomicBoolean();

        LiveAdvertisement(List<JmDNS> instances) {
            this.instances = instances;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            List<CompletableFuture<Void>> closing = new ArrayList<>();
            for (JmDNS jmdns : instances) {
                closing.add(CompletableFuture.runAsync(() -> {
                    try {
                        jmdns.unregisterAllServices();
                    } catch (RuntimeException e) {
                        LOG.debug("mDNS: unregister failed: {}", e.toString());
                    }
                    closeQuietly(jmdns);
                }, EXECUTOR));
            }
            try {
                CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                        .get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("mDNS: not all instances closed in time");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
