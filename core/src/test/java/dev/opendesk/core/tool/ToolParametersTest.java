package dev.opendesk.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ToolParametersTest {
    private static final ToolParameters PARAMS = ToolParameters.builder("demo")
            .requiredEnum("action", "what", "a", "b")
            .integer("x", "x", 0)
            .integer("maybe", "optional", null)
            .number("d", "d", 0.25)
            .bool("flag", "flag", false)
            .integers("region", "region")
            .strings("keys", "keys", List.of())
            .string("text", "text", null)
            .build();

    @Test
    void schemaIsADraft07ObjectWithPropertiesRequiredAndNoExtras() {
        JsonObject schema = PARAMS.schema();
        assertThat(schema.get("type").getAsString()).isEqualTo("object");
        assertThat(schema.get("additionalProperties").getAsBoolean()).isFalse();
        assertThat(schema.getAsJsonArray("required")).hasSize(1);
        assertThat(schema.getAsJsonArray("required").get(0).getAsString()).isEqualTo("action");
        JsonObject props = schema.getAsJsonObject("properties");
        assertThat(props.keySet()).containsExactly("action", "x", "maybe", "d", "flag", "region", "keys", "text");
        assertThat(props.getAsJsonObject("action").getAsJsonArray("enum")).hasSize(2);
        assertThat(props.getAsJsonObject("x").get("type").getAsString()).isEqualTo("integer");
        assertThat(props.getAsJsonObject("x").get("default").getAsInt()).isZero();
        assertThat(props.getAsJsonObject("maybe").has("default")).isFalse();
        assertThat(props.getAsJsonObject("region").getAsJsonObject("items").get("type").getAsString()).isEqualTo("integer");
        assertThat(props.getAsJsonObject("keys").get("type").getAsString()).isEqualTo("array");
        assertThat(props.getAsJsonObject("d").get("type").getAsString()).isEqualTo("number");
        assertThat(props.getAsJsonObject("flag").get("type").getAsString()).isEqualTo("boolean");
    }

    @Test
    void unknownParameterIsRefusedNamingItAndTheAcceptedOnes() {
        assertThatThrownBy(() -> PARAMS.parse(ToolFixtures.json("{\"action\":\"a\",\"bogus\":1}")))
                .isInstanceOf(OpendeskException.class)
                .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("unknown parameter 'bogus' for tool 'demo'; accepted: action, x, maybe, d, flag, region, keys, text");
    }

    @Test
    void missingRequiredWrongTypesAndBadEnumValuesAreRefused() {
        assertThatThrownBy(() -> PARAMS.parse(new JsonObject())).hasMessage("missing required parameter 'action' for tool 'demo'");
        assertThatThrownBy(() -> PARAMS.parse(ToolFixtures.json("{\"action\":\"c\"}")))
                .hasMessageContaining("'action'").hasMessageContaining("must be one of a, b");
        assertThatThrownBy(() -> PARAMS.parse(ToolFixtures.json("{\"action\":\"a\",\"x\":1.5}")))
                .hasMessageContaining("'x'").hasMessageContaining("must be an integer");
        assertThatThrownBy(() -> PARAMS.parse(ToolFixtures.json("{\"action\":\"a\",\"x\":\"abc\"}")))
                .hasMessageContaining("must be an integer");
        assertThatThrownBy(() -> PARAMS.parse(ToolFixtures.json("{\"action\":\"a\",\"flag\":\"maybe\"}")))
                .hasMessageContaining("must be a boolean");
        assertThatThrownBy(() -> PARAMS.parse(ToolFixtures.json("{\"action\":\"a\",\"text\":5}")))
                .hasMessageContaining("must be a string");
        assertThatThrownBy(() -> PARAMS.parse(ToolFixtures.json("{\"action\":\"a\",\"region\":5}")))
                .hasMessageContaining("must be an array");
        assertThatThrownBy(() -> PARAMS.parse(ToolFixtures.json("{\"action\":1}")))
                .isInstanceOf(OpendeskException.class);
    }

    @Test
    void defaultsNullsAndLaxNumbers() {
        ToolArguments args = PARAMS.parse(ToolFixtures.json(
                "{\"action\":\"b\",\"x\":\"7\",\"maybe\":null,\"d\":2,\"flag\":\"true\",\"region\":[1,2.0,3,4]}"));
        assertThat(args.string("action")).isEqualTo("b");
        assertThat(args.integer("x")).isEqualTo(7);
        assertThat(args.optionalInteger("maybe")).isEmpty();
        assertThat(args.number("d")).isEqualTo(2.0);
        assertThat(args.bool("flag")).isTrue();
        assertThat(args.optionalIntegers("region")).contains(List.of(1, 2, 3, 4));
        assertThat(args.strings("keys")).isEmpty();
        assertThat(args.optionalString("text")).isEmpty();
        assertThat(args.given().keySet()).containsExactly("action", "x", "d", "flag", "region");
        ToolArguments defaults = PARAMS.parse(ToolFixtures.json("{\"action\":\"a\"}"));
        assertThat(defaults.integer("x")).isZero();
        assertThat(defaults.number("d")).isEqualTo(0.25);
        assertThat(defaults.bool("flag")).isFalse();
    }
}
