package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;

/**
 * Key-name normalisation of protocol §10.1: lower-case, then the aliases {@code return→enter},
 * {@code esc→escape}, {@code del→delete}, {@code pgup→pageup}, {@code pgdn→pagedown}.
 */
public final class Keys {
    private static final Map<String, String> ALIASES = Map.of(
            "return", "enter",
            "esc", "escape",
            "del", "delete",
            "pgup", "pageup",
            "pgdn", "pagedown");

    private Keys() {}

    /**
     * The normalised key name: a lone space becomes {@code space}; otherwise surrounding
     * whitespace is stripped, the name lower-cased and aliases mapped.
     *
     * @throws OpendeskException {@code invalid_argument} for an empty or blank name
     */
    public static String normalize(String key) {
        requireNonNull(key, "key is null");
        if (key.equals(" ")) {
            return "space";
        }
        String lower = key.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            throw OpendeskException.invalidArgument("key name must not be blank");
        }
        return ALIASES.getOrDefault(lower, lower);
    }

    /**
     * The keysym to send for a user-facing key name: a modifier name ({@link Modifier#fromKeyName})
     * becomes the modifier's wire value ({@code cmd → meta}), any other name is {@linkplain
     * #normalize normalised}.
     */
    public static String toKeysym(String key) {
        return Modifier.fromKeyName(requireNonNull(key, "key is null"))
                .map(Modifier::wire)
                .orElseGet(() -> normalize(key));
    }
}
