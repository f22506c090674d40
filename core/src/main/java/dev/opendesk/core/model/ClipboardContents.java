package dev.opendesk.core.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The clipboard, in every representation the backend read (wire {@code ClipboardContents});
 * an empty clipboard has no entries.
 *
 * @param entries the representations, most preferred first
 */
public record ClipboardContents(List<ClipboardEntry> entries) {
    private static final ClipboardContents EMPTY = new ClipboardContents(List.of());

    public ClipboardContents {
        entries = Checks.list(entries, "entries");
    }

    /** An empty clipboard. */
    public static ClipboardContents empty() {
        return EMPTY;
    }

    /** A clipboard holding one UTF-8 text entry. */
    public static ClipboardContents ofText(String text) {
        return new ClipboardContents(List.of(ClipboardEntry.ofText(text)));
    }

    /** The first {@code text/*} entry decoded as UTF-8 (the entry a host writes), if any. */
    public Optional<String> text() {
        return entries.stream()
                .filter(ClipboardEntry::isText)
                .findFirst()
                .map(entry -> new String(entry.data(), StandardCharsets.UTF_8));
    }
}
