package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Static facts about a machine (wire {@code Environment}).
 *
 * @param os operating system as {@code platform.system()} names it: {@code Linux}, {@code Darwin}, {@code Windows}
 * @param osVersion operating system version
 * @param hostname host name
 * @param locale locale, e.g. {@code en_US}
 * @param timezone time zone name
 * @param displays the connected displays
 */
public record Environment(
        String os, String osVersion, String hostname, String locale, String timezone, List<Display> displays) {
    public Environment {
        requireNonNull(os, "os is null");
        requireNonNull(osVersion, "osVersion is null");
        requireNonNull(hostname, "hostname is null");
        requireNonNull(locale, "locale is null");
        requireNonNull(timezone, "timezone is null");
        displays = Checks.list(displays, "displays");
    }
}
