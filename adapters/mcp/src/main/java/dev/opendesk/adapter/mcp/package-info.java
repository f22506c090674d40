/** MCP server adapter (stdio and streamable HTTP) for opendesk. */
@NullMarked
package dev.opendesk.adapter.mcp;

import org.jspecify.annotations.NullMarked;
