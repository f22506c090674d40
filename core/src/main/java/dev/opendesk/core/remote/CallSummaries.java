package dev.opendesk.core.remote;

import static dev.opendesk.core.io.PythonJson.pythonRepr;
import static java.util.Objects.requireNonNull;

import dev.opendesk.core.io.PythonJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The human one-liner that describes an inbound call, shared by the console policy's prompt and
 * the audit log's {@code summary} (protocol §14.1, surface §5). Never contains raw payloads
 * (file data, stdin, clipboard contents, pixels): at most sizes, paths, names and short previews.
 *
 * <p>The methods the reference summarises specially keep its exact texts —
 * {@code send pointer down at (812.0, 410.0)}, {@code send key down 'Return'},
 * {@code type 5 chars: 'hello'}, {@code run shell: 'ls'}, {@code exec: 'echo hi'},
 * {@code read file: /x}, {@code move a → b}, {@code write to the clipboard},
 * {@code open app: 'xterm'}, {@code windows.focus (window_id=0x1a00003)},
 * {@code ui action 'click' on OK}, {@code lock the screen} — with Python's {@code str}/{@code
 * repr} renderings of the values. The methods for which the reference prints only the method name
 * get a short phrase instead ({@code capture the screen}, {@code list windows}, …); a method that
 * is not one of the 35 reads {@code call <method>}.
 *
 * <p>Robust to missing or wrongly typed params: it never throws. Control characters in values
 * that the reference prints unquoted (paths, element names) are escaped, so a peer cannot smuggle
 * terminal escape sequences into the approval prompt; very long values are clipped with {@code …}.
 */
public final class CallSummaries {
    /** How many characters of typed text the summary previews (then {@code …}). */
    public static final int TEXT_PREVIEW = 40;
    /** How many characters of a shell command or an argv line the summary keeps. */
    public static final int COMMAND_PREVIEW = 80;
    /** Unquoted values (paths, names, window parameters) longer than this are clipped with {@code …}. */
    public static final int VALUE_LIMIT = 200;

    private static final String ELLIPSIS = "…";

    private CallSummaries() {}

    /**
     * Summarises one call.
     *
     * @param method the wire method, e.g. {@code input.pointer}
     * @param params its decoded params (msgpack map), possibly incomplete or malformed
     * @return a non-empty one-line description
     */
    public static String summarize(String method, Map<String, ? extends @Nullable Object> params) {
        requireNonNull(method, "method is null");
        requireNonNull(params, "params is null");
        try {
            return oneLine(describe(method, params));
        } catch (RuntimeException e) {
            // Belt and braces: a summary must never fail the call it describes.
            return "call " + unquoted(method);
        }
    }

