package dev.opendesk.adapter.openai;

import dev.opendesk.spi.ToolAdapter;
import dev.opendesk.spi.ToolCatalog;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/** Provides the OpenAI function-tools adapter. It is not built yet, and says so instead of pretending to work. */
public final class OpenAiAdapterProvider implements AdapterProvider {
    static final String NOT_IMPLEMENTED = "not implemented yet";

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public String description() {
        return "OpenAI function-tools adapter";
    }

    @Override
    public Support supports(HostPlatform platform) {
        return Support.no(NOT_IMPLEMENTED);
    }

    @Override
    public ToolAdapter create(ToolCatalog catalog) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "openai: " + NOT_IMPLEMENTED);
    }
}
