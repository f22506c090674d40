package dev.opendesk.app.wiring;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.BackendProvider;
import java.util.Optional;

/**
 * The backend chosen at start-up, or why there is none.
 *
 * @param chosen the selected backend entry, if any is supported here
 * @param explanation how it was chosen, or why nothing was
 */
public record BackendSelection(Optional<PluginEntry> chosen, String explanation) {
    public BackendSelection {
        requireNonNull(chosen, "chosen is null");
        requireNonNull(explanation, "explanation is null");
    }

    /** The chosen backend's provider, or a {@code capability_unsupported} error that says why there is none. */
    public BackendProvider requireProvider() {
        return chosen.map(entry -> (BackendProvider) entry.provider())
                .orElseThrow(() -> new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, explanation));
    }
}
