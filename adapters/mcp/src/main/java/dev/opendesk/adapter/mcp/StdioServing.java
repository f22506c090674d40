package dev.opendesk.adapter.mcp;

import static java.util.Objects.requireNonNull;

import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerSession;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MCP session over a pair of byte streams (newline-delimited JSON-RPC, the stdio transport),
 * run by the SDK's {@link StdioServerTransportProvider} with our handlers. {@link #run} blocks
 * until the input ends or {@link #stop} is called. When the input ends while calls are still
 * running (a client that writes its requests and closes its end, like {@code printf … | opendesk
 * mcp}), their answers are written before the session closes.
 */
final class StdioServing {
    private static final Logger LOG = LoggerFactory.getLogger(StdioServing.class);
    /** How long answers to calls still running at the end of input may take. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    /** How long no call must be running before the end of input is passed on. */
    private static final long QUIET_MILLIS = 1000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final McpToolProtocol protocol;
    private final CountDownLatch ended = new CountDownLatch(1);

    StdioServing(McpToolProtocol protocol) {
        this.protocol = requireNonNull(protocol, "protocol is null");
    }

    void run(InputStream in, OutputStream out) {
        requireNonNull(in, "in is null");
        requireNonNull(out, "out is null");
        StdioServerTransportProvider provider = new StdioServerTransportProvider(protocol.json(), new DrainingInput(in),
                new KeptOpenOutput(out));
        provider.setSessionFactory(transport -> new McpServerSession(UUID.randomUUID().toString(), REQUEST_TIMEOUT, transport,
                protocol::initialize, protocol.requestHandlers(), protocol.notificationHandlers()));
        LOG.debug("MCP stdio session started");
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                provider.closeGracefully().block(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("closing the stdio transport: {}", e.toString());
            }
            LOG.debug("MCP stdio session ended");
        }
    }

    /** Ends {@link #run} (the adapter was closed). */
    void stop() {
        ended.countDown();
    }

    /**
     * The client's input: at its end, waits for the calls in flight to be answered before it
     * reports the end to the transport (which closes the session on it), then ends {@link #run}.
     */
    private final class DrainingInput extends FilterInputStream {
        DrainingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            return value < 0 ? atEnd() : value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            return count < 0 ? atEnd() : count;
        }

        @Override
        public void close() {
            // the caller owns the stream (it may be the process's stdin)
        }

        private int atEnd() {
            // requests read just before the end may not have reached a handler yet, and answers
            // leave through the transport's outbound queue: wait for a quiet spell, not just for 0
            long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
            long quietSince = System.nanoTime();
            try {
                while (System.nanoTime() < deadline) {
                    if (protocol.inFlight() > 0) {
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                        break;
                    }
                    TimeUnit.MILLISECONDS.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("MCP stdio input ended");
            ended.countDown();
            return -1;
        }
    }

    /** The caller's output, which the transport may flush but not close (it may be the process's stdout). */
    private static final class KeptOpenOutput extends FilterOutputStream {
        KeptOpenOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length); // FilterOutputStream would write byte by byte
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
