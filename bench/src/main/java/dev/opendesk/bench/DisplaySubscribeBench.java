package dev.opendesk.bench;

import dev.opendesk.backend.x11.X11CaptureOptions;
import dev.opendesk.backend.x11.X11Computer;
import dev.opendesk.backend.x11.X11Session;
import dev.opendesk.core.auth.HandshakeResult;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.PairingHandshake;
import dev.opendesk.core.auth.Psk;
import dev.opendesk.core.auth.ServerHandshake;
import dev.opendesk.core.computer.Computer;
import dev.opendesk.core.computer.DisplaySubscription;
import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.model.DisplayFrame;
import dev.opendesk.core.protocol.ComputerDispatcher;
import dev.opendesk.core.protocol.Frame;
import dev.opendesk.core.protocol.Peer;
import dev.opendesk.core.protocol.PeerOptions;
import dev.opendesk.core.protocol.RemoteComputer;
import dev.opendesk.core.protocol.WireModel;
import dev.opendesk.core.transport.Connection;
import dev.opendesk.core.transport.Endpoint;
import dev.opendesk.core.transport.Listener;
import dev.opendesk.transport.websocket.WebSocketTransport;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code display.subscribe} end to end on a real X server: a Java host serving the X11 backend
 * over an encrypted loopback WebSocket (pairing handshake, ChaCha20-Poly1305, Undertow) and a
 * Java controller ({@link RemoteComputer#subscribeDisplay}) taking frames as fast as they come.
 *
 * <p>Usage: {@code java -cp "bench/target/opendesk-bench.jar:bench/target/lib/*"
 * dev.opendesk.bench.DisplaySubscribeBench [--display :82] [--seconds 12] [--fps 30]
 * [--warmup 3] [--mode encrypted|plain|direct]}. {@code direct} takes frames from the backend's
 * stream in-process (capture + encode only), {@code plain} skips the handshake and encryption.
 *
 * <p>Output (stdout): one line per second {@code second=N frames=F fps=F age_ms=A bytes=B}
 * (A = mean of receive time − {@code captured_at}, B = mean PNG size), then one summary line
 * {@code RESULT mode=M seconds=S frames=N fps=F age_first_ms=A age_last_ms=A age_p50_ms=A
 * age_p99_ms=A bytes_mean=B cpu_ms_per_frame=C} where the first/last ages are the means over the
 * first and last 2 s of the measurement (equal = no backlog) and C is this process's CPU time
 * (host and controller, not the X server) per delivered frame, a figure less sensitive to other
 * load on the machine than fps.
 */
public final class DisplaySubscribeBench {
    private DisplaySubscribeBench() {}

    public static void main(String[] args) throws Exception {
        String display = Optional.ofNullable(System.getenv("DISPLAY")).orElse(":0");
        int seconds = 12;
        int warmup = 3;
        int fps = DisplaySubscription.MAX_FPS;
        String mode = "encrypted";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--display" -> display = args[++i];
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--fps" -> fps = Integer.parseInt(args[++i]);
                case "--mode" -> mode = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        X11Computer desktop = new X11Computer(new X11Session(display), new ImagePipeline(), X11CaptureOptions.defaults());
        List<AutoCloseable> closing = new ArrayList<>();
        Computer source = switch (mode) {
            case "direct" -> desktop;
            case "encrypted" -> connect(desktop, true, closing);
            case "plain" -> connect(desktop, false, closing);
            default -> throw new IllegalArgumentException("mode must be encrypted, plain or direct");
        };
        try (EventStream<DisplayFrame> frames = source.subscribeDisplay(new DisplaySubscription(null, fps, null))) {
            long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
            while (System.nanoTime() < warmupEnd) {
                frames.next();
            }
            measure(frames, seconds, mode);
        } finally {
            for (int i = closing.size() - 1; i >= 0; i--) {
                closing.get(i).close();
            }
            desktop.close();
        }
        System.exit(0);
    }

    private static void measure(EventStream<DisplayFrame> frames, int seconds, String mode) {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long end = start + seconds * 1_000_000_000L;
        List<double[]> perSecond = new ArrayList<>(); // {frames, ageSum, bytesSum}
        List<Double> ages = new ArrayList<>();
        long bytes = 0;
        int count = 0;
        while (true) {
            DisplayFrame frame = frames.next();
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            double ageMs = System.currentTimeMillis() - frame.pixmap().capturedAt() * 1000.0;
            int second = (int) ((now - start) / 1_000_000_000L);
            while (perSecond.size() <= second) {
                perSecond.add(new double[3]);
            }
            double[] bucket = perSecond.get(second);
            bucket[0]++;
            bucket[1] += ageMs;
            bucket[2] += frame.pixmap().size();
            ages.add(ageMs);
            bytes += frame.pixmap().size();
            count++;
        }
        long cpu = processCpuNanos() - cpuStart;
        for (int s = 0; s < perSecond.size(); s++) {
            double[] b = perSecond.get(s);
            System.out.printf(Locale.ROOT, "second=%d frames=%d fps=%.0f age_ms=%.1f bytes=%.0f%n", s, (int) b[0], b[0],
                    b[0] == 0 ? 0 : b[1] / b[0], b[0] == 0 ? 0 : b[2] / b[0]);
        }
        double[] sorted = ages.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT,
                "RESULT mode=%s seconds=%d frames=%d fps=%.2f age_first_ms=%.1f age_last_ms=%.1f age_p50_ms=%.1f"
                        + " age_p99_ms=%.1f bytes_mean=%d cpu_ms_per_frame=%.1f%n",
                mode, seconds, count, count / (double) seconds, meanAge(perSecond, 0, 2),
                meanAge(perSecond, Math.max(0, perSecond.size() - 2), perSecond.size()), percentile(sorted, 0.50),
                percentile(sorted, 0.99), count == 0 ? 0 : bytes / count, count == 0 ? 0 : cpu / 1e6 / count);
    }

    /** CPU time of this whole process (host and controller threads, not the X server). */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double meanAge(List<double[]> perSecond, int from, int to) {
        double frames = 0;
        double ages = 0;
        for (int s = from; s < to; s++) {
            frames += perSecond.get(s)[0];
            ages += perSecond.get(s)[1];
        }
        return frames == 0 ? 0 : ages / frames;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * (sorted.length - 1)))];
    }

    /** A host Peer serving {@code desktop} on a loopback WebSocket and a controller connected to it. */
    private static RemoteComputer connect(X11Computer desktop, boolean encrypt, List<AutoCloseable> closing) {
        WebSocketTransport hostTransport = new WebSocketTransport();
        WebSocketTransport controllerTransport = new WebSocketTransport();
        closing.add(hostTransport);
        closing.add(controllerTransport);
        Endpoint loopback = new Endpoint("127.0.0.1", 0);
        Frame.Hello serverHello = Frame.Hello.server(WireModel.toWire(desktop.capabilities()));
        ComputerDispatcher handler = new ComputerDispatcher(desktop);
        String code = "123456";
        Listener listener;
        Connection connection;
        if (encrypt) {
            Identity host = Identity.generate();
            ServerHandshake handshake = new ServerHandshake(host, () -> Optional.of(Psk.derive(code)), key -> true);
            listener = hostTransport.listen(loopback, accepted -> {
                HandshakeResult result = handshake.accept(accepted);
                Peer.open(result.encrypt(accepted), serverHello, handler, PeerOptions.DEFAULTS);
            });
            connection = controllerTransport.dial(listener.endpoint());
            HandshakeResult result = PairingHandshake.client(connection, code, Identity.generate());
            connection = result.encrypt(connection);
        } else {
            listener = hostTransport.listen(loopback, accepted -> Peer.open(accepted, serverHello, handler, PeerOptions.DEFAULTS));
            connection = controllerTransport.dial(listener.endpoint());
        }
        closing.add(listener);
        Peer peer = Peer.open(connection, Frame.Hello.client(), null, PeerOptions.DEFAULTS);
        closing.add(peer);
        return new RemoteComputer(peer);
    }
}
