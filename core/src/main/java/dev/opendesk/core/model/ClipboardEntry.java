package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One representation of the clipboard contents (wire {@code ClipboardEntry}). The bytes are
 * copied on the way in and out; equality compares them by content.
 *
 * @param mimeType MIME type, not blank, e.g. {@code text/plain;charset=utf-8}
 * @param data the content
 */
public record ClipboardEntry(String mimeType, byte[] data) {
    /** The MIME type the reference reads and writes text with. */
    public static final String TEXT_PLAIN_UTF8 = "text/plain;charset=utf-8";

    public ClipboardEntry {
        Checks.nonBlank(mimeType, "mimeType");
        data = requireNonNull(data, "data is null").clone();
    }

    /** A UTF-8 text entry of type {@value #TEXT_PLAIN_UTF8}. */
    public static ClipboardEntry ofText(String text) {
        return new ClipboardEntry(TEXT_PLAIN_UTF8, requireNonNull(text, "text is null").getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the content. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Whether the MIME type starts with {@code text/}. */
    public boolean isText() {
        return mimeType.regionMatches(true, 0, "text/", 0, 5);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ClipboardEntry other && mimeType.equals(other.mimeType) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * mimeType.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ClipboardEntry[mimeType=" + mimeType + ", data=<" + data.length + " bytes>]";
    }
}
