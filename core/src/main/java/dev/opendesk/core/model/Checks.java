package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the records of this package. */
final class Checks {
    private Checks() {}

    static String nonBlank(String value, String name) {
        requireNonNull(value, name + " is null");
        if (value.isBlank()) {
            throw OpendeskException.invalidArgument(name + " must not be blank");
        }
        return value;
    }

    static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw OpendeskException.invalidArgument(name + " must be a finite number, got " + value);
        }
        return value;
    }

    static @Nullable Double finiteOrNull(@Nullable Double value, String name) {
        if (value != null) {
            finite(value, name);
        }
        return value;
    }

    static double nonNegative(double value, String name) {
        finite(value, name);
        if (value < 0) {
            throw OpendeskException.invalidArgument(name + " must not be negative, got " + value);
        }
        return value;
    }

    static long nonNegative(long value, String name) {
        if (value < 0) {
            throw OpendeskException.invalidArgument(name + " must not be negative, got " + value);
        }
        return value;
    }

    static @Nullable Long nonNegativeOrNull(@Nullable Long value, String name) {
        if (value != null) {
            nonNegative(value.longValue(), name);
        }
        return value;
    }

    static int positive(int value, String name) {
        if (value <= 0) {
            throw OpendeskException.invalidArgument(name + " must be positive, got " + value);
        }
        return value;
    }

    /** An unmodifiable copy; a null list or element throws NullPointerException. */
    static <T> List<T> list(List<T> list, String name) {
        requireNonNull(list, name + " is null");
        List<T> copy = new ArrayList<>(list.size());
        for (T element : list) {
            copy.add(requireNonNull(element, name + " contains null"));
        }
        return Collections.unmodifiableList(copy);
    }

    /** An unmodifiable copy in insertion order; a null map, key or value throws NullPointerException. */
    static <V> Map<String, V> map(Map<String, V> map, String name) {
        requireNonNull(map, name + " is null");
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(
                requireNonNull(key, name + " contains a null key"),
                requireNonNull(value, name + " contains a null value for key '" + key + "'")));
        return Collections.unmodifiableMap(copy);
    }

    /** The current time as Unix seconds, the unit of every wire timestamp. */
    static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
