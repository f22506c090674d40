package dev.opendesk.core.protocol;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Typed, pydantic-like access to the fields of one decoded wire map: unknown keys, missing
 * required keys and wrong types become an {@link OpendeskException} with the configured code.
 * Lax like pydantic where it matters for interop: an int is accepted where a float is expected
 * and an integral float where an int is expected; a bool is never a number.
 */
final class WireFields {
    private static final double TWO_63 = 9.223372036854775808E18;

    private final Map<String, ?> map;
    private final ErrorCode code;
    private final String prefix;
    private final String where;

    private WireFields(Map<String, ?> map, ErrorCode code, String prefix, String where) {
        this.map = map;
        this.code = code;
        this.prefix = prefix;
        this.where = where;
    }

    /**
     * Wraps {@code value}, which must be a map whose keys are all in {@code allowed} (pass null to
     * allow any key).
     *
     * @param prefix put before every message, e.g. {@code "bad frame: "}
     * @param where names the map in messages, e.g. {@code res} or {@code UIElement.children[0]}
     */
    static WireFields of(@Nullable Object value, ErrorCode code, String prefix, String where,
                         @Nullable Set<String> allowed) {
        if (!(value instanceof Map<?, ?> raw)) {
            throw new OpendeskException(code, prefix + where + " must be a map, got " + MsgpackCodec.typeName(value));
        }
        for (Object key : raw.keySet()) {
            if (!(key instanceof String)) {
                throw new OpendeskException(code, prefix + "non-string key in " + where);
            }
            if (allowed != null && !allowed.contains(key)) {
                throw new OpendeskException(code, prefix + "unknown key '" + key + "' in " + where);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> map = (Map<String, ?>) raw;
        return new WireFields(map, code, prefix, where);
    }

    /** The error for a problem found while reading this map. */
    OpendeskException error(String detail) {
        return new OpendeskException(code, prefix + detail);
    }

    /** How a nested value is named in messages. */
    String where(String key) {
        return where + "." + key;
    }

    String where() {
        return where;
    }

    ErrorCode code() {
        return code;
    }

    String prefix() {
        return prefix;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    @Nullable Object raw(String key) {
        return map.get(key);
    }

    /** The value of a required key (may be nil). */
    @Nullable Object required(String key) {
        if (!map.containsKey(key)) {
            throw error("missing '" + key + "' in " + where);
        }
        return map.get(key);
    }

    private OpendeskException wrongType(String key, String expected, @Nullable Object actual) {
        return error("'" + key + "' in " + where + " must be " + expected + ", got " + MsgpackCodec.typeName(actual));
    }

    // ------------------------------------------------------------------ str

    String str(String key) {
        return asStr(key, required(key));
    }

    String str(String key, String defaultValue) {
        return has(key) ? asStr(key, map.get(key)) : defaultValue;
    }

    @Nullable String strOrNull(String key) {
        Object value = map.get(key);
        return value == null ? null : asStr(key, value);
    }

    private String asStr(String key, @Nullable Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(key, "a str", value);
    }

    // ------------------------------------------------------------------ int

    long int64(String key) {
        return asLong(key, required(key));
    }

    long int64(String key, long defaultValue) {
        return has(key) ? asLong(key, map.get(key)) : defaultValue;
    }

    @Nullable Long int64OrNull(String key) {
        Object value = map.get(key);
        return value == null ? null : asLong(key, value);
    }

    int int32(String key) {
        return toInt(key, int64(key));
    }

    int int32(String key, int defaultValue) {
        return has(key) ? toInt(key, asLong(key, map.get(key))) : defaultValue;
    }

    @Nullable Integer int32OrNull(String key) {
        Long value = int64OrNull(key);
        return value == null ? null : toInt(key, value);
    }

    private int toInt(String key, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error("'" + key + "' in " + where + " is out of range: " + value);
        }
        return (int) value;
    }

    private long asLong(String key, @Nullable Object value) {
        Long result = lax(value);
        if (result == null) {
            throw wrongType(key, "an int", value);
        }
        return result;
    }

    /** An int, or an integral float (pydantic lax); null if {@code value} is neither. */
    static @Nullable Long lax(@Nullable Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && d >= -TWO_63 && d < TWO_63) {
                return (long) d;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ float

    double float64(String key) {
        return asDouble(key, required(key));
    }

    double float64(String key, double defaultValue) {
        return has(key) ? asDouble(key, map.get(key)) : defaultValue;
    }

    @Nullable Double float64OrNull(String key) {
        Object value = map.get(key);
        return value == null ? null : asDouble(key, value);
    }

    private double asDouble(String key, @Nullable Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            return ((Number) value).doubleValue();
        }
        throw wrongType(key, "a float", value);
    }

    // ------------------------------------------------------------------ bool

    boolean bool(String key) {
        return asBool(key, required(key));
    }

    boolean bool(String key, boolean defaultValue) {
        return has(key) ? asBool(key, map.get(key)) : defaultValue;
    }

    private boolean asBool(String key, @Nullable Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "a bool", value);
    }

    // ------------------------------------------------------------------ bin

    byte[] bin(String key) {
        Object value = required(key);
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        throw wrongType(key, "bin", value);
    }

    byte @Nullable [] binOrNull(String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        throw wrongType(key, "bin or nil", value);
    }

    // ------------------------------------------------------------------ containers

    List<?> list(String key) {
        return asList(key, required(key));
    }

    /** The list under {@code key}, or an empty list when the key is absent (nil is an error). */
    List<?> listOrEmpty(String key) {
        return has(key) ? asList(key, map.get(key)) : List.of();
    }

    private List<?> asList(String key, @Nullable Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw wrongType(key, "an array", value);
    }

    /** The strings of a list, each checked. */
    List<String> strings(String key, List<?> list) {
        String[] result = new String[list.size()];
        for (int i = 0; i < result.length; i++) {
            Object element = list.get(i);
            if (!(element instanceof String s)) {
                throw error("'" + key + "[" + i + "]' in " + where + " must be a str, got "
                        + MsgpackCodec.typeName(element));
            }
            result[i] = s;
        }
        return List.of(result);
    }

    Map<String, @Nullable Object> map(String key) {
        return asMap(key, required(key));
    }

    /** The map under {@code key}, or an empty map when the key is absent (nil is an error). */
    Map<String, @Nullable Object> mapOrEmpty(String key) {
        return has(key) ? asMap(key, map.get(key)) : Map.of();
    }

    @Nullable Map<String, @Nullable Object> mapOrNull(String key) {
        Object value = map.get(key);
        return value == null ? null : asMap(key, value);
    }

    @SuppressWarnings("unchecked")
    private Map<String, @Nullable Object> asMap(String key, @Nullable Object value) {
        if (value instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!(k instanceof String)) {
                    throw error("'" + key + "' in " + where + " has a non-string key");
                }
            }
            return (Map<String, @Nullable Object>) m;
        }
        throw wrongType(key, "a map", value);
    }
}
