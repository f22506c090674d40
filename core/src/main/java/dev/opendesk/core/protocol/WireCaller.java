package dev.opendesk.core.protocol;

import dev.opendesk.core.computer.EventStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link RemoteComputer} needs from the wire: unary calls, streams and the server's
 * HELLO capabilities. A {@link Peer} is one; a reconnecting session is another.
 */
public interface WireCaller {
    /**
     * Makes a unary call.
     *
     * @return the result map, or null for "no result"
     * @throws dev.opendesk.core.model.OpendeskException the remote error or a transport failure
     */
    @Nullable Map<String, @Nullable Object> call(String method, Map<String, @Nullable Object> params);

    /** Opens a stream; closing it cancels the call. */
    EventStream<Map<String, @Nullable Object>> stream(String method, Map<String, @Nullable Object> params);

    /** The {@code capabilities} map of the server's HELLO. */
    Map<String, @Nullable Object> serverCapabilities();
}
