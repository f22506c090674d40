package dev.opendesk.core.protocol;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Encodes and decodes the five frames of protocol §7, byte-compatible with the Python reference.
 *
 * <p>Encoding writes every key of the frame, in the order of the §7 table, with {@code v = 1}.
 * Decoding is as strict as the reference's pydantic models ({@code extra="forbid"}): an unknown key
 * at frame level or inside {@code error}, an unknown {@code type}, a missing required key
 * ({@code type}, {@code role}, {@code id}, {@code method}, {@code topic}) or a wrongly typed value
 * is an {@link ErrorCode#PROTOCOL} error; absent keys that have a default in the reference take it
 * ({@code stream=false}, {@code params={}}, {@code seq=0}, {@code end=true}, {@code result=nil},
 * {@code error=nil}, {@code reason=""}, {@code payload={}}, {@code principal=""}, {@code auth={}},
 * {@code capabilities={}}; inside {@code error}: {@code code="internal"}, {@code message=""},
 * {@code details={}}). {@code v} must be an int but is not checked. Like pydantic's lax mode, an
 * integral float is accepted for an int field. Stateless and thread-safe.
 */
public final class FrameCodec {
    private static final String PREFIX = "bad frame: ";
    private static final Set<String> HELLO_KEYS = Set.of("v", "type", "role", "principal", "auth", "capabilities", "error");
    private static final Set<String> REQ_KEYS = Set.of("v", "type", "id", "method", "stream", "params");
    private static final Set<String> RES_KEYS = Set.of("v", "type", "id", "seq", "end", "result", "error");
    private static final Set<String> CANCEL_KEYS = Set.of("v", "type", "id", "reason");
    private static final Set<String> PUSH_KEYS = Set.of("v", "type", "topic", "payload");
    private static final Set<String> ERROR_KEYS = Set.of("code", "message", "details");

    private FrameCodec() {}

    /**
     * The msgpack bytes of a frame.
     *
     * @throws OpendeskException {@code protocol} if a payload map holds a value msgpack cannot carry
     */
    public static byte[] encode(Frame frame) {
        return MsgpackCodec.encode(toWire(frame));
    }

    /**
     * Parses one frame.
     *
     * @throws OpendeskException {@code protocol} for malformed msgpack or a frame the reference would reject
     */
    public static Frame decode(byte[] data) {
        return fromWire(MsgpackCodec.decode(data));
    }

    /** The wire map of a frame: every key, in §7 order, {@code v} first. */
    public static Map<String, @Nullable Object> toWire(Frame frame) {
        requireNonNull(frame, "frame is null");
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("v", Frame.VERSION);
        if (frame instanceof Frame.Hello hello) {
            map.put("type", "hello");
            map.put("role", hello.role());
            map.put("principal", hello.principal());
            map.put("auth", hello.auth());
            map.put("capabilities", hello.capabilities());
            map.put("error", errorToWire(hello.error()));
        } else if (frame instanceof Frame.Request request) {
            map.put("type", "req");
            map.put("id", request.id());
            map.put("method", request.method());
            map.put("stream", request.stream());
            map.put("params", request.params());
        } else if (frame instanceof Frame.Response response) {
            map.put("type", "res");
            map.put("id", response.id());
            map.put("seq", response.seq());
            map.put("end", response.end());
            map.put("result", response.result());
            map.put("error", errorToWire(response.error()));
        } else if (frame instanceof Frame.Cancel cancel) {
            map.put("type", "cancel");
            map.put("id", cancel.id());
            map.put("reason", cancel.reason());
        } else if (frame instanceof Frame.Push push) {
            map.put("type", "push");
            map.put("topic", push.topic());
            map.put("payload", push.payload());
        } else {
            throw new IllegalArgumentException("unknown frame " + frame.getClass().getName());
        }
        return map;
    }

    /** The wire map of an {@code ErrorInfo}: {@code code, message, details}, or nil. */
    public static @Nullable Map<String, @Nullable Object> errorToWire(@Nullable ErrorInfo error) {
        if (error == null) {
            return null;
        }
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("code", error.code());
        map.put("message", error.message());
        map.put("details", error.details());
        return map;
    }

    /**
     * Validates a decoded frame map as the reference does and builds the frame.
     *
     * @throws OpendeskException {@code protocol} when the map is not a valid frame
     */
    public static Frame fromWire(@Nullable Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw MsgpackCodec.protocol(PREFIX + "frame must be a map, got " + MsgpackCodec.typeName(value));
        }
        Object type = map.get("type");
        if (!(type instanceof String typeName)) {
            throw MsgpackCodec.protocol(PREFIX + "missing or invalid 'type' field (" + MsgpackCodec.typeName(type) + ")");
        }
        switch (typeName) {
            case "hello": {
                WireFields f = fields(map, "hello", HELLO_KEYS);
                String role = f.str("role");
                if (!role.equals("client") && !role.equals("server")) {
                    throw f.error("'role' in hello must be 'client' or 'server', got '" + role + "'");
                }
                return new Frame.Hello(role, f.str("principal", ""), f.mapOrEmpty("auth"),
                        f.mapOrEmpty("capabilities"), errorFromWire(f, "error"));
            }
            case "req": {
                WireFields f = fields(map, "req", REQ_KEYS);
                return new Frame.Request(f.int64("id"), f.str("method"), f.bool("stream", false),
                        f.mapOrEmpty("params"));
            }
            case "res": {
                WireFields f = fields(map, "res", RES_KEYS);
                return new Frame.Response(f.int64("id"), f.int64("seq", 0), f.bool("end", true),
                        f.mapOrNull("result"), errorFromWire(f, "error"));
            }
            case "cancel": {
                WireFields f = fields(map, "cancel", CANCEL_KEYS);
                return new Frame.Cancel(f.int64("id"), f.str("reason", ""));
            }
            case "push": {
                WireFields f = fields(map, "push", PUSH_KEYS);
                return new Frame.Push(f.str("topic"), f.mapOrEmpty("payload"));
            }
            default:
                throw MsgpackCodec.protocol(PREFIX + "unknown frame type '" + typeName + "'");
        }
    }

    private static WireFields fields(Map<?, ?> map, String type, Set<String> keys) {
        WireFields f = WireFields.of(map, ErrorCode.PROTOCOL, PREFIX, type, keys);
        if (f.has("v")) {
            f.int64("v"); // parsed as an int, never checked
        }
        return f;
    }

    private static @Nullable ErrorInfo errorFromWire(WireFields frame, String key) {
        Map<String, @Nullable Object> map = frame.mapOrNull(key);
        if (map == null) {
            return null;
        }
        WireFields f = WireFields.of(map, ErrorCode.PROTOCOL, PREFIX, frame.where(key), ERROR_KEYS);
        return new ErrorInfo(f.str("code", ErrorCode.INTERNAL.wire()), f.str("message", ""), f.mapOrEmpty("details"));
    }
}
