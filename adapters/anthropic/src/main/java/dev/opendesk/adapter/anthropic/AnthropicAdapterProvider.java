package dev.opendesk.adapter.anthropic;

import dev.opendesk.spi.ToolAdapter;
import dev.opendesk.spi.ToolCatalog;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/** Provides the Anthropic tool-use adapter. It is not built yet, and says so instead of pretending to work. */
public final class AnthropicAdapterProvider implements AdapterProvider {
    static final String NOT_IMPLEMENTED = "not implemented yet";

    @Override
    public String id() {
        return "anthropic";
    }

    @Override
    public String description() {
        return "Anthropic tool-use adapter";
    }

    @Override
    public Support supports(HostPlatform platform) {
        return Support.no(NOT_IMPLEMENTED);
    }

    @Override
    public ToolAdapter create(ToolCatalog catalog) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "anthropic: " + NOT_IMPLEMENTED);
    }
}
