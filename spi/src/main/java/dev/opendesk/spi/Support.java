package dev.opendesk.spi;

import static java.util.Objects.requireNonNull;

/**
 * Whether a provider can work on this machine, and if not, why — in words a user can act on
 * ({@code "no X display: DISPLAY is not set"}, {@code "not implemented yet"}).
 *
 * @param supported whether the provider can be used here
 * @param reason why not; empty when supported
 */
public record Support(boolean supported, String reason) {
    private static final Support YES = new Support(true, "");

    public Support {
        requireNonNull(reason, "reason is null");
        if (!supported && reason.isBlank()) {
            throw new IllegalArgumentException("an unsupported provider must say why");
        }
    }

    /** The provider works here. */
    public static Support yes() {
        return YES;
    }

    /** The provider does not work here, for the given reason. */
    public static Support no(String reason) {
        return new Support(false, reason);
    }
}
