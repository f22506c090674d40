package dev.opendesk.transport.mdns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair (../shared/TESTING.md): {@code A} has 10.77.0.1/24,
 * {@code B} 10.77.0.2/24, both with {@code lo} up and a 224.0.0.0/4 route, so mDNS passes between
 * them and nowhere else. Needs root; {@link #create} says why it could not. Closing deletes both
 * namespaces (and with them the veth pair).
 */
public final class NetnsLan implements AutoCloseable {
    public static final String ADDRESS_A = "10.77.0.1";
    public static final String ADDRESS_B = "10.77.0.2";

    private final String a;
    private final String b;

    private NetnsLan(String a, String b) {
        this.a = a;
        this.b = b;
    }

    /** The namespace holding 10.77.0.1. */
    public String a() {
        return a;
    }

    /** The namespace holding 10.77.0.2. */
    public String b() {
        return b;
    }

    /**
     * Creates the pair of namespaces.
     *
     * @throws IllegalStateException with the reason when namespaces cannot be created here
     */
    public static NetnsLan create(String tag) {
        String suffix = tag + (ProcessHandle.current().pid() % 100_000);
        String a = "odA" + suffix;
        String b = "odB" + suffix;
        String vethA = "oda" + suffix;
        String vethB = "odb" + suffix;
        Result probe = run("ip", "netns", "add", a);
        if (probe.exit != 0) {
            throw new IllegalStateException("cannot create network namespaces (`ip netns add` failed: " + probe.output.strip() + ")");
        }
        NetnsLan lan = new NetnsLan(a, b);
        try {
            check("ip", "netns", "add", b);
            check("ip", "link", "add", vethA, "type", "veth", "peer", "name", vethB);
            check("ip", "link", "set", vethA, "netns", a);
            check("ip", "link", "set", vethB, "netns", b);
            for (String[] side : new String[][] {{a, vethA, ADDRESS_A}, {b, vethB, ADDRESS_B}}) {
                check("ip", "-n", side[0], "addr", "add", side[2] + "/24", "dev", side[1]);
                check("ip", "-n", side[0], "link", "set", side[1], "up");
                check("ip", "-n", side[0], "link", "set", "lo", "up");
                check("ip", "-n", side[0], "route", "add", "224.0.0.0/4", "dev", side[1]);
            }
            return lan;
        } catch (RuntimeException e) {
            lan.close();
            throw e;
        }
    }

    /** The command prefix that runs a program inside namespace {@code ns}. */
    public static List<String> inside(String ns, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(command);
        return full;
    }

    @Override
    public void close() {
        run("ip", "netns", "del", a);
        run("ip", "netns", "del", b);
    }

    private record Result(int exit, String output) {
    }

    private static void check(String... command) {
        Result result = run(command);
        if (result.exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output.strip());
        }
    }

    private static Result run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
