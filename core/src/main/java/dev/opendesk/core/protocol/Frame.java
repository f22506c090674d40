package dev.opendesk.core.protocol;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The five post-handshake frame types of protocol §7. Each is one msgpack map whose keys, in
 * order, are exactly those listed in the record's Javadoc; {@code v} is always written as 1 and
 * never checked on receipt. Map-typed payloads keep insertion order; their values follow the
 * package's value mapping (nil = {@code null}).
 */
public sealed interface Frame permits Frame.Hello, Frame.Request, Frame.Response, Frame.Cancel, Frame.Push {
    /** The frame {@code v} written on every frame. */
    long VERSION = 1;

    /** Copies a wire map, keeping order and allowing nil values. */
    static Map<String, @Nullable Object> copy(Map<String, ? extends @Nullable Object> map, String name) {
        requireNonNull(map, name + " is null");
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * {@code hello}: keys {@code v, type, role, principal, auth, capabilities, error}.
     *
     * @param role {@code "client"} or {@code "server"}
     * @param principal reserved, {@code ""}
     * @param auth reserved, {@code {}}
     * @param capabilities the server's CapabilityManifest map; {@code {}} from a client
     * @param error a rejection (only {@code busy} today), or null
     */
    record Hello(String role, String principal, Map<String, @Nullable Object> auth,
                 Map<String, @Nullable Object> capabilities, @Nullable ErrorInfo error) implements Frame {
        public Hello {
            requireNonNull(role, "role is null");
            requireNonNull(principal, "principal is null");
            auth = copy(auth, "auth");
            capabilities = copy(capabilities, "capabilities");
        }

        /** The HELLO a client sends: role client, everything else empty. */
        public static Hello client() {
            return new Hello("client", "", Map.of(), Map.of(), null);
        }

        /** A server HELLO carrying its manifest. */
        public static Hello server(Map<String, @Nullable Object> capabilities) {
            return new Hello("server", "", Map.of(), capabilities, null);
        }

        /** A server HELLO that refuses the session. */
        public static Hello rejection(ErrorInfo error) {
            return new Hello("server", "", Map.of(), Map.of(), requireNonNull(error, "error is null"));
        }

        /** The rejection, if any. */
        public Optional<ErrorInfo> rejection() {
            return Optional.ofNullable(error);
        }
    }

    /**
     * {@code req}: keys {@code v, type, id, method, stream, params}.
     *
     * @param id the caller's call id (from 1, never reused on a connection)
     * @param method {@code <ns>.<verb>}
     * @param stream whether a stream of results is asked for
     * @param params the parameters map
     */
    record Request(long id, String method, boolean stream, Map<String, @Nullable Object> params) implements Frame {
        public Request {
            requireNonNull(method, "method is null");
            params = copy(params, "params");
        }
    }

    /**
     * {@code res}: keys {@code v, type, id, seq, end, result, error}.
     *
     * @param id the call answered
     * @param seq 0 for unary; item index for stream items; items sent for a stream's final frame
     * @param end whether this is the last frame of the call
     * @param result the result map, or null (no result / error)
     * @param error the failure, or null
     */
    record Response(long id, long seq, boolean end, @Nullable Map<String, @Nullable Object> result,
                    @Nullable ErrorInfo error) implements Frame {
        public Response {
            result = result == null ? null : copy(result, "result");
        }

        /** The single frame that answers a unary call successfully ({@code result} may be null). */
        public static Response success(long id, @Nullable Map<String, @Nullable Object> result) {
            return new Response(id, 0, true, result, null);
        }

        /** The final frame of a failed call (for a stream, {@code seq} = items sent so far). */
        public static Response failure(long id, long seq, ErrorInfo error) {
            return new Response(id, seq, true, null, requireNonNull(error, "error is null"));
        }

        /** The result, if any. */
        public Optional<Map<String, @Nullable Object>> resultMap() {
            return Optional.ofNullable(result);
        }

        /** The error, if any. */
        public Optional<ErrorInfo> failure() {
            return Optional.ofNullable(error);
        }
    }

    /**
     * {@code cancel}: keys {@code v, type, id, reason}.
     *
     * @param id the call to abort
     * @param reason why; the reference sends {@code "caller cancelled"}
     */
    record Cancel(long id, String reason) implements Frame {
        /** The reason the reference sends. */
        public static final String CALLER_CANCELLED = "caller cancelled";

        public Cancel {
            requireNonNull(reason, "reason is null");
        }
    }

    /**
     * {@code push}: keys {@code v, type, topic, payload}.
     *
     * @param topic e.g. {@code session.evicted}
     * @param payload the payload map
     */
    record Push(String topic, Map<String, @Nullable Object> payload) implements Frame {
        /** The topic that tells a controller it was evicted. */
        public static final String SESSION_EVICTED = "session.evicted";

        public Push {
            requireNonNull(topic, "topic is null");
            payload = copy(payload, "payload");
        }
    }
}
