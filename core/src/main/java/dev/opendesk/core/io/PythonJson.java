package dev.opendesk.core.io;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON exactly as Python's {@code json} module does with {@code sort_keys=True} and the
 * default {@code ensure_ascii=True}, in two layouts:
 *
 * <ul>
 *   <li>{@link #dumpIndented(JsonElement)}: {@code json.dumps(obj, indent=2, sort_keys=True)} —
 *       2-space indent, separators {@code ",\n"} and {@code ": "}, no trailing newline;</li>
 *   <li>{@link #dumpCompact(Object)}: {@code json.dumps(obj, sort_keys=True)} — one line,
 *       separators {@code ", "} and {@code ": "}.</li>
 * </ul>
 *
 * <p>Both sort object keys by code point, escape everything outside printable ASCII as
 * {@code \\uXXXX} (lowercase hex, UTF-16 surrogate pairs for astral characters) and write floats in
 * Python {@code repr} form ({@code 1700000000.123}, {@code 0.0}, {@code 1e+16}, {@code NaN}).
 * {@link #pythonRepr(Object)} gives Python's {@code repr()} of the same value set, for the
 * human-readable texts that mirror the reference's f-strings. Stateless and thread-safe.
 */
public final class PythonJson {
    /** Python orders {@code str} keys by code point; {@link String#compareTo} compares UTF-16 units. */
    private static final Comparator<String> CODE_POINT_ORDER = PythonJson::compareCodePoints;

    private PythonJson() {}

    /** {@code json.dumps(element, indent=2, sort_keys=True)}. */
    public static String dumpIndented(JsonElement element) {
        requireNonNull(element, "element is null");
        StringBuilder out = new StringBuilder();
        writeIndented(element, out, 0);
        return out.toString();
    }

    /**
     * {@code json.dumps(value, sort_keys=True)} of a JSON-like Java value: {@link Map} with
     * {@link String} keys, {@link Collection} or {@code Object[]}, {@link String}, {@link Boolean},
     * {@link Double}/{@link Float} (written as Python floats), other {@link Number}s (written as
     * integers), {@code null}, or a Gson {@link JsonElement}. Anything else is written as the JSON
     * string of its {@code toString()} (Python's {@code default=str}); a {@code byte[]} as
     * {@code "<N bytes>"}, never its contents.
     */
    public static String dumpCompact(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        writeCompact(value, out);
        return out.toString();
    }

    /** Appends {@code value} as a JSON string literal, escaped as Python's {@code ensure_ascii=True} does. */
    public static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        appendHex4(out.append("\\u"), c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr(float)} (as {@code json.dumps} writes floats; {@code NaN}/{@code Infinity} as JSON does). */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - bd.scale(); // d = digits[0].digits[1..] × 10^exponent
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = bd.abs().toPlainString();
            return sign + (plain.indexOf('.') >= 0 ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    /**
     * Python's {@code str()} of a value as the reference's f-strings render it ({@code f"{v}"}):
     * strings as they are, everything else as {@link #pythonRepr(Object)}.
     */
    public static String pythonStr(@Nullable Object value) {
        return value instanceof String s ? s : pythonRepr(value);
    }

    /**
     * Python's {@code repr()} of a JSON-like value: {@code 'text'} with Python's quoting and
     * escapes (non-printable characters as {@code \\xhh}, {@code \\uhhhh}, {@code \\Uhhhhhhhh}),
     * {@code None}, {@code True}/{@code False}, ints, floats ({@code 812.0}, {@code inf},
     * {@code nan}), {@code [a, b]} and {@code {'k': v}}. A {@code byte[]} is shown as
     * {@code <N bytes>}, never its contents; other objects as the repr of their {@code toString()}.
     */
    public static String pythonRepr(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        writeRepr(value, out, 0);
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------

    private static void writeIndented(JsonElement element, StringBuilder out, int level) {
        if (element.isJsonNull()) {
            out.append("null");
        } else if (element.isJsonPrimitive()) {
            writePrimitive(element.getAsJsonPrimitive(), out);
        } else if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            if (array.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (JsonElement item : array) {
                out.append(first ? "\n" : ",\n");
                first = false;
                indent(out, level + 1);
                writeIndented(item, out, level + 1);
            }
            out.append('\n');
            indent(out, level);
            out.append(']');
        } else {
            JsonObject object = element.getAsJsonObject();
            if (object.isEmpty()) {
                out.append("{}");
                return;
            }
            List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(object.entrySet());
            entries.sort(Map.Entry.comparingByKey(CODE_POINT_ORDER));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> entry : entries) {
                out.append(first ? "\n" : ",\n");
                first = false;
                indent(out, level + 1);
                writeString(entry.getKey(), out);
                out.append(": ");
                writeIndented(entry.getValue(), out, level + 1);
            }
            out.append('\n');
            indent(out, level);
            out.append('}');
        }
    }

    private static void writeCompact(@Nullable Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof JsonElement element) {
            writeCompactElement(element, out);
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatRepr(((Number) value).doubleValue()));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(floatRepr(d.doubleValue()));
        } else if (value instanceof Map<?, ?> map) {
            List<Map.Entry<String, @Nullable Object>> entries = new ArrayList<>(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                entries.add(Map.entry(String.valueOf(e.getKey()), e.getValue() == null ? NULL : e.getValue()));
            }
            entries.sort(Map.Entry.comparingByKey(CODE_POINT_ORDER));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, @Nullable Object> entry : entries) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                writeString(entry.getKey(), out);
                out.append(": ");
                Object v = entry.getValue();
                writeCompact(v == NULL ? null : v, out);
            }
            out.append('}');
        } else if (value instanceof byte[] bytes) {
            writeString("<" + bytes.length + " bytes>", out);
        } else if (value instanceof Collection<?> || value instanceof Object[]) {
            Iterable<?> items = value instanceof Object[] array ? List.of(array) : (Collection<?>) value;
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                writeCompact(item, out);
            }
            out.append(']');
        } else {
            writeString(value.toString(), out);
        }
    }

    /** Stands in for a {@code null} map value while sorting ({@link Map#entry} refuses nulls). */
    private static final Object NULL = new Object();

    private static void writeCompactElement(JsonElement element, StringBuilder out) {
        if (element.isJsonNull()) {
            out.append("null");
        } else if (element.isJsonPrimitive()) {
            writePrimitive(element.getAsJsonPrimitive(), out);
        } else if (element.isJsonArray()) {
            out.append('[');
            boolean first = true;
            for (JsonElement item : element.getAsJsonArray()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                writeCompactElement(item, out);
            }
            out.append(']');
        } else {
            List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(element.getAsJsonObject().entrySet());
            entries.sort(Map.Entry.comparingByKey(CODE_POINT_ORDER));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> entry : entries) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                writeString(entry.getKey(), out);
                out.append(": ");
                writeCompactElement(entry.getValue(), out);
            }
            out.append('}');
        }
    }

    private static void writePrimitive(JsonPrimitive primitive, StringBuilder out) {
        if (primitive.isBoolean()) {
            out.append(primitive.getAsBoolean() ? "true" : "false");
        } else if (primitive.isString()) {
            writeString(primitive.getAsString(), out);
        } else {
            Number n = primitive.getAsNumber();
            String text = n.toString();
            boolean isFloat = n instanceof Double || n instanceof Float
                    || (!(n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                    || n instanceof BigInteger) && (text.indexOf('.') >= 0 || text.indexOf('e') >= 0
                    || text.indexOf('E') >= 0));
            // a parsed JSON number (Gson's LazilyParsedNumber) is a float to Python iff it has a '.' or exponent
            out.append(isFloat ? floatRepr(n.doubleValue()) : text);
        }
    }

    private static void indent(StringBuilder out, int level) {
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    private static void writeRepr(@Nullable Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof String s) {
            writeStringRepr(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : floatRepr(d));
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof byte[] bytes) {
            out.append('<').append(bytes.length).append(" bytes>");
        } else if (depth > 16) {
            out.append("...");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                writeRepr(e.getKey(), out, depth + 1);
                out.append(": ");
                writeRepr(e.getValue(), out, depth + 1);
            }
            out.append('}');
        } else if (value instanceof Collection<?> || value instanceof Object[]) {
            Iterable<?> items = value instanceof Object[] array ? List.of(array) : (Collection<?>) value;
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                writeRepr(item, out, depth + 1);
            }
            out.append(']');
        } else {
            writeStringRepr(value.toString(), out);
        }
    }

    private static void writeStringRepr(String s, StringBuilder out) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == ' ' || isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp < 0x100) {
                out.append("\\x").append(Character.forDigit(cp >> 4, 16)).append(Character.forDigit(cp & 0xf, 16));
            } else if (cp < 0x10000) {
                appendHex4(out.append("\\u"), cp);
            } else {
                out.append("\\U").append(String.format("%08x", cp));
            }
        }
        out.append(quote);
    }

    /** Python's {@code str.isprintable()} for one code point (space handled by the caller). */
    private static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static StringBuilder appendHex4(StringBuilder out, int c) {
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((c >> shift) & 0xf, 16));
        }
        return out;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
