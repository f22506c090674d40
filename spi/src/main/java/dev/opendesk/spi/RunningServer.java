package dev.opendesk.spi;

import java.net.URI;

/** A server an adapter started (see {@link ToolAdapter#serveHttp}); closing it stops the server. */
public interface RunningServer extends AutoCloseable {
    /** The address clients use, with the port actually bound, e.g. {@code http://127.0.0.1:8425/mcp}. */
    URI endpoint();

    /** Stops serving and releases the port. Idempotent. */
    @Override
    void close();
}
