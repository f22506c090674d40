package dev.opendesk.adapter.mcp;

import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;
import dev.opendesk.spi.ToolAdapter;
import dev.opendesk.spi.ToolCatalog;

/**
 * Provides the MCP server adapter: any {@link ToolCatalog} served to MCP clients over stdio or
 * streamable HTTP, with the official MCP Java SDK (which stays inside this module).
 */
public final class McpAdapterProvider implements AdapterProvider {
    @Override
    public String id() {
        return "mcp";
    }

    @Override
    public String description() {
        return "MCP server adapter (stdio and streamable HTTP)";
    }

    @Override
    public Support supports(HostPlatform platform) {
        return Support.yes();
    }

    @Override
    public ToolAdapter create(ToolCatalog catalog) {
        return new McpToolAdapter(catalog);
    }
}
