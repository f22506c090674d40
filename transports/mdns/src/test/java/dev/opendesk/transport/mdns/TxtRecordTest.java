package dev.opendesk.transport.mdns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.discovery.ServiceRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TxtRecordTest {
    private static byte[] key() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 37 + 0x3d); // includes '=' (0x3d), 0x00 and high bytes
        }
        key[5] = 0;
        return key;
    }

    /** The TXT strings, split on their length bytes. */
    private static List<byte[]> strings(byte[] text) {
        List<byte[]> strings = new ArrayList<>();
        for (int offset = 0; offset < text.length; ) {
            int length = text[offset] & 0xff;
            byte[] s = new byte[length];
            System.arraycopy(text, offset + 1, s, 0, length);
            strings.add(s);
            offset += 1 + length;
        }
        return strings;
    }

    @Test
    void encodesVPkFpDescInThisOrderWithTheRawKey() {
        byte[] key = key();
        byte[] text = TxtRecord.encode(new ServiceRecord("lab-abc123", 8423, key, "1a2b:3c4d:5e6f:7a8b", "Lab box"));
        List<byte[]> strings = strings(text);
        assertThat(strings).hasSize(4);
        assertThat(new String(strings.get(0), StandardCharsets.US_ASCII)).isEqualTo("v=1");
        assertThat(strings.get(1)).hasSize(35);
        assertThat(new String(strings.get(1), 0, 3, StandardCharsets.US_ASCII)).isEqualTo("pk=");
        assertThat(java.util.Arrays.copyOfRange(strings.get(1), 3, 35)).isEqualTo(key);
        assertThat(new String(strings.get(2), StandardCharsets.US_ASCII)).isEqualTo("fp=1a2b:3c4d:5e6f:7a8b");
        assertThat(new String(strings.get(3), StandardCharsets.UTF_8)).isEqualTo("desc=Lab box");
    }

    @Test
    void leavesDescOutWhenEmpty() {
        byte[] text = TxtRecord.encode(new ServiceRecord("lab", 1, key(), "fp", ""));
        assertThat(strings(text)).hasSize(3);
        assertThat(TxtRecord.decode(text)).containsOnlyKeys("v", "pk", "fp");
    }

    @Test
    void cutsTheDescriptionTo120BytesAtACharacterBoundary() {
        String description = "a".repeat(119) + "é and more"; // é is 2 bytes: bytes 120-121
        byte[] text = TxtRecord.encode(new ServiceRecord("lab", 1, key(), "fp", description));
        byte[] desc = TxtRecord.decode(text).get("desc");
        assertThat(desc).hasSize(119);
        assertThat(new String(desc, StandardCharsets.UTF_8)).isEqualTo("a".repeat(119));

        assertThat(TxtRecord.truncateUtf8("€€€", 7)).isEqualTo("€€"); // 3 bytes each
        assertThat(TxtRecord.truncateUtf8("😀x", 3)).isEmpty();
        assertThat(TxtRecord.truncateUtf8("short", 120)).isEqualTo("short");
        assertThat(TxtRecord.truncateUtf8("a".repeat(120), 120)).hasSize(120);
    }

    @Test
    void decodesRoundTripKeepingTheBinaryKey() {
        byte[] key = key();
        Map<String, byte[]> pairs = TxtRecord.decode(TxtRecord.encode(new ServiceRecord("lab", 1, key, "fp", "ü")));
        assertThat(pairs.keySet()).containsExactly("v", "pk", "fp", "desc");
        assertThat(pairs.get("pk")).isEqualTo(key);
        assertThat(new String(pairs.get("desc"), StandardCharsets.UTF_8)).isEqualTo("ü");
    }

    @Test
    void decodingIsLenient() {
        byte[] text = {
            3, 'x', 'y', 'z',             // no '=' → skipped
            0,                            // empty string → skipped
            4, '=', 'a', 'b', 'c',        // empty key → skipped
            4, 'P', 'K', '=', 1,          // upper-case key, first wins
            4, 'p', 'k', '=', 2,
            9, 'f', 'p', '=', (byte) 0xff, // runs past the end → parse stops
        };
        Map<String, byte[]> pairs = TxtRecord.decode(text);
        assertThat(pairs).containsOnlyKeys("pk");
        assertThat(pairs.get("pk")).containsExactly(1);
        assertThat(TxtRecord.lenientUtf8(new byte[] {'o', (byte) 0xff, 'k'})).isEqualTo("o\uFFFDk");
        assertThat(TxtRecord.decode(new byte[0])).isEmpty();
    }
}
