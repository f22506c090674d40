package dev.opendesk.spi;

import java.util.List;

/**
 * All that a third party needs to expose opendesk's tools to an agent framework: the tools with
 * their JSON schemas, and an invoker. Tools never know whether they act on this machine or a
 * paired peer.
 */
public interface ToolCatalog {
    /** Every tool, in a stable order. */
    List<ToolDescriptor> tools();

    /**
     * Runs one tool. Tool failures (bad arguments, a denied permission, a backend error) come back
     * as a result with {@code error == true} and the reason as text; this method throws only when
     * the catalog itself is unusable.
     */
    ToolCallResult call(ToolCall call);

    /**
     * The version of the host that serves these tools, which adapters report to agents (MCP's
     * {@code serverInfo.version}). Catalogs that do not know it keep the default.
     */
    default String hostVersion() {
        return "unknown";
    }
}
