package dev.opendesk.spi;

/**
 * An integration adapter: turns the host's {@link ToolCatalog} into what one agent framework
 * speaks (MCP, OpenAI function tools, LangChain4j tools, Anthropic tool use).
 * Register in {@code META-INF/services/dev.opendesk.spi.AdapterProvider}.
 */
public interface AdapterProvider extends PluginProvider {
    /** Builds the adapter over a catalog of tools. */
    ToolAdapter create(ToolCatalog catalog);
}
