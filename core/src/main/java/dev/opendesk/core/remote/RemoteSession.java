package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.auth.AuthFailure;
import dev.opendesk.core.computer.EventStream;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.protocol.Frame;
import dev.opendesk.core.protocol.Peer;
import dev.opendesk.core.protocol.WireCaller;
import dev.opendesk.core.protocol.WireMethod;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller's session with one host that heals itself (protocol §9): on a transient failure
 * (connection lost, or a {@code protocol} error) it reconnects with backoff within a 30 s budget
 * and replays the failed call once if it is an idempotent observation; other calls re-raise the
 * original error and the next call uses the healed session. Streams are never resumed. An
 * eviction by the host stops all of it.
 */
public final class RemoteSession implements WireCaller, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteSession.class);
    private static final Duration DRAIN_WAIT = Duration.ofMillis(500);

    private final Controller controller;
    private final Target target;
    private final boolean autoReconnect;
    private volatile @Nullable Peer peer;
    private volatile @Nullable String evictedReason;
    private volatile boolean closed;

    RemoteSession(Controller controller, Target target, boolean autoReconnect) {
        this.controller = requireNonNull(controller, "controller is null");
        this.target = requireNonNull(target, "target is null");
        this.autoReconnect = autoReconnect;
    }

    /** The host this session talks to. */
    public Target target() {
        return target;
    }

    /** Whether the host evicted us. */
    public boolean isEvicted() {
        return evictedReason != null;
    }

    @Override
    public @Nullable Map<String, @Nullable Object> call(String method, Map<String, @Nullable Object> params) {
        Peer current = current();
        try {
            return current.call(method, params);
        } catch (OpendeskException failure) {
            if (isTransient(failure)) {
                awaitDrain(current); // a send can fail before the reader has seen the host's eviction
            }
            if (evictedReason != null) {
                throw new SessionEvictedException(evictedReason);
            }
            if (!autoReconnect || closed || !isTransient(failure)) {
                throw failure;
            }
            heal(current, failure);
            if (WireMethod.fromWire(method).map(WireMethod::isReplayable).orElse(false)) {
                return current().call(method, params);
            }
            throw failure;
        }
    }

    @Override
    public EventStream<Map<String, @Nullable Object>> stream(String method, Map<String, @Nullable Object> params) {
        return current().stream(method, params);
    }

    @Override
    public Map<String, @Nullable Object> serverCapabilities() {
        return current().serverCapabilities();
    }

    private Peer current() {
        if (evictedReason != null) {
            throw new SessionEvictedException(evictedReason);
        }
        if (closed) {
            throw new OpendeskException(ErrorCode.PROTOCOL, "session closed");
        }
        Peer current = peer;
        if (current != null && !current.isOpen()) {
            awaitDrain(current);
            if (evictedReason != null) {
                throw new SessionEvictedException(evictedReason);
            }
        }
        if (current == null || !current.isOpen()) {
            if (!autoReconnect || current == null) {
                throw new OpendeskException(ErrorCode.PROTOCOL, "not connected to " + target.name());
            }
            heal(current, new OpendeskException(ErrorCode.PROTOCOL, "connection to " + target.name() + " lost"));
            current = requireNonNull(peer);
        }
        return current;
    }

    /**
     * Lets a dying peer's reader handle what is still queued (an eviction PUSH comes just before
     * the close), so an eviction is never mistaken for a lost connection.
     */
    private static void awaitDrain(Peer dying) {
        try {
            dying.closure().get(DRAIN_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // still open or failed oddly: go on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isTransient(OpendeskException failure) {
        return failure.code() == ErrorCode.PROTOCOL && !(failure instanceof AuthFailure)
                && !(failure instanceof SessionEvictedException);
    }

    /** Connects once, now (used for the first connection). */
    void reconnectNow() {
        install(controller.open(target));
    }

    /** Replaces a broken peer, retrying with backoff; throws {@code original} when the budget runs out. */
    private synchronized void heal(@Nullable Peer broken, OpendeskException original) {
        if (peer != broken && peer != null && peer.isOpen()) {
            return; // another caller already healed it
        }
        if (broken != null) {
            broken.close();
        }
        long deadline = System.nanoTime() + Controller.RECONNECT_BUDGET.toNanos();
        for (Duration delay : Controller.RECONNECT_DELAYS) {
            if (closed || evictedReason != null) {
                break;
            }
            try {
                install(controller.open(target));
                LOG.info("reconnected to {}", target.name());
                return;
            } catch (AuthFailure failure) {
                throw failure; // not transient: the host no longer trusts us, or is someone else
            } catch (OpendeskException failure) {
                LOG.debug("reconnect to {} failed: {}", target.name(), failure.getMessage());
            }
            if (System.nanoTime() + delay.toNanos() > deadline) {
                break;
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw original;
    }

    private void install(Peer fresh) {
        fresh.onPush(Frame.Push.SESSION_EVICTED, payload -> {
            Object reason = payload.get("reason");
            evictedReason = reason instanceof String text ? text : "evicted";
        });
        peer = fresh;
    }

    @Override
    public void close() {
        closed = true;
        Peer current = peer;
        if (current != null) {
            current.close();
        }
    }
}
