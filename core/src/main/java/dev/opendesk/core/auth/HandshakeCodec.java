package dev.opendesk.core.auth;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * The five handshake messages (protocol §5.2/§6.1) and their receiver checks. Writing follows the
 * reference's key order ({@code v}, {@code kind}, then the fields as listed). Reading is strict
 * where the reference is (one whole msgpack map, no trailing bytes, str/bin keys only, valid
 * UTF-8, {@code v} the integer 1, the expected {@code kind}, {@code e}/{@code s} bin of exactly 32
 * bytes, {@code ct} bin) and lenient where it is (extra keys are ignored; a repeated key keeps its
 * last value). Any other input fails with {@link AuthFailure} reason {@code protocol} and nothing
 * else; declared lengths are checked against the input before anything is allocated.
 */
final class HandshakeCodec {
    static final int VERSION = 1;
    static final String PAIR_HELLO = "pair_hello";
    static final String PAIR_OFFER = "pair_offer";
    static final String PAIR_FINISH = "pair_finish";
    static final String AUTH_HELLO = "auth_hello";
    static final String AUTH_OFFER = "auth_offer";

    private static final int KEY_LENGTH = 32;
    /** Stands for any value whose content no check looks at (nil, bool, float, array, map, ext). */
    private static final Object OTHER = new Object();

    record PairHello(byte[] e) {}

    record PairOffer(byte[] e, byte[] ct) {}

    record PairFinish(byte[] ct) {}

    record AuthHello(byte[] e, byte[] s) {}

    record AuthOffer(byte[] e, byte[] ct) {}

    private HandshakeCodec() {}

    // ---------------------------------------------------------------- writing

    static byte[] pairHello(byte[] e) {
        return write(PAIR_HELLO, "e", e, null, null);
    }

    static byte[] pairOffer(byte[] e, byte[] ct) {
        return write(PAIR_OFFER, "e", e, "ct", ct);
    }

    static byte[] pairFinish(byte[] ct) {
        return write(PAIR_FINISH, "ct", ct, null, null);
    }

    static byte[] authHello(byte[] e, byte[] s) {
        return write(AUTH_HELLO, "e", e, "s", s);
    }

    static byte[] authOffer(byte[] e, byte[] ct) {
        return write(AUTH_OFFER, "e", e, "ct", ct);
    }

