package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tool call's arguments after {@link ToolParameters#parse}: converted to Java values, defaults
 * applied. A getter for a parameter that was neither given nor has a default throws
 * {@link IllegalStateException} (a bug in the tool, not the caller's fault); the optional
 * getters return empty instead.
 */
public final class ToolArguments {
    private final String tool;
    private final Map<String, Object> values;
    private final JsonObject given;

    ToolArguments(String tool, Map<String, Object> values, JsonObject given) {
        this.tool = tool;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.given = given;
    }

    /** Whether the parameter has a value (given, or by default). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The arguments the caller actually sent, nulls left out. A fresh copy. */
    public JsonObject given() {
        return given.deepCopy();
    }

    /** Every value, defaults included, in declaration order. */
    public Map<String, Object> values() {
        return values;
    }

    public String string(String name) {
        return get(name, String.class);
    }

    public Optional<String> optionalString(String name) {
        return optional(name, String.class);
    }

    public int integer(String name) {
        return get(name, Integer.class);
    }

    public Optional<Integer> optionalInteger(String name) {
        return optional(name, Integer.class);
    }

    public double number(String name) {
        Object value = require(name);
        return ((Number) value).doubleValue();
    }

    public boolean bool(String name) {
        return get(name, Boolean.class);
    }

    @SuppressWarnings("unchecked")
    public Optional<List<Integer>> optionalIntegers(String name) {
        return optional(name, List.class).map(list -> (List<Integer>) list);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) get(name, List.class);
    }

    @SuppressWarnings("unchecked")
    public Optional<List<String>> optionalStrings(String name) {
        return optional(name, List.class).map(list -> (List<String>) list);
    }

    private Object require(String name) {
        Object value = values.get(requireNonNull(name, "name is null"));
        if (value == null) {
            throw new IllegalStateException("tool '" + tool + "' has no value for '" + name + "'");
        }
        return value;
    }

    private <T> T get(String name, Class<T> type) {
        return type.cast(require(name));
    }

    private <T> Optional<T> optional(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public String toString() {
        return tool + values;
    }
}
