package dev.opendesk.spi;

/**
 * The object an {@link AdapterProvider} builds: the catalog's tools in one framework's format,
 * and the handling of that framework's tool calls. JSON travels as text so the SPI needs no JSON
 * library.
 */
public interface ToolAdapter extends AutoCloseable {
    /** The tool definitions in this adapter's format, as JSON text. */
    String toolDefinitionsJson();

    /**
     * Handles one tool call written in this adapter's format and returns the reply in that format.
     *
     * @throws dev.opendesk.core.model.OpendeskException {@code invalid_argument} when the call
     *     cannot be parsed
     */
    String handleCallJson(String callJson);

    /** Releases whatever the adapter holds. */
    @Override
    default void close() {
    }
}
