package dev.opendesk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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
    void emptyContainersAndEscapes() {
        assertThat(PythonJson.dump(new JsonArray())).isEqualTo("[]");
        JsonObject o = new JsonObject();
        o.add("b", new JsonArray());
        o.add("a", new JsonObject());
        o.addProperty("c", "tab\tctl\u0001del\u007f😀");
        assertThat(PythonJson.dump(o)).isEqualTo(
                "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": \"tab\\tctl\\u0001del\\u007f\\ud83d\\ude00\"\n}");
    }
}
