package dev.opendesk.core.protocol;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The admin IPC framing of protocol §13: a 4-byte big-endian unsigned length, then that many
 * bytes holding one msgpack map. Stateless and thread-safe (the streams are the caller's).
 */
public final class LengthPrefixedMessages {
    /** The size of the length prefix. */
    public static final int HEADER_LENGTH = 4;

    private LengthPrefixedMessages() {}

    /**
     * The length prefix followed by the msgpack encoding of {@code message}.
     *
     * @throws OpendeskException {@code protocol} if the map cannot be encoded
     */
    public static byte[] frame(Map<String, ? extends @Nullable Object> message) {
        byte[] body = MsgpackCodec.encode(requireNonNull(message, "message is null"));
        return ByteBuffer.allocate(HEADER_LENGTH + body.length).putInt(body.length).put(body).array();
    }

    /** Writes one framed message and flushes the stream. */
    public static void write(OutputStream out, Map<String, ? extends @Nullable Object> message) throws IOException {
        out.write(frame(message));
        out.flush();
    }

    /**
     * Reads one framed message.
     *
     * @param maxLength the largest body accepted, in bytes
     * @throws OpendeskException {@code protocol} if the stream ends early (including before the
     *     first byte), the length exceeds {@code maxLength}, or the body is not one msgpack map
     * @throws IOException if reading fails
     */
    public static Map<String, @Nullable Object> read(InputStream in, int maxLength) throws IOException {
        requireNonNull(in, "in is null");
        byte[] header = in.readNBytes(HEADER_LENGTH);
        if (header.length < HEADER_LENGTH) {
            throw MsgpackCodec.protocol(header.length == 0
                    ? "stream closed before a length-prefixed message"
                    : "truncated length prefix: " + header.length + " of " + HEADER_LENGTH + " bytes");
        }
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(header).getInt());
        checkLength(length, maxLength);
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw MsgpackCodec.protocol("truncated message: got " + body.length + " of " + length + " bytes");
        }
        return MsgpackCodec.decodeMap(body);
    }

    /**
     * Parses one complete framed message held in memory (prefix plus body, nothing after).
     *
     * @throws OpendeskException {@code protocol} as for {@link #read(InputStream, int)}, or for trailing bytes
     */
    public static Map<String, @Nullable Object> parse(byte[] framed, int maxLength) {
        requireNonNull(framed, "framed is null");
        if (framed.length < HEADER_LENGTH) {
            throw MsgpackCodec.protocol("truncated length prefix: " + framed.length + " of " + HEADER_LENGTH + " bytes");
        }
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(framed).getInt());
        checkLength(length, maxLength);
        if (framed.length - HEADER_LENGTH != length) {
            throw MsgpackCodec.protocol("length prefix says " + length + " bytes but " + (framed.length - HEADER_LENGTH)
                    + " follow");
        }
        return MsgpackCodec.decodeMap(Arrays.copyOfRange(framed, HEADER_LENGTH, framed.length));
    }

    private static void checkLength(long length, int maxLength) {
        if (length > maxLength) {
            throw MsgpackCodec.protocol("message of " + length + " bytes exceeds the limit of " + maxLength + " bytes");
        }
    }
}
