package dev.opendesk.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PythonJsonTest {

    @Test
    void floatsLikePythonRepr() {
        assertThat(PythonJson.floatRepr(1700000000.123)).isEqualTo("1700000000.123");
        assertThat(PythonJson.floatRepr(1715512345.6789012)).isEqualTo("1715512345.6789012");
        assertThat(PythonJson.floatRepr(0.0)).isEqualTo("0.0");
        assertThat(PythonJson.floatRepr(-0.0)).isEqualTo("-0.0");
        assertThat(PythonJson.floatRepr(5)).isEqualTo("5.0");
        assertThat(PythonJson.floatRepr(0.1)).isEqualTo("0.1");
        assertThat(PythonJson.floatRepr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonJson.floatRepr(0.00001)).isEqualTo("1e-05");
        assertThat(PythonJson.floatRepr(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(PythonJson.floatRepr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PythonJson.floatRepr(1e16)).isEqualTo("1e+16");
        assertThat(PythonJson.floatRepr(-2.5e100)).isEqualTo("-2.5e+100");
        assertThat(PythonJson.floatRepr(123456789.0)).isEqualTo("123456789.0");
    }

    @Test
    void indentedEmptyContainersAndEscapes() {
        assertThat(PythonJson.dumpIndented(new JsonArray())).isEqualTo("[]");
        JsonObject o = new JsonObject();
        o.add("b", new JsonArray());
        o.add("a", new JsonObject());
        o.addProperty("c", "tab\tctl\u0001del\u007f😀");
        assertThat(PythonJson.dumpIndented(o)).isEqualTo(
                "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": \"tab\\tctl\\u0001del\\u007f\\ud83d\\ude00\"\n}");
    }

    @Test
    void compactMatchesPythonSortKeys() {
        // python3: json.dumps({"b":[1,2.5,None,True],"a":{"z":"é😀\x7f\t","y":1e16},"ü":0.1}, sort_keys=True)
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", "é😀\u007f\t");
        inner.put("y", 1e16);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", Arrays.asList(1L, 2.5, null, true));
        outer.put("a", inner);
        outer.put("ü", 0.1);
        String expected = "{\"a\": {\"y\": 1e+16, \"z\": \"\\u00e9\\ud83d\\ude00\\u007f\\t\"}, "
                + "\"b\": [1, 2.5, null, true], \"\\u00fc\": 0.1}";
        assertThat(PythonJson.dumpCompact(outer)).isEqualTo(expected);
        // the same through Gson's tree
        assertThat(PythonJson.dumpCompact(JsonParser.parseString(
                "{\"b\":[1,2.5,null,true],\"a\":{\"z\":\"é😀\u007f\\t\",\"y\":1e16},\"ü\":0.1}")))
                .isEqualTo(expected);
    }

    @Test
    void compactEdgeCases() {
        assertThat(PythonJson.dumpCompact(Map.of())).isEqualTo("{}");
        assertThat(PythonJson.dumpCompact(List.of())).isEqualTo("[]");
        assertThat(PythonJson.dumpCompact(null)).isEqualTo("null");
        assertThat(PythonJson.dumpCompact(3.0)).isEqualTo("3.0");
        assertThat(PythonJson.dumpCompact(7)).isEqualTo("7");
        assertThat(PythonJson.dumpCompact(new byte[] {1, 2, 3})).isEqualTo("\"<3 bytes>\"");
        assertThat(PythonJson.dumpCompact("q\"b\\s/\r\n\b\f")).isEqualTo("\"q\\\"b\\\\s/\\r\\n\\b\\f\"");
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("k", null);
        assertThat(PythonJson.dumpCompact(withNull)).isEqualTo("{\"k\": null}");
    }

    @Test
    void keysSortByCodePointLikePython() {
        // U+FF5E (BMP, above the surrogate range) sorts before U+1F600 in Python, after it in UTF-16 order.
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("😀", 1L);
        m.put("～", 2L);
        assertThat(PythonJson.dumpCompact(m)).isEqualTo("{\"\\uff5e\": 2, \"\\ud83d\\ude00\": 1}");
    }

    @Test
    void reprLikePython() {
        // python3: repr("it's \x00\u200b\ue000\U0001F600 ok"), repr('a"b\'c')
        assertThat(PythonJson.pythonRepr("it's \u0000\u200b\ue000😀 ok")).isEqualTo("\"it's \\x00\\u200b\\ue000😀 ok\"");
        assertThat(PythonJson.pythonRepr("a\"b'c")).isEqualTo("'a\"b\\'c'");
        assertThat(PythonJson.pythonRepr("hello")).isEqualTo("'hello'");
        assertThat(PythonJson.pythonRepr("tab\tnl\nback\\")).isEqualTo("'tab\\tnl\\nback\\\\'");
        assertThat(PythonJson.pythonRepr("\u001b[31m\u007f")).isEqualTo("'\\x1b[31m\\x7f'");
        assertThat(PythonJson.pythonRepr(null)).isEqualTo("None");
        assertThat(PythonJson.pythonRepr(true)).isEqualTo("True");
        assertThat(PythonJson.pythonRepr(812.0)).isEqualTo("812.0");
        assertThat(PythonJson.pythonRepr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PythonJson.pythonRepr(Double.NaN)).isEqualTo("nan");
        assertThat(PythonJson.pythonRepr(12L)).isEqualTo("12");
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("x", 0.0);
        bounds.put("w", 10L);
        bounds.put("t", List.of("a", false));
        assertThat(PythonJson.pythonRepr(bounds)).isEqualTo("{'x': 0.0, 'w': 10, 't': ['a', False]}");
        assertThat(PythonJson.pythonRepr(new byte[5])).isEqualTo("<5 bytes>");
        assertThat(PythonJson.pythonStr("plain")).isEqualTo("plain");
        assertThat(PythonJson.pythonStr(410.5)).isEqualTo("410.5");
    }
}
