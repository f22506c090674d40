package dev.opendesk.app.cli;

import dev.opendesk.core.model.OpendeskException;
import java.util.Optional;

/**
 * Finds the domain error a command failed with. Guice wraps what a provider throws (and a
 * future what a task throws); the {@link OpendeskException} inside is what the user needs to
 * read, as {@code ERROR: <message>} with exit code {@link OpendeskCommand#FAILURE}. Free of
 * picocli, for {@link McpQuickStart}.
 */
final class DomainErrors {
    private DomainErrors() {
    }

    /** The first {@link OpendeskException} in the failure's cause chain, if any. */
    static Optional<OpendeskException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OpendeskException domain) {
                return Optional.of(domain);
            }
        }
        return Optional.empty();
    }
}
