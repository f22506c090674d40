package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import java.util.Base64;
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

    /** A failed result with attachments and metadata (e.g. a screenshot that could not be saved). */
    public static ToolResult failure(String title, String output, List<Attachment> attachments, Map<String, Object> metadata) {
        return new ToolResult(title, output, true, attachments, metadata);
    }

    /** The attachments that are images ({@code image/*}), in order: what an MCP adapter sends as image content. */
    public List<Attachment> images() {
        return attachments.stream().filter(Attachment::isImage).toList();
    }

    /**
     * The reference's {@code to_dict()}: {@code title}, {@code output}, {@code error},
     * {@code metadata}; no attachments.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", title);
        map.put("output", output);
        map.put("error", error);
        map.put("metadata", metadata);
        return map;
    }

    /**
     * The reference's {@code to_dict_b64()}: {@link #toMap()} plus {@code attachments}, each with
     * {@code filename}, {@code media_type} and {@code content_b64}.
     */
    public Map<String, Object> toMapWithAttachments() {
        Map<String, Object> map = toMap();
        map.put("attachments", attachments.stream().map(a -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("filename", a.filename());
            entry.put("media_type", a.mediaType());
            entry.put("content_b64", a.base64());
            return entry;
        }).toList());
        return map;
    }

    /** A file or image attached to a result. The bytes are not copied (treat them as read-only). */
    public record Attachment(String filename, byte[] content, String mediaType) {
        public Attachment {
            requireNonNull(filename, "filename is null");
            requireNonNull(content, "content is null");
            requireNonNull(mediaType, "mediaType is null");
        }

        /** Whether the media type is {@code image/*}. */
        public boolean isImage() {
            return mediaType.startsWith("image/");
        }

        /** The content in standard base64 (what MCP image content carries). */
        public String base64() {
            return Base64.getEncoder().encodeToString(content);
        }

        @Override
        public String toString() {
            return "Attachment[" + filename + ", " + mediaType + ", " + content.length + " bytes]";
        }
    }
}
