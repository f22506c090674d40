package dev.opendesk.adapter.mcp;

import dev.opendesk.spi.ToolAdapter;

/**
 * Serves the {@link FakeCatalog} over this process's stdin/stdout, as {@code opendesk mcp} does:
 * the process an MCP client spawns in the stdio tests. The only test class that touches the
 * standard streams.
 */
public final class FakeCatalogStdioServer {
    private FakeCatalogStdioServer() {
    }

    public static void main(String[] args) {
        try (ToolAdapter adapter = new McpAdapterProvider().create(new FakeCatalog())) {
            adapter.serveStreams(System.in, System.out);
        }
        System.err.println("fake catalog server: stdin closed, exiting");
    }
}
