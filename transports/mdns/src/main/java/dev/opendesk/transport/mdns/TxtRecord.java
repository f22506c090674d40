package dev.opendesk.transport.mdns;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.discovery.ServiceRecord;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The TXT record of an opendesk service (protocol §12), built by hand so its strings keep their
 * order ({@code v}, {@code pk}, {@code fp}, then {@code desc}) and {@code pk} stays 32 raw bytes.
 * Reading is lenient: a string without {@code =} is skipped, a string whose length runs past the
 * end stops the parse, and text values decode with replacement characters.
 */
final class TxtRecord {
    /** The longest description advertised, in UTF-8 bytes. */
    static final int MAX_DESCRIPTION_BYTES = 120;

    private TxtRecord() {
    }

    /** The TXT bytes of a record: length-prefixed {@code key=value} strings, in protocol order. */
    static byte[] encode(ServiceRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        put(out, "v", "1".getBytes(StandardCharsets.US_ASCII));
        put(out, "pk", record.publicKey());
        put(out, "fp", record.fingerprint().getBytes(StandardCharsets.UTF_8));
        String description = truncateUtf8(record.description(), MAX_DESCRIPTION_BYTES);
        if (!description.isEmpty()) {
            put(out, "desc", description.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void put(ByteArrayOutputStream out, String key, byte[] value) {
        byte[] name = (key + "=").getBytes(StandardCharsets.US_ASCII);
        int length = name.length + value.length;
        if (length > 255) {
            throw new IllegalArgumentException("TXT string " + key + " is " + length + " bytes; at most 255 fit");
        }
        out.write(length);
        out.writeBytes(name);
        out.writeBytes(value);
    }

    /**
     * The key/value pairs of TXT bytes, in order; keys lower-cased (DNS-SD keys ignore case), the
     * first occurrence of a key wins.
     */
    static Map<String, byte[]> decode(byte[] text) {
        requireNonNull(text, "text is null");
        Map<String, byte[]> pairs = new LinkedHashMap<>();
        int offset = 0;
        while (offset < text.length) {
            int length = text[offset] & 0xff;
            offset++;
            if (offset + length > text.length) {
                break; // truncated: keep what was read
            }
            int equals = -1;
            for (int i = offset; i < offset + length; i++) {
                if (text[i] == '=') {
                    equals = i;
                    break;
                }
            }
            if (equals > offset) {
                String key = new String(text, offset, equals - offset, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
                byte[] value = new byte[offset + length - equals - 1];
                System.arraycopy(text, equals + 1, value, 0, value.length);
                pairs.putIfAbsent(key, value);
            }
            offset += length;
        }
        return Collections.unmodifiableMap(pairs);
    }

    /** {@code text} cut to at most {@code maxBytes} UTF-8 bytes, never inside a character. */
    static String truncateUtf8(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.IGNORE).onUnmappableCharacter(CodingErrorAction.IGNORE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, maxBytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("an ignoring decoder failed", e);
        }
    }

    /** Bytes as UTF-8 text, with U+FFFD for what is not UTF-8. */
    static String lenientUtf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
