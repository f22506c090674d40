package dev.opendesk.backend.x11.atspi;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.freedesktop.dbus.DBusAsyncReply;
import org.freedesktop.dbus.RemoteInvocationHandler;
import org.freedesktop.dbus.RemoteObject;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.jspecify.annotations.Nullable;

/**
 * One connection to the accessibility bus, found through {@code org.a11y.Bus.GetAddress} on a
 * session bus, with calls that never wait longer than a per-call timeout: every call is sent
 * asynchronously and its reply awaited for at most {@code callTimeout} (or less when the caller's
 * deadline is closer), so a hung application cannot stall a tree walk. Calls may be started
 * together and awaited later, which puts several requests to one application on the wire at once.
 */
final class AtspiBus implements AutoCloseable {
    private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

    private final DBusConnection connection;
    private final long callTimeoutNanos;
    private final String address;

    private AtspiBus(DBusConnection connection, Duration callTimeout, String address) {
        this.connection = connection;
        this.callTimeoutNanos = callTimeout.toNanos();
        this.address = address;
    }

    /**
     * Asks the session bus at {@code sessionBusAddress} where the accessibility bus is, connects to
     * it and checks that the registry answers.
     *
     * @throws AtspiException when a step fails; its message says which
     */
    static AtspiBus connect(String sessionBusAddress, Duration callTimeout) {
        requireNonNull(sessionBusAddress, "sessionBusAddress is null");
        requireNonNull(callTimeout, "callTimeout is null");
        String a11yAddress;
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(500, callTimeout.toMillis()));
        try (DBusConnection session = open(sessionBusAddress, connectMillis)) {
            RemoteObject bus = new RemoteObject("org.a11y.Bus", "/org/a11y/bus", AtspiDbus.A11yBus.class, true);
            // the launcher may have to be started by D-Bus activation: allow it a few call timeouts
            a11yAddress = (String) await(start(session, bus, "GetAddress"), System.nanoTime() + 4 * callTimeout.toNanos(),
                    "org.a11y.Bus.GetAddress");
        } catch (DBusException | IOException e) {
            throw new AtspiException("cannot reach the session bus at " + sessionBusAddress + ": " + e.getMessage(), e);
        } catch (AtspiException e) {
            throw new AtspiException("the session bus has no accessibility bus (org.a11y.Bus): " + e.getMessage(), e);
        }
        if (a11yAddress == null || a11yAddress.isBlank()) {
            throw new AtspiException("org.a11y.Bus.GetAddress returned no address");
        }
        DBusConnection a11y;
        try {
            a11y = open(a11yAddress, connectMillis);
        } catch (DBusException e) {
            throw new AtspiException("cannot connect to the accessibility bus at " + a11yAddress + ": " + e.getMessage(), e);
        }
        AtspiBus bus = new AtspiBus(a11y, callTimeout, a11yAddress);
        try {
            // the registry is started on demand too
            bus.call(new AccessibleRef(AtspiDbus.REGISTRY, AtspiDbus.ROOT_PATH), AtspiDbus.Accessible.class, "GetChildren",
                    System.nanoTime() + 4 * callTimeout.toNanos());
        } catch (AtspiException e) {
            bus.close();
            throw new AtspiException("the accessibility registry does not answer: " + e.getMessage(), e);
        }
        return bus;
    }

    /** A private connection; dbus-java retries a failing connect for {@code connectMillis} (its default is 10 s). */
    private static DBusConnection open(String address, int connectMillis) throws DBusException {
        return DBusConnectionBuilder.forAddress(address)
                .withShared(false)
                .withImportWeakReferences(true)
                .transportConfig().withTimeout(connectMillis).back()
                .build();
    }

    /** The accessibility bus address. */
    String address() {
        return address;
    }

    /** Whether the connection is still up. */
    boolean isConnected() {
        return connection.isConnected();
    }

    /** A call on the wire whose reply is awaited by {@link #await}. */
    static final class Pending {
        private final DBusAsyncReply<?> reply;
        private final String what;

        Pending(DBusAsyncReply<?> reply, String what) {
            this.reply = reply;
            this.what = what;
        }
    }

    /** Sends {@code iface.method(args)} to {@code target} without waiting. */
    Pending start(AccessibleRef target, Class<? extends DBusInterface> iface, String method, Object... args) {
        // well-known names (the registry) may be started by D-Bus activation; applications are not
        RemoteObject remote = new RemoteObject(target.busName(), target.path(), iface, !target.busName().startsWith(":"));
        return start(connection, remote, method, args);
    }

    /** Sends {@code org.freedesktop.DBus.Properties.Get(interfaceName, property)} without waiting. */
    Pending startProperty(AccessibleRef target, String interfaceName, String property) {
        return start(target, Properties.class, "Get", interfaceName, property);
    }

    private static Pending start(DBusConnection connection, RemoteObject remote, String method, Object... args) {
        Method javaMethod = method(remote.getInterface(), method);
        String what = remote.getInterface().getSimpleName() + "." + method + " on " + remote.getBusName() + remote.getObjectPath();
        try {
            Object reply = RemoteInvocationHandler.executeRemoteMethod(remote, javaMethod, connection,
                    RemoteInvocationHandler.CALL_TYPE_ASYNC, null, args);
            return new Pending((DBusAsyncReply<?>) reply, what);
        } catch (DBusException | DBusExecutionException e) {
            throw new AtspiException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static Method method(Class<?> iface, String name) {
        return METHODS.computeIfAbsent(iface.getName() + "#" + name, key -> {
            for (Method m : iface.getMethods()) {
                if (m.getName().equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException(iface.getName() + " declares no " + name);
        });
    }

    /**
     * The reply of {@code pending}, awaited until the call timeout or {@code deadlineNanos}
     * (a {@link System#nanoTime()} value), whichever is first.
     *
     * @throws AtspiException on a timeout or a D-Bus error reply
     */
    @Nullable Object await(Pending pending, long deadlineNanos) {
        long limit = Math.min(deadlineNanos, System.nanoTime() + callTimeoutNanos);
        return await(pending, limit, pending.what);
    }

    private static @Nullable Object await(Pending pending, long deadlineNanos, String what) {
        DBusAsyncReply<?> reply = pending.reply;
        try {
            if (!reply.hasReply()) {
                long waitMillis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
                reply.getCall().getReply(waitMillis);
                if (!reply.hasReply()) {
                    throw new AtspiException(what + " timed out", true);
                }
            }
            Object value = reply.getReply();
            return value instanceof Variant<?> variant ? variant.getValue() : value;
        } catch (DBusException | DBusExecutionException e) {
            throw new AtspiException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Calls and waits. */
    @Nullable Object call(AccessibleRef target, Class<? extends DBusInterface> iface, String method, long deadlineNanos, Object... args) {
        return await(start(target, iface, method, args), deadlineNanos);
    }

    /** Reads a property and waits. */
    @Nullable Object property(AccessibleRef target, String interfaceName, String property, long deadlineNanos) {
        return await(startProperty(target, interfaceName, property), deadlineNanos);
    }

    /** The process id behind a bus name on the accessibility bus, or -1 when the bus cannot tell. */
    long processId(String busName, long deadlineNanos) {
        try {
            RemoteObject daemon = new RemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class, false);
            Object pid = await(start(connection, daemon, "GetConnectionUnixProcessID", busName), deadlineNanos);
            return pid instanceof UInt32 u ? u.longValue() : -1;
        } catch (AtspiException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            // closing a dead connection: nothing left to release
        }
    }
}
