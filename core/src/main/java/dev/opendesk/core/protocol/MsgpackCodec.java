package dev.opendesk.core.protocol;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * The msgpack codec of protocol §2, byte-compatible with Python's
 * {@code msgpack.packb(obj, use_bin_type=True)} / {@code msgpack.unpackb(data, raw=False)}.
 * Values follow the mapping of this package (see {@code package-info}). Stateless and thread-safe.
 *
 * <p>Encoding: {@link String} → str (fixstr/str8/str16/str32, UTF-8; an unpaired surrogate is
 * written as {@code ?}), {@code byte[]} → bin, {@link Long}/{@link Integer}/{@link Short}/{@link
 * Byte} (and {@link BigInteger} within int64/uint64) → the most compact int, {@link Double}/{@link
 * Float} → float64 always, {@link Boolean} → bool, {@link Collection}/{@code Object[]} → array,
 * {@link Map} with {@link String} keys → map in iteration order, {@code null} → nil. Anything else
 * (enums included: callers convert them) is an {@link ErrorCode#PROTOCOL} error.
 *
 * <p>Decoding: exactly one value, no trailing bytes; str → {@link String} (invalid UTF-8 rejected),
 * bin → {@code byte[]}, any int → {@link Long}, float32/float64 → {@link Double}, array → {@link
 * List}, map → {@link LinkedHashMap} with str keys only, nil → {@code null}. Ext types, non-str map
 * keys, uint64 values above {@link Long#MAX_VALUE}, nesting deeper than {@value #MAX_DEPTH}, and
 * declared lengths that exceed the remaining input are rejected before anything of that size is
 * allocated. Every failure is an {@link OpendeskException} with code {@link ErrorCode#PROTOCOL}.
 */
public final class MsgpackCodec {
    /** The deepest nesting of arrays and maps accepted (and written); the top-level value is depth 1. */
    public static final int MAX_DEPTH = 256;

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private MsgpackCodec() {}

    /**
     * Encodes one value.
     *
     * @throws OpendeskException {@code protocol} for a value (or nested value) of an unsupported
     *     type, a non-string map key, or nesting deeper than {@value #MAX_DEPTH}
     */
    public static byte[] encode(@Nullable Object value) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            write(packer, value, 0, "$");
            return packer.toByteArray();
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.PROTOCOL, "msgpack encoding failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes exactly one value (a top-level nil decodes to {@code null}).
     *
     * @throws OpendeskException {@code protocol} for anything that is not one well-formed value
     */
    public static @Nullable Object decode(byte[] data) {
        requireNonNull(data, "data is null");
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(data)) {
            Reader reader = new Reader(unpacker, data.length);
            Object value = reader.read(1);
            if (unpacker.hasNext()) {
                throw protocol("trailing bytes after the msgpack value (" + reader.remaining() + " bytes)");
            }
            return value;
        } catch (MessagePackException | IOException e) {
            throw protocol("malformed msgpack: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes exactly one value that must be a map (a frame, a handshake or admin message).
     *
     * @throws OpendeskException {@code protocol} if the input is malformed or not a map
     */
    @SuppressWarnings("unchecked")
    public static Map<String, @Nullable Object> decodeMap(byte[] data) {
        Object value = decode(data);
        if (!(value instanceof Map)) {
            throw protocol("expected a msgpack map, got " + typeName(value));
        }
        return (Map<String, @Nullable Object>) value;
    }

    /** The msgpack-ish name of a decoded value's type ({@code str}, {@code bin}, {@code int}, ...), for messages. */
    public static String typeName(@Nullable Object value) {
        if (value == null) {
            return "nil";
        } else if (value instanceof String) {
            return "str";
        } else if (value instanceof byte[]) {
            return "bin";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            return "int";
        } else if (value instanceof Double || value instanceof Float) {
            return "float";
        } else if (value instanceof List || value instanceof Collection || value instanceof Object[]) {
            return "array";
        } else if (value instanceof Map) {
            return "map";
        }
        return value.getClass().getSimpleName();
    }

    // ------------------------------------------------------------------ encoding

    private static void write(MessageBufferPacker packer, @Nullable Object value, int depth, String path)
            throws IOException {
        if (value == null) {
            packer.packNil();
        } else if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            packer.packRawStringHeader(bytes.length);
            packer.writePayload(bytes);
        } else if (value instanceof byte[] bytes) {
            packer.packBinaryHeader(bytes.length);
            packer.writePayload(bytes);
        } else if (value instanceof Boolean b) {
            packer.packBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            packer.packLong(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            packer.packDouble(((Number) value).doubleValue());
        } else if (value instanceof BigInteger big) {
            if (big.compareTo(INT64_MIN) < 0 || big.compareTo(UINT64_MAX) > 0) {
                throw protocol("cannot encode integer " + big + " at " + path + ": outside int64/uint64");
            }
            packer.packBigInteger(big);
        } else if (value instanceof Map<?, ?> map) {
            checkDepth(depth + 1, path);
            packer.packMapHeader(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw protocol("cannot encode map key of type " + typeName(entry.getKey()) + " at " + path
                            + ": keys must be strings");
                }
                byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
                packer.packRawStringHeader(keyBytes.length);
                packer.writePayload(keyBytes);
                write(packer, entry.getValue(), depth + 1, path + "." + key);
            }
        } else if (value instanceof Collection<?> collection) {
            checkDepth(depth + 1, path);
            packer.packArrayHeader(collection.size());
            int index = 0;
            for (Object element : collection) {
                write(packer, element, depth + 1, path + "[" + index++ + "]");
            }
        } else if (value instanceof Object[] array) {
            checkDepth(depth + 1, path);
            packer.packArrayHeader(array.length);
            for (int i = 0; i < array.length; i++) {
                write(packer, array[i], depth + 1, path + "[" + i + "]");
            }
        } else {
            throw protocol("cannot encode value of type " + value.getClass().getName() + " at " + path);
        }
    }

    private static void checkDepth(int depth, String path) {
        if (depth > MAX_DEPTH) {
            throw protocol("cannot encode " + path + ": nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    // ------------------------------------------------------------------ decoding

    /** One decoding pass over a byte array; knows how many input bytes are left. */
    private static final class Reader {
        private final MessageUnpacker unpacker;
        private final long length;

        Reader(MessageUnpacker unpacker, long length) {
            this.unpacker = unpacker;
            this.length = length;
        }

        long remaining() {
            return length - unpacker.getTotalReadBytes();
        }

        @Nullable Object read(int depth) throws IOException {
            if (!unpacker.hasNext()) {
                throw protocol("truncated msgpack: value expected at offset " + unpacker.getTotalReadBytes());
            }
            MessageFormat format = unpacker.getNextFormat();
            if (format == MessageFormat.NEVER_USED || format.getValueType() == null) {
                throw protocol("invalid msgpack type byte at offset " + unpacker.getTotalReadBytes());
            }
            switch (format.getValueType()) {
                case NIL:
                    unpacker.unpackNil();
                    return null;
                case BOOLEAN:
                    return unpacker.unpackBoolean();
                case INTEGER:
                    if (format == MessageFormat.UINT64) {
                        BigInteger big = unpacker.unpackBigInteger();
                        if (big.bitLength() > 63) {
                            throw protocol("integer " + big + " does not fit in a signed 64-bit long");
                        }
                        return big.longValue();
                    }
                    return unpacker.unpackLong();
                case FLOAT:
                    return unpacker.unpackDouble();
                case STRING: {
                    int size = unpacker.unpackRawStringHeader();
                    checkPayload(size, 1, "str");
                    return utf8(unpacker.readPayload(size));
                }
                case BINARY: {
                    int size = unpacker.unpackBinaryHeader();
                    checkPayload(size, 1, "bin");
                    return unpacker.readPayload(size);
                }
                case ARRAY: {
                    checkNesting(depth);
                    int size = unpacker.unpackArrayHeader();
                    checkPayload(size, 1, "array");
                    List<@Nullable Object> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(read(depth + 1));
                    }
                    return list;
                }
                case MAP: {
                    checkNesting(depth);
                    int size = unpacker.unpackMapHeader();
                    checkPayload(size, 2, "map");
                    Map<String, @Nullable Object> map = new LinkedHashMap<>(Math.max(16, size * 4 / 3 + 1));
                    for (int i = 0; i < size; i++) {
                        if (!unpacker.hasNext()) {
                            throw protocol("truncated msgpack: map key expected");
                        }
                        MessageFormat keyFormat = unpacker.getNextFormat();
                        @Nullable ValueType keyType = keyFormat == MessageFormat.NEVER_USED ? null : keyFormat.getValueType();
                        if (keyType != ValueType.STRING) {
                            throw protocol("map keys must be str, got "
                                    + (keyType == null ? "an invalid type byte" : keyType.name().toLowerCase(Locale.ROOT)));
                        }
                        String key = (String) read(depth + 1);
                        map.put(key, read(depth + 1));
                    }
                    return map;
                }
                case EXTENSION:
                    throw protocol("msgpack ext types are not supported");
                default:
                    throw protocol("unsupported msgpack format " + format);
            }
        }

        private void checkNesting(int depth) {
            if (depth > MAX_DEPTH) {
                throw protocol("msgpack nesting deeper than " + MAX_DEPTH + " levels");
            }
        }

        /** Fails unless {@code count} items of at least {@code minBytes} each can still follow. */
        private void checkPayload(int count, int minBytes, String what) {
            if (count < 0 || (long) count * minBytes > remaining()) {
                throw protocol("truncated msgpack: " + what + " of declared length " + Integer.toUnsignedString(count)
                        + " but only " + remaining() + " bytes left");
            }
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw protocol("invalid UTF-8 in msgpack str", e);
        }
    }

    static OpendeskException protocol(String message) {
        return new OpendeskException(ErrorCode.PROTOCOL, message);
    }

    static OpendeskException protocol(String message, Throwable cause) {
        return new OpendeskException(ErrorCode.PROTOCOL, message, cause);
    }
}
