package dev.opendesk.core.model;

/**
 * An axis-aligned rectangle in logical pixels (wire {@code Rect}).
 *
 * @param x left edge, finite
 * @param y top edge, finite
 * @param width finite, not negative
 * @param height finite, not negative
 */
public record Rect(double x, double y, double width, double height) {
    public Rect {
        Checks.finite(x, "x");
        Checks.finite(y, "y");
        Checks.nonNegative(width, "width");
        Checks.nonNegative(height, "height");
    }

    /** The centre point (where a pointer click on an element lands). */
    public Point center() {
        return new Point(x + width / 2, y + height / 2);
    }

    /** Whether the point lies inside, left/top edges inclusive and right/bottom edges exclusive. */
    public boolean contains(Point point) {
        return point.x() >= x && point.x() < x + width && point.y() >= y && point.y() < y + height;
    }
}
