/**
 * The agent-facing tool catalog: core's tools plus the peer-management tools, with per-call peer
 * routing, exposed through the SPI's {@link dev.opendesk.spi.ToolCatalog} to whichever adapter
 * (MCP, …) serves them.
 */
@NullMarked
package dev.opendesk.app.tools;

import org.jspecify.annotations.NullMarked;