    private static byte[] write(String kind, String key1, byte[] value1, @Nullable String key2, byte @Nullable [] value2) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packMapHeader(key2 == null ? 3 : 4);
            packer.packString("v").packInt(VERSION);
            packer.packString("kind").packString(kind);
            packer.packString(key1).packBinaryHeader(value1.length).writePayload(value1);
            if (key2 != null && value2 != null) {
                packer.packString(key2).packBinaryHeader(value2.length).writePayload(value2);
            }
            return packer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory msgpack write failed", e);
        }
    }

    // ---------------------------------------------------------------- reading

    static PairHello parsePairHello(byte[] data) {
        Map<String, Object> m = decode(data, PAIR_HELLO);
        return new PairHello(bin(m, "e", KEY_LENGTH, PAIR_HELLO));
    }

    static PairOffer parsePairOffer(byte[] data) {
        Map<String, Object> m = decode(data, PAIR_OFFER);
        return new PairOffer(bin(m, "e", KEY_LENGTH, PAIR_OFFER), bin(m, "ct", -1, PAIR_OFFER));
    }

    static PairFinish parsePairFinish(byte[] data) {
        Map<String, Object> m = decode(data, PAIR_FINISH);
        return new PairFinish(bin(m, "ct", -1, PAIR_FINISH));
    }

    static AuthHello parseAuthHello(byte[] data) {
        Map<String, Object> m = decode(data, AUTH_HELLO);
        return new AuthHello(bin(m, "e", KEY_LENGTH, AUTH_HELLO), bin(m, "s", KEY_LENGTH, AUTH_HELLO));
    }

    static AuthOffer parseAuthOffer(byte[] data) {
        Map<String, Object> m = decode(data, AUTH_OFFER);
        return new AuthOffer(bin(m, "e", KEY_LENGTH, AUTH_OFFER), bin(m, "ct", -1, AUTH_OFFER));
    }

    /** Decodes one handshake map and checks {@code v} and {@code kind}. */
    static Map<String, Object> decode(byte[] data, String expectedKind) {
        Map<String, Object> map;
        try {
            map = readMap(data, expectedKind);
        } catch (AuthFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // MessagePackException, insufficient input, size overflow, bad UTF-8: all malformed input.
            throw new AuthFailure(AuthFailure.Reason.PROTOCOL, "malformed " + expectedKind + " msgpack", e);
        }
        Object v = map.get("v");
        if (!(v instanceof Long version) || version != VERSION) {
            throw AuthFailure.protocol("unsupported handshake version " + describe(v));
        }
        Object kind = map.get("kind");
        if (!expectedKind.equals(kind)) {
            throw AuthFailure.protocol("expected " + expectedKind + ", got " + describe(kind));
        }
        return map;
    }

    private static Map<String, Object> readMap(byte[] data, String expectedKind) throws IOException {
        if (data.length == 0) {
            throw AuthFailure.protocol("empty " + expectedKind + " message");
        }
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(data)) {
            if (unpacker.getNextFormat().getValueType() != org.msgpack.value.ValueType.MAP) {
                throw AuthFailure.protocol(expectedKind + " not a map");
            }
            int size = unpacker.unpackMapHeader();
            if (size < 0 || (long) size * 2 > remaining(data, unpacker)) {
                throw AuthFailure.protocol("malformed " + expectedKind + " msgpack: truncated map");
            }
            Map<String, Object> map = new HashMap<>();
            for (int i = 0; i < size; i++) {
                MessageFormat keyFormat = unpacker.getNextFormat();
                switch (keyFormat.getValueType()) {
                    case STRING -> map.put(readString(data, unpacker), readValue(data, unpacker));
                    case BINARY -> {
                        readBinary(data, unpacker); // a bytes key: never one we look up
                        unpacker.skipValue();
                    }
                    default -> throw AuthFailure.protocol("malformed " + expectedKind + " msgpack: "
                            + keyFormat.getValueType().name().toLowerCase(java.util.Locale.ROOT) + " map key");
                }
            }
            if (unpacker.hasNext()) {
                throw AuthFailure.protocol("malformed " + expectedKind + " msgpack: trailing bytes");
            }
            return map;
        }
    }

    private static Object readValue(byte[] data, MessageUnpacker unpacker) throws IOException {
        MessageFormat format = unpacker.getNextFormat();
        switch (format.getValueType()) {
            case STRING:
                return readString(data, unpacker);
            case BINARY:
                return readBinary(data, unpacker);
            case INTEGER:
                if (format == MessageFormat.UINT64) {
                    BigInteger big = unpacker.unpackBigInteger();
                    return big.bitLength() < 64 ? (Object) big.longValue() : big;
                }
                return unpacker.unpackLong();
            case BOOLEAN:
                return unpacker.unpackBoolean();
            case FLOAT:
                return unpacker.unpackDouble();
            default:
                unpacker.skipValue();
                return OTHER;
        }
    }

    private static String readString(byte[] data, MessageUnpacker unpacker) throws IOException {
        int length = unpacker.unpackRawStringHeader();
        byte[] raw = readPayload(data, unpacker, length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AuthFailure(AuthFailure.Reason.PROTOCOL, "malformed msgpack: invalid UTF-8 string", e);
        }
    }

    private static byte[] readBinary(byte[] data, MessageUnpacker unpacker) throws IOException {
        return readPayload(data, unpacker, unpacker.unpackBinaryHeader());
    }

    private static byte[] readPayload(byte[] data, MessageUnpacker unpacker, int length) throws IOException {
        if (length < 0 || length > remaining(data, unpacker)) {
            throw AuthFailure.protocol("malformed msgpack: truncated (declared " + Integer.toUnsignedString(length)
                    + " bytes)");
        }
        return unpacker.readPayload(length);
    }

    private static long remaining(byte[] data, MessageUnpacker unpacker) {
        return data.length - unpacker.getTotalReadBytes();
    }

    private static byte[] bin(Map<String, Object> map, String key, int exactLength, String kind) {
        Object value = map.get(key);
        if (!(value instanceof byte[] bytes)) {
            throw AuthFailure.protocol(kind + " field '" + key + "' " + (value == null ? "missing" : "is not bin"));
        }
        if (exactLength >= 0 && bytes.length != exactLength) {
            throw AuthFailure.protocol(kind + " field '" + key + "' must be " + exactLength + " bytes, got "
                    + bytes.length);
        }
        return bytes;
    }

    private static String describe(@Nullable Object value) {
        if (value == null) {
            return "(missing)";
        }
        if (value instanceof String s) {
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        }
        if (value instanceof byte[] b) {
            return "bin(" + b.length + ")";
        }
        if (value == OTHER) {
            return "(non-scalar)";
        }
        return String.valueOf(value);
    }
}
