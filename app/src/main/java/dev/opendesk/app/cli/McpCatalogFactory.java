package dev.opendesk.app.cli;

import com.google.inject.Injector;
import dev.opendesk.spi.ToolCatalog;

/**
 * Builds the {@link ToolCatalog} that {@code opendesk mcp} serves, from the wired services of the
 * run. The production one is {@code AgentToolCatalogs::create} (core's tools, the opendesk_* peer
 * tools, per-call peer routing); tests pass their own to {@link McpCommand}.
 */
@FunctionalInterface
public interface McpCatalogFactory {
    /** The catalog to serve. It is closed at the end of the run when it is {@link AutoCloseable}. */
    ToolCatalog create(Injector services);
}
