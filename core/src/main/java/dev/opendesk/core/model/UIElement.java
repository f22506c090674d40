package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A node of an accessibility tree (wire {@code UIElement}), recursive through {@code children}.
 * A host re-finds an element passed to {@code ui.action} by {@code (role, name, bounds)}.
 *
 * @param role backend-native role name (AX role, AT-SPI role, lower-cased UIA control type)
 * @param name accessible name (default "")
 * @param value current value, or null (wire nil)
 * @param bounds position and size in logical pixels, or null (wire nil)
 * @param focused whether it has the focus (default false)
 * @param enabled whether it is enabled (default true)
 * @param actions actions it supports, e.g. {@code click}, {@code press}, {@code toggle} (default empty)
 * @param children child elements (default empty)
 * @param metadata backend hints such as {@code {"app": name}} or {@code {"menu_path": [...]}},
 *     in insertion order; values are not deep-copied (default empty)
 */
public record UIElement(
        String role,
        String name,
        @Nullable String value,
        @Nullable Rect bounds,
        boolean focused,
        boolean enabled,
        List<String> actions,
        List<UIElement> children,
        Map<String, Object> metadata) {
    public UIElement {
        requireNonNull(role, "role is null");
        requireNonNull(name, "name is null");
        actions = Checks.list(actions, "actions");
        children = Checks.list(children, "children");
        metadata = Checks.map(metadata, "metadata");
    }

    /** An enabled element with no value, bounds, actions, children or metadata. */
    public static UIElement leaf(String role, String name) {
        return new UIElement(role, name, null, null, false, true, List.of(), List.of(), Map.of());
    }

    /** This element with other children. */
    public UIElement withChildren(List<UIElement> newChildren) {
        return new UIElement(role, name, value, bounds, focused, enabled, actions, newChildren, metadata);
    }
}
