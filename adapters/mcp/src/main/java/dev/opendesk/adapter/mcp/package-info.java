/**
 * MCP server adapter for opendesk: serves any {@link dev.opendesk.spi.ToolCatalog} to MCP clients
 * (Claude Code, Claude Desktop, Cursor…) over stdio or streamable HTTP at {@code /mcp}, built on
 * the official MCP Java SDK. tools/list is the catalog as it is at each request; every failed call,
 * an unknown tool or a catalog that throws included, comes back as an {@code isError} result.
 */
@NullMarked
package dev.opendesk.adapter.mcp;

import org.jspecify.annotations.NullMarked;
