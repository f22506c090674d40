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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
    private static final VarHandle BIG_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private MsgpackCodec() {}

    /**
     * Encodes one value.
     *
     * @throws OpendeskException {@code protocol} for a value (or nested value) of an unsupported
     *     type, a non-string map key, or nesting deeper than {@value #MAX_DEPTH}
     */
    public static byte[] encode(@Nullable Object value) {
        Writer writer = new Writer();
        writer.write(value, 0, null);
        return writer.toByteArray();
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

    /**
     * Writes msgpack into one growing array, the bytes msgpack-java's packer (and Python's
     * {@code packb}) produce for the same values, without the packer's 8 KiB buffer per message.
     */
    private static final class Writer {
        private byte[] buffer = new byte[256];
        private int size;

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        void write(@Nullable Object value, int depth, @Nullable Path path) {
            if (value == null) {
                put(0xc0);
            } else if (value instanceof String s) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8); // an unpaired surrogate becomes '?'
                header(bytes.length, 0xa0, 32, 0xd9, 0xda, 0xdb);
                put(bytes);
            } else if (value instanceof byte[] bytes) {
                header(bytes.length, -1, 0, 0xc4, 0xc5, 0xc6);
                put(bytes);
            } else if (value instanceof Boolean b) {
                put(b ? 0xc3 : 0xc2);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                integer(((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                ensure(9);
                buffer[size++] = (byte) 0xcb;
                BIG_LONG.set(buffer, size, Double.doubleToRawLongBits(((Number) value).doubleValue()));
                size += 8;
            } else if (value instanceof BigInteger big) {
                if (big.compareTo(INT64_MIN) < 0 || big.compareTo(UINT64_MAX) > 0) {
                    throw protocol("cannot encode integer " + big + " at " + Path.render(path) + ": outside int64/uint64");
                }
                if (big.bitLength() <= 63) {
                    integer(big.longValue());
                } else {
                    ensure(9);
                    buffer[size++] = (byte) 0xcf;
                    BIG_LONG.set(buffer, size, big.longValue());
                    size += 8;
                }
            } else if (value instanceof Map<?, ?> map) {
                checkDepth(depth + 1, path);
                header(map.size(), 0x80, 16, -1, 0xde, 0xdf);
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw protocol("cannot encode map key of type " + typeName(entry.getKey()) + " at " + Path.render(path)
                                + ": keys must be strings");
                    }
                    write(key, depth + 1, path);
                    write(entry.getValue(), depth + 1, new Path(path, key, -1));
                }
            } else if (value instanceof Collection<?> collection) {
                checkDepth(depth + 1, path);
                header(collection.size(), 0x90, 16, -1, 0xdc, 0xdd);
                int index = 0;
                for (Object element : collection) {
                    write(element, depth + 1, new Path(path, null, index++));
                }
            } else if (value instanceof Object[] array) {
                checkDepth(depth + 1, path);
                header(array.length, 0x90, 16, -1, 0xdc, 0xdd);
                for (int i = 0; i < array.length; i++) {
                    write(array[i], depth + 1, new Path(path, null, i));
                }
            } else {
                throw protocol("cannot encode value of type " + value.getClass().getName() + " at " + Path.render(path));
            }
        }

        /** The most compact int, as msgpack-java's {@code packLong}: unsigned formats for positives. */
        private void integer(long v) {
            ensure(9);
            if (v >= -32 && v < 128) {
                buffer[size++] = (byte) v; // positive or negative fixint
            } else if (v >= 0) {
                if (v < 1L << 8) {
                    buffer[size++] = (byte) 0xcc;
                    buffer[size++] = (byte) v;
                } else if (v < 1L << 16) {
                    buffer[size++] = (byte) 0xcd;
                    BIG_SHORT.set(buffer, size, (short) v);
                    size += 2;
                } else if (v < 1L << 32) {
                    buffer[size++] = (byte) 0xce;
                    BIG_INT.set(buffer, size, (int) v);
                    size += 4;
                } else {
                    buffer[size++] = (byte) 0xcf;
                    BIG_LONG.set(buffer, size, v);
                    size += 8;
                }
            } else if (v >= -(1L << 7)) {
                buffer[size++] = (byte) 0xd0;
                buffer[size++] = (byte) v;
            } else if (v >= -(1L << 15)) {
                buffer[size++] = (byte) 0xd1;
                BIG_SHORT.set(buffer, size, (short) v);
                size += 2;
            } else if (v >= -(1L << 31)) {
                buffer[size++] = (byte) 0xd2;
                BIG_INT.set(buffer, size, (int) v);
                size += 4;
            } else {
                buffer[size++] = (byte) 0xd3;
                BIG_LONG.set(buffer, size, v);
                size += 8;
            }
        }

        /**
         * A length header: {@code fix | n} below {@code fixLimit} (when {@code fix >= 0}), else the
         * 8-bit form (when {@code code8 >= 0}) below 256, the 16-bit one below 65536, the 32-bit one.
         */
        private void header(int n, int fix, int fixLimit, int code8, int code16, int code32) {
            ensure(5);
            if (fix >= 0 && n < fixLimit) {
                buffer[size++] = (byte) (fix | n);
            } else if (code8 >= 0 && n < 1 << 8) {
                buffer[size++] = (byte) code8;
                buffer[size++] = (byte) n;
            } else if (n < 1 << 16) {
                buffer[size++] = (byte) code16;
                BIG_SHORT.set(buffer, size, (short) n);
                size += 2;
            } else {
                buffer[size++] = (byte) code32;
                BIG_INT.set(buffer, size, n);
                size += 4;
            }
        }

        private void put(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        private void put(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        private void ensure(int more) {
            if (buffer.length - size < more) {
                long wanted = Math.max((long) size + more, 2L * buffer.length);
                if (wanted > Integer.MAX_VALUE - 8) {
                    wanted = (long) size + more;
                    if (wanted > Integer.MAX_VALUE - 8) {
                        throw protocol("cannot encode: message larger than 2 GiB");
                    }
                }
                buffer = Arrays.copyOf(buffer, (int) wanted);
            }
        }
    }

    /** Where a value sits ({@code $.params.x[2]}), rendered only for an error message. */
    private record Path(@Nullable Path parent, @Nullable String key, int index) {
        static String render(@Nullable Path path) {
            if (path == null) {
                return "$";
            }
            return render(path.parent) + (path.key != null ? "." + path.key : "[" + path.index + "]");
        }
    }

    private static void checkDepth(int depth, @Nullable Path path) {
        if (depth > MAX_DEPTH) {
            throw protocol("cannot encode " + Path.render(path) + ": nesting deeper than " + MAX_DEPTH + " levels");
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
        String fast = new String(bytes, StandardCharsets.UTF_8); // malformed input would show as U+FFFD
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
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
