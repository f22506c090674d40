package dev.opendesk.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.PixmapFormat;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

final class MsgpackCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    static void assertProtocol(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(OpendeskException.class)
                .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.PROTOCOL));
    }

    @Test
    void scalarVectorsOfTheSpec() {
        assertThat(hex(MsgpackCodec.encode(1.0))).isEqualTo("cb3ff0000000000000");
        assertThat(hex(MsgpackCodec.encode(300L))).isEqualTo("cd012c");
        assertThat(hex(MsgpackCodec.encode(-1L))).isEqualTo("ff");
        String forty = "x".repeat(40);
        assertThat(hex(MsgpackCodec.encode(forty))).startsWith("d928").hasSize(2 * (2 + 40));

        assertThat(MsgpackCodec.decode(unhex("cb3ff0000000000000"))).isEqualTo(1.0);
        assertThat(MsgpackCodec.decode(unhex("cd012c"))).isEqualTo(300L);
        assertThat(MsgpackCodec.decode(unhex("ff"))).isEqualTo(-1L);
        assertThat(MsgpackCodec.decode(MsgpackCodec.encode(forty))).isEqualTo(forty);
    }

    @Test
    void floatsAreAlwaysFloat64() {
        assertThat(hex(MsgpackCodec.encode(1.0f))).isEqualTo("cb3ff0000000000000");
        assertThat(hex(MsgpackCodec.encode(50.0))).isEqualTo("cb4049000000000000");
        assertThat(MsgpackCodec.decode(unhex("ca3f800000"))).isEqualTo(1.0); // float32 input → Double
    }

    @Test
    void integersUseTheMostCompactEncoding() {
        Map<Long, String> cases = new LinkedHashMap<>();
        cases.put(0L, "00");
        cases.put(127L, "7f");
        cases.put(128L, "cc80");
        cases.put(255L, "ccff");
        cases.put(256L, "cd0100");
        cases.put(65535L, "cdffff");
        cases.put(65536L, "ce00010000");
        cases.put(4294967295L, "ceffffffff");
        cases.put(4294967296L, "cf0000000100000000");
        cases.put(Long.MAX_VALUE, "cf7fffffffffffffff");
        cases.put(-32L, "e0");
        cases.put(-33L, "d0df");
        cases.put(-128L, "d080");
        cases.put(-129L, "d1ff7f");
        cases.put(-32768L, "d18000");
        cases.put(-32769L, "d2ffff7fff");
        cases.put(-2147483648L, "d280000000");
        cases.put(-2147483649L, "d3ffffffff7fffffff");
        cases.put(Long.MIN_VALUE, "d38000000000000000");
        cases.forEach((value, expected) -> {
            assertThat(hex(MsgpackCodec.encode(value))).as("encode %d", value).isEqualTo(expected);
            assertThat(MsgpackCodec.decode(unhex(expected))).as("decode %s", expected).isEqualTo(value);
        });
        assertThat(hex(MsgpackCodec.encode(5))).isEqualTo("05");
        assertThat(hex(MsgpackCodec.encode((short) -200))).isEqualTo("d1ff38");
        assertThat(hex(MsgpackCodec.encode((byte) 1))).isEqualTo("01");
        assertThat(hex(MsgpackCodec.encode(BigInteger.valueOf(300)))).isEqualTo("cd012c");
        assertThat(hex(MsgpackCodec.encode(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))))
                .isEqualTo("cfffffffffffffffff");
        assertProtocol(() -> MsgpackCodec.encode(BigInteger.ONE.shiftLeft(64)));
        // every int format decodes to Long, including non-compact ones
        assertThat(MsgpackCodec.decode(unhex("d000"))).isEqualTo(0L);
        assertThat(MsgpackCodec.decode(unhex("cf0000000000000001"))).isEqualTo(1L);
        assertThat(MsgpackCodec.decode(unhex("cc05"))).isInstanceOf(Long.class);
    }

    @Test
    void uint64AboveLongMaxIsRejected() {
        assertProtocol(() -> MsgpackCodec.decode(unhex("cf8000000000000000")));
        assertProtocol(() -> MsgpackCodec.decode(unhex("cfffffffffffffffff")));
    }

    @Test
    void stringHeaders() {
        assertThat(hex(MsgpackCodec.encode(""))).isEqualTo("a0");
        assertThat(hex(MsgpackCodec.encode("x".repeat(31)))).startsWith("bf");
        assertThat(hex(MsgpackCodec.encode("x".repeat(32)))).startsWith("d920");
        assertThat(hex(MsgpackCodec.encode("x".repeat(255)))).startsWith("d9ff");
        assertThat(hex(MsgpackCodec.encode("x".repeat(256)))).startsWith("da0100");
        assertThat(hex(MsgpackCodec.encode("x".repeat(65535)))).startsWith("daffff");
        assertThat(hex(MsgpackCodec.encode("x".repeat(65536)))).startsWith("db00010000");
        // length counts UTF-8 bytes, not chars: 20 × "é" = 40 bytes
        assertThat(hex(MsgpackCodec.encode("é".repeat(20)))).startsWith("d928");
        // 600 chars of a 3-byte character in the large-string path
        String big = "€".repeat(600);
        assertThat(hex(MsgpackCodec.encode(big))).startsWith("da0708");
        assertThat(MsgpackCodec.decode(MsgpackCodec.encode(big))).isEqualTo(big);
        String emoji = "a\uD83D\uDE00b";
        assertThat(MsgpackCodec.decode(MsgpackCodec.encode(emoji))).isEqualTo(emoji);
    }

    @Test
    void binaryHeaders() {
        assertThat(hex(MsgpackCodec.encode(new byte[0]))).isEqualTo("c400");
        assertThat(hex(MsgpackCodec.encode(new byte[] {1, 2}))).isEqualTo("c4020102");
        assertThat(hex(MsgpackCodec.encode(new byte[256]))).startsWith("c50100");
        assertThat(hex(MsgpackCodec.encode(new byte[65536]))).startsWith("c600010000");
        assertThat((byte[]) MsgpackCodec.decode(unhex("c4020102"))).containsExactly(1, 2);
        // str and bin stay distinct
        assertThat(MsgpackCodec.decode(unhex("a26869"))).isEqualTo("hi");
        assertThat(MsgpackCodec.decode(unhex("c4026869"))).isInstanceOf(byte[].class);
    }

    @Test
    void nilBoolsListsAndMaps() {
        assertThat(hex(MsgpackCodec.encode(null))).isEqualTo("c0");
        assertThat(hex(MsgpackCodec.encode(true))).isEqualTo("c3");
        assertThat(hex(MsgpackCodec.encode(false))).isEqualTo("c2");
        assertThat(MsgpackCodec.decode(unhex("c0"))).isNull();
        assertThat(MsgpackCodec.decode(unhex("c3"))).isEqualTo(true);
        assertThat(hex(MsgpackCodec.encode(List.of(1L, "a")))).isEqualTo("9201a161");
        assertThat(hex(MsgpackCodec.encode(new Object[] {1L, null}))).isEqualTo("9201c0");
        assertThat(hex(MsgpackCodec.encode(new LinkedHashSet<>(List.of("b", "a"))))).isEqualTo("92a162a161");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1L);
        map.put("a", Arrays.asList(null, 2.5));
        byte[] encoded = MsgpackCodec.encode(map);
        assertThat(hex(encoded)).isEqualTo("82a17a01a16192c0cb4004000000000000");
        Map<String, Object> decoded = MsgpackCodec.decodeMap(encoded);
        assertThat(decoded).isInstanceOf(LinkedHashMap.class);
        assertThat(decoded.keySet()).containsExactly("z", "a");
        assertThat(decoded.get("a")).isEqualTo(Arrays.asList(null, 2.5));
    }

    @Test
    void nonStringKeysAndUnsupportedTypesCannotBeEncoded() {
        Map<Object, Object> intKey = new LinkedHashMap<>();
        intKey.put(1, "x");
        assertProtocol(() -> MsgpackCodec.encode(intKey));
        assertProtocol(() -> MsgpackCodec.encode(PixmapFormat.PNG));
        assertProtocol(() -> MsgpackCodec.encode(new Object()));
        assertProtocol(() -> MsgpackCodec.encode(List.of(Map.of("k", new StringBuilder()))));
        assertProtocol(() -> MsgpackCodec.encode('c'));
    }

    @Test
    void cyclicStructuresFailInsteadOfOverflowingTheStack() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertProtocol(() -> MsgpackCodec.encode(cycle));
    }

    @Test
    void duplicateKeysKeepFirstPositionAndLastValue() {
        // {"a":1, "b":2, "a":3} → {"a":3, "b":2}, as a Python dict would
        Map<String, Object> decoded = MsgpackCodec.decodeMap(unhex("83a16101a16202a16103"));
        assertThat(decoded.keySet()).containsExactly("a", "b");
        assertThat(decoded).containsEntry("a", 3L);
    }

    @Test
    void malformedInputIsAProtocolError() {
        assertProtocol(() -> MsgpackCodec.decode(new byte[0]));
        assertProtocol(() -> MsgpackCodec.decode(unhex("c1"))); // never used
        assertProtocol(() -> MsgpackCodec.decode(unhex("0101"))); // trailing bytes
        assertProtocol(() -> MsgpackCodec.decode(unhex("cd01"))); // truncated int
        assertProtocol(() -> MsgpackCodec.decode(unhex("a3616263c0"))); // trailing nil
        assertProtocol(() -> MsgpackCodec.decode(unhex("a461"))); // truncated str
        assertProtocol(() -> MsgpackCodec.decode(unhex("82a16101"))); // map missing an entry
        assertProtocol(() -> MsgpackCodec.decode(unhex("a2c328"))); // invalid UTF-8
        assertProtocol(() -> MsgpackCodec.decode(unhex("a3eda080"))); // UTF-8 encoded surrogate
        assertProtocol(() -> MsgpackCodec.decode(unhex("d40100"))); // fixext1
        assertProtocol(() -> MsgpackCodec.decode(unhex("c70101ff"))); // ext8
        assertProtocol(() -> MsgpackCodec.decode(unhex("d6ff00000000"))); // timestamp ext
        assertProtocol(() -> MsgpackCodec.decode(unhex("810102"))); // int key
        assertProtocol(() -> MsgpackCodec.decode(unhex("81c4016102"))); // bin key
        assertProtocol(() -> MsgpackCodec.decode(unhex("81c002"))); // nil key
        assertProtocol(() -> MsgpackCodec.decode(unhex("81c102"))); // invalid key byte
        assertProtocol(() -> MsgpackCodec.decodeMap(unhex("90")));
        assertProtocol(() -> MsgpackCodec.decodeMap(unhex("c0")));
    }

    @Test
    void hugeDeclaredLengthsFailFastWithoutAllocating() {
        assertProtocol(() -> MsgpackCodec.decode(unhex("df80000000")));
        assertProtocol(() -> MsgpackCodec.decode(unhex("df7fffffff")));
        assertProtocol(() -> MsgpackCodec.decode(unhex("dfffffffff")));
        assertProtocol(() -> MsgpackCodec.decode(unhex("dd7fffffff")));
        assertProtocol(() -> MsgpackCodec.decode(unhex("ddffffffff")));
        assertProtocol(() -> MsgpackCodec.decode(unhex("db7fffffff61")));
        assertProtocol(() -> MsgpackCodec.decode(unhex("dbffffffff")));
        assertProtocol(() -> MsgpackCodec.decode(unhex("c67fffffff00")));
        assertProtocol(() -> MsgpackCodec.decode(unhex("c6ffffffff")));
        assertProtocol(() -> MsgpackCodec.decode(unhex("c9ffffffff01")));
        // a map of 3 entries needs at least 6 more bytes
        assertProtocol(() -> MsgpackCodec.decode(unhex("83c0c0c0c0c0")));
    }

    @Test
    void nestingIsLimited() {
        byte[] ok = nestedArrays(MsgpackCodec.MAX_DEPTH);
        assertThat(MsgpackCodec.decode(ok)).isInstanceOf(List.class);
        assertProtocol(() -> MsgpackCodec.decode(nestedArrays(MsgpackCodec.MAX_DEPTH + 1)));
        assertProtocol(() -> MsgpackCodec.decode(nestedArrays(100_000)));
        byte[] maps = new byte[3 * 1000 + 1];
        for (int i = 0; i < 1000; i++) {
            maps[3 * i] = (byte) 0x81;
            maps[3 * i + 1] = (byte) 0xa1;
            maps[3 * i + 2] = 'k';
        }
        maps[maps.length - 1] = (byte) 0xc0;
        assertProtocol(() -> MsgpackCodec.decode(maps));
    }

    private static byte[] nestedArrays(int depth) {
        byte[] data = new byte[depth + 1];
        Arrays.fill(data, 0, depth, (byte) 0x91);
        data[depth] = (byte) 0xc0;
        return data;
    }

    @Test
    void roundTripsNestedValues() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("bytes", "héllo".getBytes(StandardCharsets.UTF_8));
        inner.put("list", List.of(1L, -2L, 3.5, true, "s"));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("inner", inner);
        outer.put("nil", null);
        Map<String, Object> decoded = MsgpackCodec.decodeMap(MsgpackCodec.encode(outer));
        assertThat(decoded.keySet()).containsExactly("inner", "nil");
        @SuppressWarnings("unchecked")
        Map<String, Object> decodedInner = (Map<String, Object>) decoded.get("inner");
        assertThat((byte[]) decodedInner.get("bytes")).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(decodedInner.get("list")).isEqualTo(List.of(1L, -2L, 3.5, true, "s"));
        assertThat(decoded.get("nil")).isNull();
    }

    @Test
    void typeNames() {
        assertThat(MsgpackCodec.typeName(null)).isEqualTo("nil");
        assertThat(MsgpackCodec.typeName("s")).isEqualTo("str");
        assertThat(MsgpackCodec.typeName(new byte[0])).isEqualTo("bin");
        assertThat(MsgpackCodec.typeName(1L)).isEqualTo("int");
        assertThat(MsgpackCodec.typeName(1.0)).isEqualTo("float");
        assertThat(MsgpackCodec.typeName(true)).isEqualTo("bool");
        assertThat(MsgpackCodec.typeName(List.of())).isEqualTo("array");
        assertThat(MsgpackCodec.typeName(Map.of())).isEqualTo("map");
    }
}
