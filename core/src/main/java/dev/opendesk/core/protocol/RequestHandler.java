package dev.opendesk.core.protocol;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Serves the requests a {@link Peer} receives. Each request runs on its own thread; a CANCEL
 * interrupts it. Whatever the handler throws becomes the wire error of the call
 * ({@link ErrorMapping}).
 */
public interface RequestHandler {
    /**
     * Answers a unary request.
     *
     * @return the result map, or null for "no result" (every action method)
     */
    @Nullable Map<String, @Nullable Object> handle(String method, Map<String, @Nullable Object> params);

    /**
     * Serves a stream: emit items through {@code sink} until done, then return (clean end) or
     * throw (error end). Must stop promptly once {@link StreamSink#isCancelled()} or when
     * interrupted.
     */
    void handleStream(String method, Map<String, @Nullable Object> params, StreamSink sink);

    /** Where a stream handler sends its items. */
    interface StreamSink {
        /**
         * Sends one item ({@code res} with {@code end=false}).
         *
         * @throws dev.opendesk.core.model.OpendeskException {@code cancelled} once the call was
         *     cancelled or the connection closed
         */
        void emit(Map<String, @Nullable Object> item);

        /** Whether the caller cancelled or the connection closed. */
        boolean isCancelled();
    }
}
