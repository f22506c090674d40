package dev.opendesk.core.model;

/**
 * A position in logical pixels (wire {@code Point}).
 *
 * @param x horizontal coordinate, finite; may be negative on multi-monitor layouts
 * @param y vertical coordinate, finite
 */
public record Point(double x, double y) {
    public Point {
        Checks.finite(x, "x");
        Checks.finite(y, "y");
    }
}
