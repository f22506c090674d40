package dev.opendesk.spi;

import static java.util.Objects.requireNonNull;

/**
 * One tool as an agent sees it.
 *
 * @param name the tool name, e.g. {@code screenshot}
 * @param description what it does and when to use it
 * @param inputSchemaJson the JSON Schema (an object schema) of its arguments, as JSON text
 */
public record ToolDescriptor(String name, String description, String inputSchemaJson) {
    public ToolDescriptor {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(inputSchemaJson, "inputSchemaJson is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
    }
}
