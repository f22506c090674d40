package dev.opendesk.core.remote;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.io.PythonJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The admin IPC of protocol §13, shared by {@link AdminServer} and {@link AdminClient}: where the
 * endpoint lives under the home, the ops, and the exact request and reply maps (key order as the
 * reference emits them; the framing is {@link dev.opendesk.core.protocol.LengthPrefixedMessages}).
 *
 * <pre>
 * {"op":"list"}            → {"ok": true, "sessions": [{id, peer_name, peer_pubkey_hex, remote_addr, started_at, age_seconds, mode}]}
 * {"op":"kill","id":str}   → {"ok": killed == 1, "killed": 0|1}   (missing/non-str id → {"ok": false, "error": "missing 'id'"})
 * {"op":"kill_all"}        → {"ok": true, "killed": N}
 * other op                 → {"ok": false, "error": "unknown op '<op>'"}
 * any failure              → {"ok": false, "error": "<text>"}
 * </pre>
 */
public final class AdminProtocol {
    /** The POSIX endpoint: a Unix-domain stream socket, mode 0600, while {@code serve} runs. */
    public static final String SOCKET_FILE = "admin.sock";
    /** The Windows endpoint: decimal TCP port of the listener on 127.0.0.1. */
    public static final String PORT_FILE = "admin.port";
    /** The largest request or reply body accepted, in bytes. */
    public static final int MAX_MESSAGE = 1 << 20;

    /** List the live sessions. */
    public static final String OP_LIST = "list";
    /** Evict one session by id. */
    public static final String OP_KILL = "kill";
    /** Evict every session. */
    public static final String OP_KILL_ALL = "kill_all";

    private AdminProtocol() {}

    /** Whether this JVM uses the Windows endpoint (TCP + {@value #PORT_FILE}) rather than the Unix socket. */
    public static boolean usesTcp() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** {@code <home>/admin.sock}. */
    public static Path socketPath(Path home) {
        return requireNonNull(home, "home is null").resolve(SOCKET_FILE);
    }

    /** {@code <home>/admin.port}. */
    public static Path portPath(Path home) {
        return requireNonNull(home, "home is null").resolve(PORT_FILE);
    }

    /** The file this platform's endpoint is found through ({@link #socketPath} or {@link #portPath}). */
    public static Path endpointPath(Path home) {
        return usesTcp() ? portPath(home) : socketPath(home);
    }

    /**
     * What the CLI prints when no server answers, as the reference does:
     * {@code No opendesk admin socket at <path>.  Is `opendesk serve` running?}
     * ({@code admin endpoint} on Windows). The CLI prefixes {@code ERROR: }.
     */
    public static String notRunningMessage(Path home) {
        return (usesTcp() ? "No opendesk admin endpoint at " : "No opendesk admin socket at ")
                + endpointPath(home) + ".  Is `opendesk serve` running?";
    }

    /** {@code {"op": "list"}}. */
    public static Map<String, Object> listRequest() {
        return Map.of("op", OP_LIST);
    }

    /** {@code {"op": "kill", "id": id}}. */
    public static Map<String, Object> killRequest(String sessionId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", OP_KILL);
        m.put("id", requireNonNull(sessionId, "sessionId is null"));
        return m;
    }

    /** {@code {"op": "kill_all"}}. */
    public static Map<String, Object> killAllRequest() {
        return Map.of("op", OP_KILL_ALL);
    }

    /** The {@code list} reply for {@code sessions}, ages measured at {@code nowSeconds} (Unix seconds). */
    public static Map<String, Object> listReply(List<SessionInfo> sessions, double nowSeconds) {
        List<Map<String, Object>> items = new ArrayList<>(sessions.size());
        for (SessionInfo s : sessions) {
            items.add(sessionMap(s, nowSeconds));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("sessions", items);
        return m;
    }

    /** One entry of the {@code list} reply, keys in the reference's order. */
    public static Map<String, Object> sessionMap(SessionInfo s, double nowSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("peer_name", s.peerName());
        m.put("peer_pubkey_hex", s.peerPublicKeyHex());
        m.put("remote_addr", s.remoteAddress());
        m.put("started_at", s.startedAt());
        m.put("age_seconds", s.ageSeconds(nowSeconds));
        m.put("mode", s.mode());
        return m;
    }

    /** The {@code kill} reply: {@code {"ok": killed == 1, "killed": killed}}. */
    public static Map<String, Object> killReply(int killed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", killed > 0);
        m.put("killed", (long) killed);
        return m;
    }

    /** The {@code kill_all} reply: {@code {"ok": true, "killed": n}}. */
    public static Map<String, Object> killAllReply(int killed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("killed", (long) killed);
        return m;
    }

    /** {@code {"ok": false, "error": message}}. */
    public static Map<String, Object> errorReply(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", false);
        m.put("error", requireNonNull(message, "message is null"));
        return m;
    }

    /** The reply to a request whose op is not one of the three: {@code unknown op '<op>'} (Python's {@code repr} of the op). */
    public static Map<String, Object> unknownOpReply(@Nullable Object op) {
        return errorReply("unknown op " + PythonJson.pythonRepr(op));
    }
}
