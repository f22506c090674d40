package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.auth.AuthFailure;
import dev.opendesk.core.auth.Psk;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's pairing window (protocol §5.6), hardened beyond the reference: attempts run one at a
 * time; every attempt that used up a guess (it was sent a {@code pair_offer} and did not finish)
 * costs a penalty before the next one is accepted; after {@code maxFailures} such attempts the
 * window closes. The first success closes it too (one-shot).
 */
public final class PairingWindow {
    private static final Logger LOG = LoggerFactory.getLogger(PairingWindow.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int maxFailures;
    private final Duration failurePenalty;
    private final ReentrantLock attempts = new ReentrantLock(true);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "opendesk-pairing-timer");
        thread.setDaemon(true);
        return thread;
    });
    private @Nullable Psk psk;
    private @Nullable CompletableFuture<PairedController> outcome;
    private @Nullable ScheduledFuture<?> expiry;
    private int failures;

    /**
     * @param maxFailures failed guesses after which the window closes
     * @param failurePenalty how long a failed guess holds up the next attempt
     */
    public PairingWindow(int maxFailures, Duration failurePenalty) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.failurePenalty = requireNonNull(failurePenalty, "failurePenalty is null");
    }

    /** A 6-digit code from a CSPRNG, zero-padded. */
    public static String randomCode() {
        return String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
    }

    /** A controller that paired through this window. */
    public record PairedController(byte[] publicKey, String name, String fingerprint) {
        public PairedController {
            requireNonNull(publicKey, "publicKey is null");
            requireNonNull(name, "name is null");
            requireNonNull(fingerprint, "fingerprint is null");
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }
    }

    /**
     * Opens the window (replacing an open one). The returned future completes with the first
     * controller that pairs, or fails with {@code timeout} when the window expires, or
     * {@code permission_denied} after too many failed guesses, or {@code cancelled} on close.
     *
     * @param timeout zero or negative = no expiry
     */
    public synchronized CompletableFuture<PairedController> open(String code, Duration timeout) {
        requireNonNull(code, "code is null");
        requireNonNull(timeout, "timeout is null");
        close("replaced by a new pairing window");
        psk = Psk.derive(code);
        failures = 0;
        CompletableFuture<PairedController> future = new CompletableFuture<>();
        outcome = future;
        if (!timeout.isZero() && !timeout.isNegative()) {
            expiry = timer.schedule(() -> expire(future, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return future;
    }

    private synchronized void expire(CompletableFuture<PairedController> future, Duration timeout) {
        if (outcome == future) {
            finish(new OpendeskException(ErrorCode.TIMEOUT,
                    "no peer paired within " + (timeout.toMillis() / 1000.0) + "s."));
        }
    }

    /** The PSK while the window is open. */
    public synchronized Optional<Psk> psk() {
        return Optional.ofNullable(psk);
    }

    /** Whether pairing is enabled right now. */
    public synchronized boolean isOpen() {
        return psk != null;
    }

    /** Failed guesses so far in this window. */
    public synchronized int failures() {
        return failures;
    }

    /** Closes the window; a waiting {@link #open} future fails with {@code cancelled}. */
    public synchronized void close(String reason) {
        if (outcome != null) {
            finish(new OpendeskException(ErrorCode.CANCELLED, reason));
        }
    }

    /** Records a success: closes the window and completes its future. */
    public synchronized void succeeded(PairedController controller) {
        CompletableFuture<PairedController> future = outcome;
        clear();
        if (future != null) {
            future.complete(controller);
        }
    }

    /**
     * Runs one handshake attempt, one at a time. A failure that used up a guess counts against
     * the window and holds up the next attempt by the penalty.
     */
    public <T> T attempt(Supplier<T> handshake) {
        attempts.lock();
        try {
            return handshake.get();
        } catch (AuthFailure failure) {
            if (failure.pairingGuess()) {
                recordFailure(failure);
                sleepPenalty();
            }
            throw failure;
        } finally {
            attempts.unlock();
        }
    }

    private synchronized void recordFailure(AuthFailure failure) {
        failures++;
        LOG.warn("pairing attempt failed ({} of {}): {}", failures, maxFailures, failure.getMessage());
        if (failures >= maxFailures && outcome != null) {
            finish(new OpendeskException(ErrorCode.PERMISSION_DENIED,
                    "pairing window closed after " + failures + " failed attempts"));
        }
    }

    private void sleepPenalty() {
        try {
            Thread.sleep(failurePenalty.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finish(OpendeskException reason) {
        CompletableFuture<PairedController> future = outcome;
        clear();
        if (future != null) {
            future.completeExceptionally(reason);
        }
    }

    private void clear() {
        psk = null;
        outcome = null;
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }
}
