package dev.opendesk.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a tool call produced.
 *
 * @param error whether the tool failed (the content then says why)
 * @param content the output blocks, in order
 */
public record ToolCallResult(boolean error, List<ToolContent> content) {
    public ToolCallResult {
        content = List.copyOf(requireNonNull(content, "content is null"));
    }

    /** A successful result with one text block. */
    public static ToolCallResult text(String text) {
        return new ToolCallResult(false, List.of(new ToolContent.Text(text)));
    }

    /** A failed result whose text says why. */
    public static ToolCallResult failure(String message) {
        return new ToolCallResult(true, List.of(new ToolContent.Text(message)));
    }
}
