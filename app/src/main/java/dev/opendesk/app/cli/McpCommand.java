package dev.opendesk.app.cli;

import static java.util.Objects.requireNonNull;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.opendesk.app.tools.AgentToolCatalogs;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.HttpServeOptions;
import dev.opendesk.spi.RunningServer;
import dev.opendesk.spi.ToolAdapter;
import dev.opendesk.spi.ToolCall;
import dev.opendesk.spi.ToolCallResult;
import dev.opendesk.spi.ToolCatalog;
import dev.opendesk.spi.ToolDescriptor;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opendesk mcp}: the MCP server (spec/surface.md §2) through the {@code mcp} adapter plugin.
 * Over stdio by default, until the client closes stdin; with {@code --http [HOST:]PORT}, streamable
 * HTTP at {@code /mcp} (loopback unless told otherwise) until Ctrl-C.
 *
 * <p>In stdio mode the process's standard output carries protocol bytes only: this command hands
 * the real stdout to the adapter and points {@code System.out} at stderr for the duration, so a
 * stray print anywhere cannot corrupt the stream. That makes it one of the classes allowed to touch
 * the standard streams.
 */
@Command(name = "mcp", description = {
    "Run the MCP server for agents (Claude Code, Claude Desktop, Cursor…): over stdio by default,",
    "or over streamable HTTP at http://HOST:PORT/mcp with --http."})
public final class McpCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(McpCommand.class);
    static final String ADAPTER_ID = "mcp";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--http", paramLabel = "[HOST:]PORT",
            description = "serve streamable HTTP at /mcp instead of stdio; HOST defaults to 127.0.0.1 (this machine only)")
    @Nullable String http;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "with --http: require 'Authorization: Bearer TOKEN' (use it when HOST is not loopback)")
    @Nullable String token;

    private final McpCatalogFactory catalogFactory;
    private final @Nullable InputStream stdin;
    private final @Nullable OutputStream stdout;

    /** The production command: the agent tool catalog, the process's stdin/stdout. */
    McpCommand() {
        this(AgentToolCatalogs::create, null, null);
    }

    /** A command serving another catalog over other streams (null = the process's). */
    McpCommand(McpCatalogFactory catalogFactory, @Nullable InputStream stdin, @Nullable OutputStream stdout) {
        this.catalogFactory = requireNonNull(catalogFactory, "catalogFactory is null");
        this.stdin = stdin;
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws Exception {
        if (token != null && http == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--token needs --http");
        }
        HttpServeOptions httpOptions = http == null ? null : parseHttp(http, token == null ? "" : token);

        Injector services = Services.of(common);
        AdapterProvider provider = mcpAdapter(services);
        ToolCatalog catalog = catalogFactory.create(services);
        try (ToolAdapter adapter = provider.create(withAppVersion(catalog, appVersion()))) {
            if (httpOptions == null) {
                serveStdio(adapter);
            } else {
                serveHttp(adapter, httpOptions);
            }
        } finally {
            if (catalog instanceof AutoCloseable closeable) { // e.g. open connections to peers
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing the tool catalog: {}", e.toString());
                }
            }
        }
        return 0;
    }

    private void serveStdio(ToolAdapter adapter) {
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

    private void serveHttp(ToolAdapter adapter, HttpServeOptions options) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ShutdownSignal.arm();
        try (RunningServer server = adapter.serveHttp(options)) {
            out.println("opendesk MCP server listening on " + server.endpoint()
                    + (options.requiresToken() ? "  (bearer token required)" : ""));
            out.println("Press Ctrl-C to stop.");
            out.flush();
            ShutdownSignal.await(0);
        }
        out.println("Shutting down.");
        out.flush();
    }

    private static AdapterProvider mcpAdapter(Injector services) {
        List<AdapterProvider> adapters = services.getInstance(Key.get(new TypeLiteral<List<AdapterProvider>>() {
        }));
        return adapters.stream().filter(a -> a.id().equals(ADAPTER_ID)).findFirst()
                .orElseThrow(() -> new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED,
                        "no usable '" + ADAPTER_ID + "' adapter plugin (see opendesk plugins)"));
    }

    private String appVersion() {
        String[] version = spec.root().version();
        String text = version.length == 0 ? "" : version[0].replaceFirst("^opendesk\\s+", "").strip();
        return text.isEmpty() ? "unknown" : text;
    }

    /** {@code PORT}, {@code HOST:PORT} or {@code [IPv6]:PORT}; HOST defaults to 127.0.0.1. */
    HttpServeOptions parseHttp(String value, String bearerToken) {
        String text = value.strip();
        String host = "127.0.0.1";
        String port = text;
        if (text.startsWith("[")) {
            int end = text.indexOf("]:");
            if (end < 0) {
                throw badHttp(value);
            }
            host = text.substring(1, end);
            port = text.substring(end + 2);
        } else if (text.contains(":")) {
            int colon = text.lastIndexOf(':');
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.contains(":")) {
                throw badHttp(value); // a bare IPv6 address needs brackets
            }
        }
        try {
            int number = Integer.parseInt(port);
            if (host.isBlank() || number < 0 || number > 65_535) {
                throw badHttp(value);
            }
            return new HttpServeOptions(host, number, bearerToken);
        } catch (NumberFormatException e) {
            throw badHttp(value);
        }
    }

    private CommandLine.ParameterException badHttp(String value) {
        return new CommandLine.ParameterException(spec.commandLine(),
                "--http takes [HOST:]PORT (e.g. 8425, 127.0.0.1:8425, [::1]:8425), not '" + value + "'");
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
