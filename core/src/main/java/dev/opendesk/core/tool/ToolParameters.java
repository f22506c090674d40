package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.opendesk.core.model.OpendeskException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tool's parameters, declared once: they give both the JSON Schema the tool publishes
 * ({@link #schema()}) and the strict parsing of the arguments it receives ({@link #parse}).
 *
 * <p>Parsing refuses parameters that are not declared (spec/surface.md §1.0: the models forbid
 * extra fields), missing required ones, wrong types and values outside an enum, each with an
 * {@code invalid_argument} error that says which parameter and why. JSON {@code null} counts as
 * "not given". Like the reference's lax models, a number written as a string ({@code "5"}) is
 * accepted for a number, and {@code "true"}/{@code "false"} for a boolean.
 */
public final class ToolParameters {
    /** The JSON type of a parameter. */
    public enum Type {
        STRING("string"),
        INTEGER("integer"),
        NUMBER("number"),
        BOOLEAN("boolean"),
        INTEGER_ARRAY("array"),
        STRING_ARRAY("array");

        private final String json;

        Type(String json) {
            this.json = json;
        }

        /** The JSON Schema type name. */
        public String json() {
            return json;
        }
    }

    /**
     * One declared parameter.
     *
     * @param name the argument name
     * @param type its JSON type
     * @param description for the model
     * @param defaultValue the value when not given ({@link String}, {@link Integer}, {@link Double},
     *     {@link Boolean} or {@link List}), or null for none
     * @param enumValues the allowed strings, empty for any
     * @param required whether it must be given
     */
    public record Parameter(String name, Type type, String description, @Nullable Object defaultValue,
                            List<String> enumValues, boolean required) {
        public Parameter {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(description, "description is null");
            enumValues = List.copyOf(enumValues);
        }
    }

    private final String tool;
    private final Map<String, Parameter> parameters;
    private final JsonObject schema;

    private ToolParameters(String tool, Map<String, Parameter> parameters) {
        this.tool = tool;
        this.parameters = parameters;
        this.schema = buildSchema();
    }

    /** Starts the declaration for a tool. */
    public static Builder builder(String tool) {
        return new Builder(tool);
    }

    /** The tool these parameters belong to. */
    public String tool() {
        return tool;
    }

    /** The declared parameters, in declaration order. */
    public List<Parameter> parameters() {
        return List.copyOf(parameters.values());
    }

    /** The JSON Schema: type object, its properties, required names, no additional properties. A fresh copy. */
    public JsonObject schema() {
        return schema.deepCopy();
    }

    private JsonObject buildSchema() {
        JsonObject properties = new JsonObject();
        JsonArray required = new JsonArray();
        for (Parameter p : parameters.values()) {
            JsonObject property = new JsonObject();
            property.addProperty("type", p.type().json());
            if (p.type() == Type.INTEGER_ARRAY || p.type() == Type.STRING_ARRAY) {
                JsonObject items = new JsonObject();
                items.addProperty("type", p.type() == Type.INTEGER_ARRAY ? "integer" : "string");
                property.add("items", items);
            }
            property.addProperty("description", p.description());
            if (!p.enumValues().isEmpty()) {
                JsonArray values = new JsonArray();
                p.enumValues().forEach(values::add);
                property.add("enum", values);
            }
            if (p.defaultValue() != null) {
                property.add("default", toJson(p.defaultValue()));
            }
            properties.add(p.name(), property);
            if (p.required()) {
                required.add(p.name());
            }
        }
        JsonObject root = new JsonObject();
        root.addProperty("type", "object");
        root.add("properties", properties);
        root.add("required", required);
        root.addProperty("additionalProperties", false);
        return root;
    }

    private static JsonElement toJson(Object value) {
        if (value instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(item -> array.add(toJson(requireNonNull(item))));
            return array;
        }
        throw new IllegalArgumentException("unsupported default " + value);
    }

    /**
     * Checks and converts a call's arguments.
     *
     * @param arguments the JSON object the agent sent (may be empty)
     * @throws OpendeskException {@code invalid_argument} naming the parameter and the reason
     */
    public ToolArguments parse(JsonObject arguments) {
        requireNonNull(arguments, "arguments is null");
        for (String key : arguments.keySet()) {
            if (!parameters.containsKey(key)) {
                throw OpendeskException.invalidArgument("unknown parameter '" + key + "' for tool '" + tool
                        + "'; accepted: " + String.join(", ", parameters.keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        JsonObject given = new JsonObject();
        for (Parameter p : parameters.values()) {
            JsonElement element = arguments.get(p.name());
            if (element == null || element instanceof JsonNull) {
                if (p.required()) {
                    throw OpendeskException.invalidArgument("missing required parameter '" + p.name() + "' for tool '"
                            + tool + "'");
                }
                if (p.defaultValue() != null) {
                    values.put(p.name(), p.defaultValue());
                }
                continue;
            }
            values.put(p.name(), convert(p, element));
            given.add(p.name(), element.deepCopy());
        }
        return new ToolArguments(tool, values, given);
    }

    private Object convert(Parameter p, JsonElement element) {
        return switch (p.type()) {
            case STRING -> {
                String s = string(p, element);
                if (!p.enumValues().isEmpty() && !p.enumValues().contains(s)) {
                    throw invalid(p, "must be one of " + String.join(", ", p.enumValues()) + ", got '" + s + "'");
                }
                yield s;
            }
            case INTEGER -> integer(p, element);
            case NUMBER -> number(p, element);
            case BOOLEAN -> bool(p, element);
            case INTEGER_ARRAY, STRING_ARRAY -> {
                if (!element.isJsonArray()) {
                    throw invalid(p, "must be an array, got " + element);
                }
                List<Object> list = new ArrayList<>();
                for (JsonElement item : element.getAsJsonArray()) {
                    if (item instanceof JsonNull) {
                        throw invalid(p, "must not contain null");
                    }
                    list.add(p.type() == Type.INTEGER_ARRAY ? integer(p, item) : string(p, item));
                }
                yield List.copyOf(list);
            }
        };
    }

    private String string(Parameter p, JsonElement element) {
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
            return element.getAsString();
        }
        throw invalid(p, "must be a string, got " + element);
    }

    private int integer(Parameter p, JsonElement element) {
        double value = numeric(p, element, "an integer");
        if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(p, "must be an integer, got " + element);
        }
        return (int) value;
    }

    private double number(Parameter p, JsonElement element) {
        return numeric(p, element, "a number");
    }

    private double numeric(Parameter p, JsonElement element, String what) {
        if (element.isJsonPrimitive()) {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            try {
                if (primitive.isNumber()) {
                    double d = primitive.getAsDouble();
                    if (Double.isFinite(d)) {
                        return d;
                    }
                } else if (primitive.isString()) {
                    double d = Double.parseDouble(primitive.getAsString().strip());
                    if (Double.isFinite(d)) {
                        return d;
                    }
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw invalid(p, "must be " + what + ", got " + element);
    }

    private boolean bool(Parameter p, JsonElement element) {
        if (element.isJsonPrimitive()) {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            if (primitive.isBoolean()) {
                return primitive.getAsBoolean();
            }
            if (primitive.isString()) {
                String s = primitive.getAsString().strip().toLowerCase(Locale.ROOT);
                if (s.equals("true")) {
                    return true;
                }
                if (s.equals("false")) {
                    return false;
                }
            }
        }
        throw invalid(p, "must be a boolean, got " + element);
    }

    private OpendeskException invalid(Parameter p, String reason) {
        return OpendeskException.invalidArgument("invalid value for parameter '" + p.name() + "' of tool '" + tool
                + "': " + reason);
    }

    /** Declares parameters in order; names are unique. */
    public static final class Builder {
        private final String tool;
        private final Map<String, Parameter> parameters = new LinkedHashMap<>();

        private Builder(String tool) {
            this.tool = requireNonNull(tool, "tool is null");
        }

        /** Adds any parameter. */
        public Builder add(Parameter parameter) {
            if (parameters.putIfAbsent(parameter.name(), parameter) != null) {
                throw new IllegalArgumentException("duplicate parameter " + parameter.name());
            }
            return this;
        }

        /** A required string that must be one of {@code values}. */
        public Builder requiredEnum(String name, String description, String... values) {
            return add(new Parameter(name, Type.STRING, description, null, List.of(values), true));
        }

        /** An optional string that must be one of {@code values}, with a default (or null for none). */
        public Builder optionalEnum(String name, String description, @Nullable String defaultValue, String... values) {
            return add(new Parameter(name, Type.STRING, description, defaultValue, List.of(values), false));
        }

        /** A required string. */
        public Builder requiredString(String name, String description) {
            return add(new Parameter(name, Type.STRING, description, null, List.of(), true));
        }

        /** An optional string, with a default (or null for none). */
        public Builder string(String name, String description, @Nullable String defaultValue) {
            return add(new Parameter(name, Type.STRING, description, defaultValue, List.of(), false));
        }

        /** An optional integer, with a default (or null for none). */
        public Builder integer(String name, String description, @Nullable Integer defaultValue) {
            return add(new Parameter(name, Type.INTEGER, description, defaultValue, List.of(), false));
        }

        /** An optional number, with a default (or null for none). */
        public Builder number(String name, String description, @Nullable Double defaultValue) {
            return add(new Parameter(name, Type.NUMBER, description, defaultValue, List.of(), false));
        }

        /** An optional boolean with a default. */
        public Builder bool(String name, String description, boolean defaultValue) {
            return add(new Parameter(name, Type.BOOLEAN, description, defaultValue, List.of(), false));
        }

        /** An optional array of integers, no default. */
        public Builder integers(String name, String description) {
            return add(new Parameter(name, Type.INTEGER_ARRAY, description, null, List.of(), false));
        }

        /** An optional array of strings, with a default (or null for none). */
        public Builder strings(String name, String description, @Nullable List<String> defaultValue) {
            return add(new Parameter(name, Type.STRING_ARRAY, description, defaultValue, List.of(), false));
        }

        /** The declaration. */
        public ToolParameters build() {
            return new ToolParameters(tool, new LinkedHashMap<>(parameters));
        }
    }
}
