package dev.opendesk.core.policy;

import java.util.Optional;

/**
 * The console the {@link ConsolePolicy} asks for approval: the application implements it with
 * the process's controlling terminal; tests use a scripted fake.
 */
public interface Prompter {
    /** Whether a human can answer, i.e. there is an interactive terminal. */
    boolean interactive();

    /**
     * Shows {@code prompt} (without a line break after it) and waits for one line of input.
     *
     * @return the line typed, without its terminator; empty at end of input or when the
     *     terminal went away
     */
    Optional<String> ask(String prompt);
}