    private static String describe(String method, Map<String, ? extends @Nullable Object> params) {
        switch (method) {
            case "input.pointer" -> {
                Map<?, ?> event = mapOr(params, "event");
                Map<?, ?> point = mapOr(event, "point");
                return "send pointer " + unquoted(get(event, "action", "move")) + " at ("
                        + unquoted(get(point, "x", "?")) + ", " + unquoted(get(point, "y", "?")) + ")";
            }
            case "input.key" -> {
                Map<?, ?> event = mapOr(params, "event");
                return "send key " + unquoted(get(event, "action", "press")) + " "
                        + pythonRepr(clipValue(get(event, "keysym", "?")));
            }
            case "input.text" -> {
                String text = stringOr(get(mapOr(params, "text_input"), "text", ""));
                int length = text.codePointCount(0, text.length());
                String preview = length > TEXT_PREVIEW ? prefix(text, TEXT_PREVIEW) + ELLIPSIS : text;
                return "type " + length + " chars: " + pythonRepr(preview);
            }
            case "process.shell" -> {
                return "run shell: " + pythonRepr(prefix(stringOr(get(params, "command", "")), COMMAND_PREVIEW));
            }
            case "process.exec" -> {
                Object argv = get(params, "argv", List.of());
                List<String> words = new ArrayList<>();
                if (argv instanceof Collection<?> items) {
                    for (Object item : items) {
                        words.add(PythonJson.pythonStr(item));
                    }
                } else if (argv instanceof String s) {
                    words.add(s); // Python would join the characters with spaces; keep it readable
                }
                return "exec: " + pythonRepr(prefix(String.join(" ", words), COMMAND_PREVIEW));
            }
            case "fs.write", "fs.delete", "fs.mkdir", "fs.stat", "fs.read" -> {
                return method.substring(3) + " file: " + unquoted(get(params, "path", "?"));
            }
            case "fs.list" -> {
                return "list files: " + unquoted(get(params, "path", "?"));
            }
            case "fs.move" -> {
                return "move " + unquoted(get(params, "src", "?")) + " → " + unquoted(get(params, "dst", "?"));
            }
            case "clipboard.write" -> {
                return "write to the clipboard";
            }
            case "clipboard.read" -> {
                return "read the clipboard";
            }
            case "apps.open", "apps.close", "apps.focus" -> {
                return method.substring(5) + " app: " + pythonRepr(clipValue(get(params, "name", "?")));
            }
            case "apps.list" -> {
                return "list apps";
            }
            case "windows.list" -> {
                return "list windows";
            }
            case "windows.focused" -> {
                return "get the focused window";
            }
            case "ui.action" -> {
                Map<?, ?> element = mapOr(params, "element");
                Object target = truthy(element.get("name")) ? element.get("name")
                        : truthy(element.get("role")) ? element.get("role") : "?";
                return "ui action " + pythonRepr(clipValue(get(params, "action", "click"))) + " on " + unquoted(target);
            }
            case "ui.tree" -> {
                Object app = params.get("app");
                Object window = params.get("window_id");
                return "read the UI tree"
                        + (truthy(app) ? " of app " + pythonRepr(clipValue(app))
                        : truthy(window) ? " of window " + unquoted(window) : "");
            }
            case "power.lock" -> {
                return "lock the screen";
            }
            case "system.capabilities" -> {
                return "read the capabilities";
            }
            case "system.environment" -> {
                return "read the environment";
            }
            case "display.displays" -> {
                return "list displays";
            }
            case "display.capture" -> {
                return "capture the screen" + displaySuffix(params);
            }
            case "display.cursor_position" -> {
                return "read the cursor position";
            }
            case "display.subscribe" -> {
                Object fps = params.get("fps");
                return "stream the screen" + displaySuffix(params)
                        + (fps instanceof Number ? " at " + unquoted(fps) + " fps" : "");
            }
            case "input.subscribe" -> {
                return "stream input events";
            }
            case "process.list" -> {
                return "list processes";
            }
            case "notifications.list" -> {
                return "list notifications";
            }
            default -> {
                if (method.startsWith("windows.")) {
                    // windows.focus / windows.move / windows.close and any future windows.* call
                    List<String> pairs = new ArrayList<>();
                    for (Map.Entry<String, ? extends @Nullable Object> e : params.entrySet()) {
                        pairs.add(e.getKey() + "=" + unquoted(e.getValue()));
                    }
                    return unquoted(method) + " (" + String.join(", ", pairs) + ")";
                }
                return "call " + unquoted(method);
            }
        }
    }

    private static String displaySuffix(Map<String, ? extends @Nullable Object> params) {
        StringBuilder s = new StringBuilder();
        Object display = params.get("display_id");
        if (truthy(display)) {
            s.append(" of display ").append(unquoted(display));
        }
        if (params.get("region") instanceof Map<?, ?> region) {
            s.append(" region ").append(unquoted(region.get("width"))).append('×').append(unquoted(region.get("height")))
                    .append(" at (").append(unquoted(region.get("x"))).append(", ").append(unquoted(region.get("y")))
                    .append(')');
        }
        return s.toString();
    }

    /** Python's {@code d.get(key, default)}: the default only when the key is absent (a present nil stays nil). */
    private static @Nullable Object get(Map<?, ?> map, String key, Object fallback) {
        return map.containsKey(key) ? map.get(key) : fallback;
    }

    /** Python's {@code params.get(key) or {}}: the map under key, or an empty one. */
    private static Map<?, ?> mapOr(Map<?, ?> map, String key) {
        return map.get(key) instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String stringOr(@Nullable Object value) {
        return value == null ? "" : PythonJson.pythonStr(value);
    }

    private static boolean truthy(@Nullable Object value) {
        if (value == null || value instanceof Boolean b && !b) {
            return false;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return !(value instanceof Map<?, ?> m) || !m.isEmpty();
    }

    /** A value as an f-string prints it ({@code str()}), control characters escaped, clipped. */
    private static String unquoted(@Nullable Object value) {
        return escapeControls(clip(PythonJson.pythonStr(value), VALUE_LIMIT));
    }

    private static @Nullable Object clipValue(@Nullable Object value) {
        return value instanceof String s ? clip(s, VALUE_LIMIT) : value;
    }

    private static String clip(String s, int limit) {
        return s.codePointCount(0, s.length()) > limit ? prefix(s, limit) + ELLIPSIS : s;
    }

    /** The first {@code n} code points (Python's {@code s[:n]}). */
    private static String prefix(String s, int n) {
        if (s.codePointCount(0, s.length()) <= n) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, n));
    }

    private static String escapeControls(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029';
            if (control) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                        : String.format(c < 0x100 ? "\\x%02x" : "\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String oneLine(String s) {
        return s.isEmpty() ? "call" : escapeControls(s);
    }
}
