package dev.opendesk.app.cli;

import dev.opendesk.app.tools.AgentToolCatalogs;
import dev.opendesk.spi.HttpServeOptions;
import dev.opendesk.spi.RunningServer;
import dev.opendesk.spi.ToolAdapter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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
 * The plain stdio form ({@code opendesk mcp [--home DIR] [--backend ID] [--codec ID]}) is served
 * by {@link McpQuickStart} without picocli; both go through {@link McpServing}.
 */
@Command(name = "mcp", description = {
    "Run the MCP server for agents (Claude Code, Claude Desktop, Cursor…): over stdio by default,",
    "or over streamable HTTP at http://HOST:PORT/mcp with --http."})
public final class McpCommand implements Callable<Integer> {
    static final String ADAPTER_ID = McpServing.ADAPTER_ID;

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

    private final McpServing serving;

    /** The production command: the agent tool catalog, the process's stdin/stdout. */
    McpCommand() {
        this(AgentToolCatalogs::create, null, null);
    }

    /** A command serving another catalog over other streams (null = the process's). */
    McpCommand(McpCatalogFactory catalogFactory, @Nullable InputStream stdin, @Nullable OutputStream stdout) {
        this.serving = new McpServing(catalogFactory, stdin, stdout);
    }

    @Override
    public Integer call() throws Exception {
        if (token != null && http == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--token needs --http");
        }
        HttpServeOptions httpOptions = http == null ? null : parseHttp(http, token == null ? "" : token);
        serving.serve(Services.of(common), OpendeskCommand.VERSION, adapter -> {
            if (httpOptions == null) {
                serving.serveStdio(adapter);
            } else {
                serveHttp(adapter, httpOptions);
            }
        });
        return 0;
    }

    private void serveHttp(ToolAdapter adapter, HttpServeOptions options) {
        PrintWriter out = spec.commandLine().getOut();
        ShutdownSignal.arm();
        try (RunningServer server = adapter.serveHttp(options)) {
            out.println("opendesk MCP server listening on " + server.endpoint()
                    + (options.requiresToken() ? "  (bearer token required)" : ""));
            out.println("Press Ctrl-C to stop.");
            out.flush();
            ShutdownSignal.await(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("Shutting down.");
        out.flush();
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
}
