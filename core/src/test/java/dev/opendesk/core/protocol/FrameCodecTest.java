package dev.opendesk.core.protocol;

import static dev.opendesk.core.protocol.MsgpackCodecTest.hex;
import static dev.opendesk.core.protocol.MsgpackCodecTest.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Point;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FrameCodecTest {
    static final String CLIENT_HELLO =
            "87a17601a474797065a568656c6c6fa4726f6c65a6636c69656e74a97072696e636970616ca0a46175746880ac6361706162696c697469657380a56572726f72c0";
    static final String REQ_CURSOR =
            "86a17601a474797065a3726571a2696401a66d6574686f64b7646973706c61792e637572736f725f706f736974696f6ea673747265616dc2a6706172616d7380";
    static final String RES_POINT =
            "87a17601a474797065a3726573a2696401a373657100a3656e64c3a6726573756c7482a178cb4049000000000000a179cb404e000000000000a56572726f72c0";
    static final String RES_NOT_FOUND =
            "87a17601a474797065a3726573a2696407a373657100a3656e64c3a6726573756c74c0a56572726f7283a4636f6465a96e6f745f666f756e64a76d657373616765a76d697373696e67a764657461696c7380";
    static final String RES_STREAM_ITEM =
            "87a17601a474797065a3726573a2696405a373657100a3656e64c2a6726573756c7481a16900a56572726f72c0";
    static final String CANCEL =
            "84a17601a474797065a663616e63656ca2696403a6726561736f6eb063616c6c65722063616e63656c6c6564";
    static final String PUSH_EVICTED =
            "84a17601a474797065a470757368a5746f706963af73657373696f6e2e65766963746564a77061796c6f616481a6726561736f6eb061646d696e5f646973636f6e6e656374";
    static final String BUSY_HELLO =
            "87a17601a474797065a568656c6c6fa4726f6c65a6736572766572a97072696e636970616ca0a46175746880ac6361706162696c697469657380a56572726f7283a4636f6465a462757379a76d657373616765a178a764657461696c7380";
    static final String REQ_FS_READ =
            "86a17601a474797065a3726571a2696402a66d6574686f64a766732e72656164a673747265616dc2a6706172616d7381a470617468a62f746d702f61";

    /** Every frame vector of the spec. */
    static final List<String> VECTORS = List.of(CLIENT_HELLO, REQ_CURSOR, RES_POINT, RES_NOT_FOUND, RES_STREAM_ITEM,
            CANCEL, PUSH_EVICTED, BUSY_HELLO, REQ_FS_READ);

    private static void assertVector(Frame frame, String expectedHex) {
        assertThat(hex(FrameCodec.encode(frame))).isEqualTo(expectedHex);
        assertThat(FrameCodec.decode(unhex(expectedHex))).isEqualTo(frame);
    }

    private static void assertBadFrame(Map<String, Object> wire, String messagePart) {
        byte[] bytes = MsgpackCodec.encode(wire);
        assertThatThrownBy(() -> FrameCodec.decode(bytes))
                .isInstanceOf(OpendeskException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.PROTOCOL));
    }

    private static Map<String, Object> wire(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void clientHello() {
        assertVector(Frame.Hello.client(), CLIENT_HELLO);
    }

    @Test
    void requestCursorPosition() {
        assertVector(new Frame.Request(1, "display.cursor_position", false, Map.of()), REQ_CURSOR);
    }

    @Test
    void responseWithPointResultBuiltFromTheModel() {
        assertVector(Frame.Response.success(1, WireModel.toWire(new Point(50, 60))), RES_POINT);
        Frame.Response decoded = (Frame.Response) FrameCodec.decode(unhex(RES_POINT));
        assertThat(WireModel.toPoint(decoded.result())).isEqualTo(new Point(50.0, 60.0));
    }

    @Test
    void responseWithError() {
        assertVector(Frame.Response.failure(7, 0, ErrorInfo.of(ErrorCode.NOT_FOUND, "missing")), RES_NOT_FOUND);
    }

    @Test
    void streamItem() {
        assertVector(new Frame.Response(5, 0, false, Map.of("i", 0L), null), RES_STREAM_ITEM);
    }

    @Test
    void cancel() {
        assertVector(new Frame.Cancel(3, Frame.Cancel.CALLER_CANCELLED), CANCEL);
    }

    @Test
    void pushSessionEvicted() {
        assertVector(new Frame.Push(Frame.Push.SESSION_EVICTED, Map.of("reason", "admin_disconnect")), PUSH_EVICTED);
    }

    @Test
    void busyHello() {
        assertVector(Frame.Hello.rejection(ErrorInfo.of(ErrorCode.BUSY, "x")), BUSY_HELLO);
    }

    @Test
    void requestFsRead() {
        assertVector(new Frame.Request(2, "fs.read", false, Map.of("path", "/tmp/a")), REQ_FS_READ);
    }

    @Test
    void serverHelloCarriesTheManifestMapInOrder() {
        Map<String, Object> caps = wire("capabilities", List.of("fs.read"), "limits", Map.of(),
                "protocol_version", "0.1", "backend", "local/linux", "description", "");
        Frame decoded = FrameCodec.decode(FrameCodec.encode(Frame.Hello.server(caps)));
        assertThat(((Frame.Hello) decoded).capabilities().keySet())
                .containsExactly("capabilities", "limits", "protocol_version", "backend", "description");
    }

    @Test
    void nilValuesInsidePayloadsSurvive() {
        Map<String, Object> params = wire("display_id", null, "region", null, "downscale", true);
        Frame.Request request = new Frame.Request(9, "display.capture", false, params);
        Frame.Request decoded = (Frame.Request) FrameCodec.decode(FrameCodec.encode(request));
        assertThat(decoded.params()).containsEntry("display_id", null).containsEntry("downscale", true);
        assertThat(decoded.params().keySet()).containsExactly("display_id", "region", "downscale");
    }

    @Test
    void missingKeysWithDefaultsTakeThePythonDefaults() {
        assertThat(FrameCodec.decode(MsgpackCodec.encode(wire("type", "req", "id", 4L, "method", "m"))))
                .isEqualTo(new Frame.Request(4, "m", false, Map.of()));
        assertThat(FrameCodec.decode(MsgpackCodec.encode(wire("type", "res", "id", 4L))))
                .isEqualTo(new Frame.Response(4, 0, true, null, null));
        assertThat(FrameCodec.decode(MsgpackCodec.encode(wire("type", "cancel", "id", 4L))))
                .isEqualTo(new Frame.Cancel(4, ""));
        assertThat(FrameCodec.decode(MsgpackCodec.encode(wire("type", "push", "topic", "t"))))
                .isEqualTo(new Frame.Push("t", Map.of()));
        assertThat(FrameCodec.decode(MsgpackCodec.encode(wire("type", "hello", "role", "client"))))
                .isEqualTo(Frame.Hello.client());
        assertThat(FrameCodec.decode(MsgpackCodec.encode(wire("type", "res", "id", 4L, "error", Map.of()))))
                .isEqualTo(new Frame.Response(4, 0, true, null, new ErrorInfo("internal", "", Map.of())));
    }

    @Test
    void versionIsParsedButNotChecked() {
        assertThat(FrameCodec.decode(MsgpackCodec.encode(wire("v", 99L, "type", "cancel", "id", 1L))))
                .isEqualTo(new Frame.Cancel(1, ""));
        assertBadFrame(wire("v", "1", "type", "cancel", "id", 1L), "'v' in cancel must be an int, got str");
        assertBadFrame(wire("v", null, "type", "cancel", "id", 1L), "'v'");
    }

    @Test
    void integralFloatsAreAcceptedForIntFieldsLikePydanticLaxMode() {
        assertThat(FrameCodec.decode(MsgpackCodec.encode(wire("v", 1.0, "type", "res", "id", 3.0, "seq", 2.0))))
                .isEqualTo(new Frame.Response(3, 2, true, null, null));
        assertBadFrame(wire("type", "res", "id", 3.5), "'id' in res must be an int, got float");
        assertBadFrame(wire("type", "res", "id", true), "'id' in res must be an int, got bool");
    }

    @Test
    void unknownKeysAreRejected() {
        assertBadFrame(wire("v", 1L, "type", "res", "id", 1L, "x", 1L), "bad frame: unknown key 'x' in res");
        assertBadFrame(wire("type", "req", "id", 1L, "method", "m", "extra", null), "unknown key 'extra' in req");
        assertBadFrame(wire("type", "hello", "role", "client", "platform", "x"), "unknown key 'platform' in hello");
        assertBadFrame(wire("type", "res", "id", 1L, "error", wire("code", "internal", "trace", "")),
                "unknown key 'trace' in res.error");
        assertBadFrame(wire("type", "hello", "role", "server", "error", wire("code", "busy", "x", 1L)),
                "unknown key 'x' in hello.error");
    }

    @Test
    void unknownOrMissingTypeIsRejected() {
        assertBadFrame(wire("v", 1L, "type", "ping"), "unknown frame type 'ping'");
        assertBadFrame(wire("v", 1L, "id", 1L), "'type'");
        assertBadFrame(wire("type", 1L), "'type'");
        byte[] notAMap = MsgpackCodec.encode(List.of(1L));
        MsgpackCodecTest.assertProtocol(() -> FrameCodec.decode(notAMap));
        MsgpackCodecTest.assertProtocol(() -> FrameCodec.decode(MsgpackCodec.encode(null)));
    }

    @Test
    void requiredFieldsMustBePresent() {
        assertBadFrame(wire("type", "req", "method", "m"), "missing 'id' in req");
        assertBadFrame(wire("type", "req", "id", 1L), "missing 'method' in req");
        assertBadFrame(wire("type", "res"), "missing 'id' in res");
        assertBadFrame(wire("type", "cancel"), "missing 'id' in cancel");
        assertBadFrame(wire("type", "push"), "missing 'topic' in push");
        assertBadFrame(wire("type", "hello"), "missing 'role' in hello");
    }

    @Test
    void wrongTypesAreRejected() {
        assertBadFrame(wire("type", "req", "id", "1", "method", "m"), "'id' in req must be an int, got str");
        assertBadFrame(wire("type", "req", "id", 1L, "method", 5L), "'method' in req must be a str, got int");
        assertBadFrame(wire("type", "req", "id", 1L, "method", "m", "stream", 1L), "'stream' in req must be a bool");
        assertBadFrame(wire("type", "req", "id", 1L, "method", "m", "params", null), "'params' in req must be a map");
        assertBadFrame(wire("type", "req", "id", 1L, "method", "m", "params", List.of()), "'params'");
        assertBadFrame(wire("type", "res", "id", 1L, "end", null), "'end' in res must be a bool, got nil");
        assertBadFrame(wire("type", "res", "id", 1L, "result", List.of()), "'result' in res must be a map");
        assertBadFrame(wire("type", "res", "id", 1L, "error", "boom"), "'error' in res must be a map");
        assertBadFrame(wire("type", "res", "id", 1L, "error", wire("code", 5L)), "'code' in res.error must be a str");
        assertBadFrame(wire("type", "res", "id", 1L, "error", wire("details", null)), "'details' in res.error");
        assertBadFrame(wire("type", "cancel", "id", 1L, "reason", null), "'reason' in cancel must be a str");
        assertBadFrame(wire("type", "push", "topic", "t", "payload", "x"), "'payload' in push must be a map");
        assertBadFrame(wire("type", "hello", "role", "client", "auth", null), "'auth' in hello must be a map");
        assertBadFrame(wire("type", "hello", "role", "client", "capabilities", List.of()), "'capabilities'");
        assertBadFrame(wire("type", "hello", "role", "client", "principal", new byte[0]), "'principal'");
        assertBadFrame(wire("type", "hello", "role", "admin"), "'role' in hello must be 'client' or 'server'");
    }

    @Test
    void resultAndErrorMayBothBeNil() {
        Frame.Response response = (Frame.Response) FrameCodec.decode(
                MsgpackCodec.encode(wire("v", 1L, "type", "res", "id", 2L, "result", null, "error", null)));
        assertThat(response.result()).isNull();
        assertThat(response.error()).isNull();
    }

    @Test
    void unknownErrorCodesSurviveDecoding() {
        Frame.Response response = (Frame.Response) FrameCodec.decode(MsgpackCodec.encode(
                wire("type", "res", "id", 2L, "error", wire("code", "from_the_future", "message", "m"))));
        assertThat(response.error().code()).isEqualTo("from_the_future");
        assertThat(response.error().errorCode()).isEqualTo(ErrorCode.INTERNAL);
    }

    @Test
    void toWireKeyOrder() {
        assertThat(FrameCodec.toWire(Frame.Hello.client()).keySet())
                .containsExactly("v", "type", "role", "principal", "auth", "capabilities", "error");
        assertThat(FrameCodec.toWire(new Frame.Request(1, "m", true, Map.of())).keySet())
                .containsExactly("v", "type", "id", "method", "stream", "params");
        assertThat(FrameCodec.toWire(Frame.Response.success(1, null)).keySet())
                .containsExactly("v", "type", "id", "seq", "end", "result", "error");
        assertThat(FrameCodec.toWire(new Frame.Cancel(1, "")).keySet()).containsExactly("v", "type", "id", "reason");
        assertThat(FrameCodec.toWire(new Frame.Push("t", Map.of())).keySet())
                .containsExactly("v", "type", "topic", "payload");
        assertThat(FrameCodec.errorToWire(ErrorInfo.cancelled()).keySet()).containsExactly("code", "message", "details");
    }

    @Test
    void unencodablePayloadIsAProtocolError() {
        Frame.Request request = new Frame.Request(1, "m", false, Map.of("bad", new Object()));
        MsgpackCodecTest.assertProtocol(() -> FrameCodec.encode(request));
    }
}
