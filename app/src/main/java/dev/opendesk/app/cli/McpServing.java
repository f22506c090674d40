package dev.opendesk.app.cli;

import static java.util.Objects.requireNonNull;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.ToolAdapter;
import dev.opendesk.spi.ToolCall;
import dev.opendesk.spi.ToolCallResult;
import dev.opendesk.spi.ToolCatalog;
import dev.opendesk.spi.ToolDescriptor;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code opendesk mcp} does once its options are known, free of picocli so that the plain
 * stdio form can run without building a command-line model at all ({@link McpQuickStart}).
 *
 * <p>In stdio mode the process's standard output carries protocol bytes only: the real stdout goes
 * to the adapter and {@code System.out} points at stderr for the duration, so a stray print
 * anywhere cannot corrupt the stream. That makes this one of the classes allowed to touch the
 * standard streams.
 */
public final class McpServing {
    private static final Logger LOG = LoggerFactory.getLogger(McpServing.class);
    static final String ADAPTER_ID = "mcp";

    private final McpCatalogFactory catalogFactory;
    private final @Nullable InputStream stdin;
    private final @Nullable OutputStream stdout;

    /**
     * @param stdin the protocol input, null for the process's
     * @param stdout the protocol output, null for the process's
     */
    McpServing(McpCatalogFactory catalogFactory, @Nullable InputStream stdin, @Nullable OutputStream stdout) {
        this.catalogFactory = requireNonNull(catalogFactory, "catalogFactory is null");
        this.stdin = stdin;
        this.stdout = stdout;
    }

    /**
     * Serves the catalog built from {@code services} through the mcp adapter: {@code serve} gets
     * the adapter (stdio or HTTP); the catalog is closed afterwards when it is closeable.
     */
    void serve(Injector services, String appVersion, Consumer<ToolAdapter> serve) {
        AdapterProvider provider = mcpAdapter(services);
        ToolCatalog catalog = catalogFactory.create(services);
        try (ToolAdapter adapter = provider.create(withAppVersion(catalog, appVersion))) {
            serve.accept(adapter);
        } finally {
            if (catalog instanceof AutoCloseable closeable) { // e.g. open connections to peers
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing the tool catalog: {}", e.toString());
                }
            }
        }
    }

    /** Serves MCP over stdin/stdout until the client closes its end. */
    void serveStdio(ToolAdapter adapter) {
        InputStream in = stdin != null ? stdin : System.in;
        if (stdout != null) {
            adapter.serveStreams(in, stdout);
            return;
        }
        PrintStream protocolOut = System.out;
        System.setOut(System.err); // whatever else prints goes to stderr, never into the protocol stream
        try {
            adapter.serveStreams(in, protocolOut);
        } finally {
            protocolOut.flush();
            System.setOut(protocolOut);
        }
    }

    private static AdapterProvider mcpAdapter(Injector services) {
        List<AdapterProvider> adapters = services.getInstance(Key.get(new TypeLiteral<List<AdapterProvider>>() {
        }));
        return adapters.stream().filter(a -> a.id().equals(ADAPTER_ID)).findFirst()
                .orElseThrow(() -> new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED,
                        "no usable '" + ADAPTER_ID + "' adapter plugin (see opendesk plugins)"));
    }

    private static ToolCatalog withAppVersion(ToolCatalog catalog, String version) {
        return "unknown".equals(catalog.hostVersion()) ? new VersionedCatalog(catalog, version) : catalog;
    }

    /** A catalog reporting the app's version to agents. */
    private record VersionedCatalog(ToolCatalog delegate, String hostVersion) implements ToolCatalog {
        @Override
        public List<ToolDescriptor> tools() {
            return delegate.tools();
        }

        @Override
        public ToolCallResult call(ToolCall call) {
            return delegate.call(call);
        }
    }
}
