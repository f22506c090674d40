package dev.opendesk.core.tool;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Rect;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small text helpers shared by the tools, matching the reference's f-strings. */
final class ToolText {
    private ToolText() {}

    /** The first {@code max} code points of {@code text}, plus {@code ellipsis} if it was longer. */
    static String truncate(String text, int max, String ellipsis) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)) + ellipsis;
    }

    /** Python's {@code len()} of a string: code points. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Python's {@code repr()} of a float, for the simple values tools print ({@code 1.0}, {@code 0.25}). */
    static String pythonFloat(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e16) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return Double.toString(value);
    }

    /** Python's {@code repr()} of a list of strings: {@code ['a', 'b']}. */
    static String pythonList(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    /** A list of ints as Python prints it: {@code [1, 2, 3, 4]}. */
    static String intList(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A rectangle as {@code [x, y, w, h]} with whole numbers. */
    static String rect(Rect r) {
        return "[" + Math.round(r.x()) + ", " + Math.round(r.y()) + ", " + Math.round(r.width()) + ", "
                + Math.round(r.height()) + "]";
    }

    /** A point as {@code (x, y)} with whole numbers. */
    static String point(double x, double y) {
        return "(" + Math.round(x) + ", " + Math.round(y) + ")";
    }

    /**
     * The message of a Computer failure for an error result; a policy's denial is thrown on so
     * that it surfaces as {@code permission_denied}, like the context's own check.
     */
    static String failureMessage(RuntimeException e) {
        if (e instanceof OpendeskException oe && oe.code() == ErrorCode.PERMISSION_DENIED) {
            throw oe;
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
