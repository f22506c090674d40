package dev.opendesk.core.policy;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.protocol.WireMethod;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive approval ({@code serve --approve console}, protocol §14.2): the observation methods
 * are allowed without asking; every other method, including unknown ones, asks the operator
 * {@code [opendesk] <peer> wants to <summary>. Allow? [y/N] } and proceeds only on {@code y} or
 * {@code yes} (case-insensitive, surrounding blanks ignored). Without a terminal the gated calls
 * are denied. There is no timeout: the call waits for the human. Prompts are asked one at a
 * time, in arrival order; a thread interrupted while it waits for its turn or its answer is denied.
 */
public final class ConsolePolicy implements Policy {
    /** The methods allowed without a prompt: exactly the {@link WireMethod.Kind#OBSERVE} methods. */
    public static final Set<String> OBSERVATION_METHODS = Stream.of(WireMethod.values())
            .filter(m -> m.kind() == WireMethod.Kind.OBSERVE)
            .map(WireMethod::wireName)
            .collect(Collectors.toUnmodifiableSet());

    private static final Logger LOG = LoggerFactory.getLogger(ConsolePolicy.class);

    private final Prompter prompter;
    private final ReentrantLock promptLock = new ReentrantLock(true);

    /** A console policy asking through {@code prompter}; logs a warning now if it cannot ask anyone. */
    public ConsolePolicy(Prompter prompter) {
        this.prompter = requireNonNull(prompter, "prompter is null");
        if (!prompter.interactive()) {
            LOG.warn("ConsolePolicy: no TTY available - non-observation methods will be denied. "
                    + "Use --approve auto (AllowAllPolicy) or a custom policy for headless setups.");
        }
    }

    /** Whether {@code method} is in the auto-approved observation set. */
    public static boolean isObservation(String method) {
        return OBSERVATION_METHODS.contains(method);
    }

    /** The prompt shown for a gated call. */
    public static String promptText(PolicyRequest request) {
        return "[opendesk] " + request.peerName() + " wants to " + request.summary() + ". Allow? [y/N] ";
    }

    @Override
    public PolicyDecision decide(PolicyRequest request) {
        requireNonNull(request, "request is null");
        if (isObservation(request.method())) {
            return PolicyDecision.allow();
        }
        String peer = request.peerName();
        String summary = request.summary();
        if (!prompter.interactive()) {
            return PolicyDecision.deny(peer + " → " + summary + ": no TTY for interactive approval");
        }
        PolicyDecision refusal = PolicyDecision.deny(peer + " denied: " + summary);
        try {
            promptLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refusal;
        }
        Optional<String> answer;
        try {
            answer = prompter.ask(promptText(request));
        } catch (RuntimeException e) {
            LOG.warn("ConsolePolicy: reading the answer failed: {}", e.toString());
            answer = Optional.empty();
        } finally {
            promptLock.unlock();
        }
        if (Thread.currentThread().isInterrupted()) {
            return refusal;
        }
        String normalized = answer.map(a -> a.strip().toLowerCase(Locale.ROOT)).orElse("");
        return normalized.equals("y") || normalized.equals("yes") ? PolicyDecision.allow() : refusal;
    }
}
