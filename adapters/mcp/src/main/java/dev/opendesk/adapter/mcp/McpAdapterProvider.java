package dev.opendesk.adapter.mcp;

import dev.opendesk.spi.ToolAdapter;
import dev.opendesk.spi.ToolCatalog;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/** Provides the MCP server adapter (stdio and streamable HTTP). It is not built yet, and says so instead of pretending to work. */
public final class McpAdapterProvider implements AdapterProvider {
    static final String NOT_IMPLEMENTED = "not implemented yet";

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
        return Support.no(NOT_IMPLEMENTED);
    }

    @Override
    public ToolAdapter create(ToolCatalog catalog) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "mcp: " + NOT_IMPLEMENTED);
    }
}
