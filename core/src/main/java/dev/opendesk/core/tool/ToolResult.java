package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tool returns (spec/surface.md §1.0).
 *
 * @param title a short label
 * @param output the text for the model
 * @param error whether the tool failed
 * @param attachments images and files (e.g. the screenshot PNG)
 * @param metadata extra facts not shown to the model
 */
public record ToolResult(String title, String output, boolean error, List<Attachment> attachments, Map<String, Object> metadata) {
    public ToolResult {
        requireNonNull(title, "title is null");
        requireNonNull(output, "output is null");
        attachments = List.copyOf(requireNonNull(attachments, "attachments is null"));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(metadata, "metadata is null")));
    }

    /** A successful text result. */
    public static ToolResult text(String title, String output) {
        return new ToolResult(title, output, false, List.of(), Map.of());
    }

    /** A failed result whose output says why. */
    public static ToolResult failure(String title, String output) {
        return new ToolResult(title, output, true, List.of(), Map.of());
    }

    /** A file or image attached to a result. */
    public record Attachment(String filename, byte[] content, String mediaType) {
        public Attachment {
            requireNonNull(filename, "filename is null");
            requireNonNull(content, "content is null");
            requireNonNull(mediaType, "mediaType is null");
        }
    }
}
