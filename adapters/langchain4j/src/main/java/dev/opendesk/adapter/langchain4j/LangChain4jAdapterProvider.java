package dev.opendesk.adapter.langchain4j;

import dev.opendesk.spi.ToolAdapter;
import dev.opendesk.spi.ToolCatalog;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.Support;

/** Provides the LangChain4j tools adapter. It is not built yet, and says so instead of pretending to work. */
public final class LangChain4jAdapterProvider implements AdapterProvider {
    static final String NOT_IMPLEMENTED = "not implemented yet";

    @Override
    public String id() {
        return "langchain4j";
    }

    @Override
    public String description() {
        return "LangChain4j tools adapter";
    }

    @Override
    public Support supports(HostPlatform platform) {
        return Support.no(NOT_IMPLEMENTED);
    }

    @Override
    public ToolAdapter create(ToolCatalog catalog) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "langchain4j: " + NOT_IMPLEMENTED);
    }
}
