package dev.opendesk.core.protocol;

import static dev.opendesk.core.protocol.MsgpackCodecTest.assertProtocol;
import static dev.opendesk.core.protocol.MsgpackCodecTest.hex;
import static dev.opendesk.core.protocol.MsgpackCodecTest.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.OpendeskException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class LengthPrefixedMessagesTest {
    private static final String LIST_REQUEST = "0000000981a26f70a46c697374";
    private static final int MAX = 1 << 20;

    @Test
    void adminListRequestVector() throws IOException {
        assertThat(hex(LengthPrefixedMessages.frame(Map.of("op", "list")))).isEqualTo(LIST_REQUEST);
        assertThat(LengthPrefixedMessages.read(new ByteArrayInputStream(unhex(LIST_REQUEST)), MAX))
                .isEqualTo(Map.of("op", "list"));
        assertThat(LengthPrefixedMessages.parse(unhex(LIST_REQUEST), MAX)).isEqualTo(Map.of("op", "list"));
    }

    @Test
    void writeThenReadKeepsOrderAndTypes() throws IOException {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", "1a2b3c4d");
        session.put("started_at", 1.7e9);
        session.put("mode", "serve");
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("ok", true);
        reply.put("sessions", List.of(session));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LengthPrefixedMessages.write(out, reply);
        LengthPrefixedMessages.write(out, Map.of("op", "kill_all"));
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        Map<String, Object> first = LengthPrefixedMessages.read(in, MAX);
        assertThat(first.keySet()).containsExactly("ok", "sessions");
        assertThat(first.get("sessions")).isEqualTo(List.of(session));
        assertThat(LengthPrefixedMessages.read(in, MAX)).isEqualTo(Map.of("op", "kill_all"));
        assertProtocol(() -> LengthPrefixedMessages.read(in, MAX)); // stream ended
    }

    @Test
    void oversizeLengthIsRejectedBeforeReadingTheBody() {
        byte[] huge = unhex("ffffffff81a26f70a46c697374");
        assertThatThrownBy(() -> LengthPrefixedMessages.read(new ByteArrayInputStream(huge), MAX))
                .isInstanceOf(OpendeskException.class)
                .hasMessageContaining("4294967295 bytes exceeds the limit of " + MAX);
        assertProtocol(() -> LengthPrefixedMessages.read(new ByteArrayInputStream(unhex(LIST_REQUEST)), 8));
        assertProtocol(() -> LengthPrefixedMessages.parse(huge, MAX));
    }

    @Test
    void truncatedInputIsAProtocolError() {
        assertProtocol(() -> LengthPrefixedMessages.read(new ByteArrayInputStream(new byte[0]), MAX));
        assertProtocol(() -> LengthPrefixedMessages.read(new ByteArrayInputStream(unhex("0000")), MAX));
        assertProtocol(() -> LengthPrefixedMessages.read(new ByteArrayInputStream(unhex("0000000981a26f70")), MAX));
        assertProtocol(() -> LengthPrefixedMessages.parse(unhex("000000"), MAX));
        assertProtocol(() -> LengthPrefixedMessages.parse(unhex("0000000981a26f70"), MAX));
        assertProtocol(() -> LengthPrefixedMessages.parse(unhex(LIST_REQUEST + "00"), MAX));
    }

    @Test
    void bodyMustBeOneMsgpackMap() {
        assertProtocol(() -> LengthPrefixedMessages.read(new ByteArrayInputStream(unhex("0000000190")), MAX));
        assertProtocol(() -> LengthPrefixedMessages.read(new ByteArrayInputStream(unhex("00000002c0c0")), MAX));
        assertProtocol(() -> LengthPrefixedMessages.read(new ByteArrayInputStream(unhex("00000000")), MAX));
    }
}
