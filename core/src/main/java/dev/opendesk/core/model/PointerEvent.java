package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A low-level pointer event (wire {@code PointerEvent}). There is no click or drag on the wire:
 * see the convenience verbs of {@code Computer} for their compositions.
 *
 * @param action move, down, up or scroll
 * @param point where, in logical pixels
 * @param button the button for down/up, or null (wire nil; hosts then use left)
 * @param modifiers modifiers held (default empty)
 * @param dx horizontal scroll amount (default 0.0)
 * @param dy vertical scroll amount (default 0.0)
 * @param pressure pen pressure, or null (wire nil)
 * @param tiltX pen tilt, or null (wire nil)
 * @param tiltY pen tilt, or null (wire nil)
 * @param timestamp Unix seconds
 */
public record PointerEvent(
        PointerAction action,
        Point point,
        @Nullable MouseButton button,
        List<Modifier> modifiers,
        double dx,
        double dy,
        @Nullable Double pressure,
        @Nullable Double tiltX,
        @Nullable Double tiltY,
        double timestamp) implements InputEvent {
    public PointerEvent {
        requireNonNull(action, "action is null");
        requireNonNull(point, "point is null");
        modifiers = Checks.list(modifiers, "modifiers");
        Checks.finite(dx, "dx");
        Checks.finite(dy, "dy");
        Checks.finiteOrNull(pressure, "pressure");
        Checks.finiteOrNull(tiltX, "tiltX");
        Checks.finiteOrNull(tiltY, "tiltY");
        Checks.finite(timestamp, "timestamp");
    }

    /** Move the pointer to {@code point}, stamped now. */
    public static PointerEvent move(Point point) {
        return of(PointerAction.MOVE, point, null, 0.0, 0.0);
    }

    /** Press {@code button} at {@code point}, stamped now. */
    public static PointerEvent down(Point point, MouseButton button) {
        return of(PointerAction.DOWN, point, requireNonNull(button, "button is null"), 0.0, 0.0);
    }

    /** Release {@code button} at {@code point}, stamped now. */
    public static PointerEvent up(Point point, MouseButton button) {
        return of(PointerAction.UP, point, requireNonNull(button, "button is null"), 0.0, 0.0);
    }

    /** Scroll by {@code dx}/{@code dy} (wheel clicks or pixels) at {@code point}, stamped now. */
    public static PointerEvent scroll(Point point, double dx, double dy) {
        return of(PointerAction.SCROLL, point, null, dx, dy);
    }

    private static PointerEvent of(
            PointerAction action, Point point, @Nullable MouseButton button, double dx, double dy) {
        return new PointerEvent(action, point, button, List.of(), dx, dy, null, null, null, Checks.now());
    }
}
