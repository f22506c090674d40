package dev.opendesk.core.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON exactly as Python's {@code json.dumps(obj, indent=2, sort_keys=True)} does:
 * 2-space indent, {@code ", "}-free separators ({@code ",\n"} and {@code ": "}), keys sorted,
 * non-ASCII escaped as {@code \\uXXXX} (lowercase hex), floats in Python {@code repr} form
 * ({@code 1700000000.123}, {@code 0.0}, {@code 1e+16}), no trailing newline.
 */
final class PythonJson {
    private PythonJson() {}

    static String dump(JsonElement element) {
        StringBuilder out = new StringBuilder();
        write(element, out, 0);
        return out.toString();
    }

    private static void write(JsonElement element, StringBuilder out, int level) {
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
                write(item, out, level + 1);
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
            entries.sort(Map.Entry.comparingByKey());
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> entry : entries) {
                out.append(first ? "\n" : ",\n");
                first = false;
                indent(out, level + 1);
                writeString(entry.getKey(), out);
                out.append(": ");
                write(entry.getValue(), out, level + 1);
            }
            out.append('\n');
            indent(out, level);
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
            if (n instanceof Double || n instanceof Float) {
                out.append(floatRepr(n.doubleValue()));
            } else {
                out.append(n.toString());
            }
        }
    }

    private static void indent(StringBuilder out, int level) {
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    static void writeString(String s, StringBuilder out) {
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
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr(float)} (as {@code json.dumps} writes floats). */
    static String floatRepr(double d) {
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
}
