package dev.opendesk.spi;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The object an {@link AdapterProvider} builds: the catalog's tools in one framework's format,
 * and the handling of that framework's tool calls. JSON travels as text so the SPI needs no JSON
 * library.
 *
 * <p>Some adapters are servers as well (MCP): they can be <em>served</em> over a pair of byte
 * streams ({@link #serveStreams}, e.g. a process's stdin/stdout) or over HTTP ({@link #serveHttp}).
 * Adapters that are only a format (OpenAI, LangChain4j) keep the defaults, which refuse with
 * {@code capability_unsupported}.
 */
public interface ToolAdapter extends AutoCloseable {
    /** The tool definitions in this adapter's format, as JSON text. */
    String toolDefinitionsJson();

    /**
     * Handles one tool call written in this adapter's format and returns the reply in that format.
     *
     * @throws dev.opendesk.core.model.OpendeskException {@code invalid_argument} when the call
     *     cannot be parsed
     */
    String handleCallJson(String callJson);

    /**
     * Serves this adapter's protocol over a byte stream pair until {@code in} ends (the peer closed
     * it) or the adapter is closed. Nothing but protocol bytes is written to {@code out}; the
     * caller keeps ownership of both streams. Blocks the calling thread.
     *
     * @throws OpendeskException {@code capability_unsupported} when this adapter is not a server
     */
    default void serveStreams(InputStream in, OutputStream out) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED,
                getClass().getSimpleName() + " cannot be served over streams");
    }

    /**
     * Starts serving this adapter's protocol over HTTP and returns at once; the returned server
     * runs until closed (or until the adapter is closed).
     *
     * @throws OpendeskException {@code capability_unsupported} when this adapter is not a server;
     *     {@code invalid_argument} when the address cannot be bound
     */
    default RunningServer serveHttp(HttpServeOptions options) {
        throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED,
                getClass().getSimpleName() + " cannot be served over HTTP");
    }

    /** Releases whatever the adapter holds, including servers it started. */
    @Override
    default void close() {
    }
}
