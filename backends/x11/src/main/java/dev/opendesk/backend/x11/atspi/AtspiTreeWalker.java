package dev.opendesk.backend.x11.atspi;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.UIElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.freedesktop.dbus.types.UInt32;
import org.jspecify.annotations.Nullable;

/**
 * Reads accessible objects breadth first, one level at a time: every request of a level is put on
 * the wire before the first reply is awaited, so a level costs about one round trip per
 * application instead of one per property. A walk stops at its {@link AtspiLimits} (elements,
 * children per element, wall time) and treats an application that misses a call timeout as hung.
 */
final class AtspiTreeWalker {
    // AtspiStateType of at-spi2-core's atspi-constants.h
    static final int STATE_ACTIVE = 1;
    static final int STATE_DEFUNCT = 6;
    static final int STATE_EDITABLE = 7;
    static final int STATE_ENABLED = 8;
    static final int STATE_FOCUSED = 12;
    static final int STATE_SENSITIVE = 24;
    static final int STATE_SHOWING = 25;

    /** At most this many actions are read per element. */
    private static final int MAX_ACTIONS = 10;

    private final AtspiBus bus;
    private final AtspiLimits limits;

    AtspiTreeWalker(AtspiBus bus, AtspiLimits limits) {
        this.bus = requireNonNull(bus, "bus is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    /** One accessible object as read so far. */
    static final class Node {
        final AccessibleRef ref;
        final int depth;
        @Nullable String app;
        boolean read;
        String role = "";
        String name = "";
        long states;
        List<String> interfaces = List.of();
        List<AccessibleRef> childRefs = List.of();
        @Nullable Rect bounds;
        @Nullable String text;
        @Nullable Double value;
        int actionCount;
        /** Action names by DoAction index ("" where a name could not be read). */
        final List<String> actions = new ArrayList<>();
        final List<Node> children = new ArrayList<>();

        Node(AccessibleRef ref, int depth, @Nullable String app) {
            this.ref = ref;
            this.depth = depth;
            this.app = app;
        }

        boolean has(int state) {
            return (states & (1L << state)) != 0;
        }

        boolean implementsInterface(String name) {
            return interfaces.contains(name);
        }
    }

    /** What a walk read, and why it stopped early (empty when it did not). */
    static final class Walk {
        final Node root;
        final Set<String> truncated = new LinkedHashSet<>();
        int nodes;

        Walk(Node root) {
            this.root = root;
        }
    }

    /**
     * Walks the tree below {@code root} down to {@code maxDepth} levels, reading everything an
     * element carries.
     *
     * @param app the application name for the elements' metadata, or null when walking the desktop
     *     (each application names its own subtree)
     */
    Walk walk(AccessibleRef root, int maxDepth, @Nullable String app) {
        return run(root, maxDepth, app, true, node -> { });
    }

    /**
     * Walks the tree below {@code root} reading only roles, names and children, and hands every
     * element read to {@code visitor} (used to find an element again).
     */
    Walk scan(AccessibleRef root, int maxDepth, @Nullable String app, Consumer<Node> visitor) {
        return run(root, maxDepth, app, false, visitor);
    }

    /** Reads everything one object carries. */
    Node inspect(AccessibleRef ref, @Nullable String app) {
        Node node = new Node(ref, 0, app);
        Deadline deadline = new Deadline(System.nanoTime() + limits.walkTime().toNanos());
        readBasics(List.of(node), false, deadline);
        readDetails(List.of(node), deadline);
        return node;
    }

    private Walk run(AccessibleRef rootRef, int maxDepth, @Nullable String app, boolean details, Consumer<Node> visitor) {
        Node root = new Node(rootRef, 0, app);
        Walk walk = new Walk(root);
        Deadline deadline = new Deadline(System.nanoTime() + limits.walkTime().toNanos());
        List<Node> level = List.of(root);
        walk.nodes = 1;
        while (!level.isEmpty()) {
            readBasics(level, level.get(0).depth < maxDepth, deadline);
            if (details) {
                readDetails(level, deadline);
            }
            List<Node> next = new ArrayList<>();
            for (Node node : level) {
                if (!node.read) {
                    continue;
                }
                visitor.accept(node);
                List<AccessibleRef> refs = node.childRefs;
                if (refs.size() > limits.maxChildren()) {
                    refs = refs.subList(0, limits.maxChildren());
                    walk.truncated.add("max_children");
                }
                for (AccessibleRef ref : refs) {
                    if (ref.isNull()) {
                        continue;
                    }
                    if (walk.nodes >= limits.maxNodes()) {
                        walk.truncated.add("max_nodes");
                        break;
                    }
                    walk.nodes++;
                    // below the desktop, each application names its own subtree
                    Node child = new Node(ref, node.depth + 1, node.app);
                    node.children.add(child);
                    next.add(child);
                }
            }
            if (deadline.passed()) {
                walk.truncated.add("time");
                break;
            }
            level = next;
        }
        prune(root);
        if (deadline.hung) {
            walk.truncated.add("timeout");
        }
        return walk;
    }

    /** Drops children that could not be read (gone, hung, or cut off by the deadline). */
    private static void prune(Node node) {
        node.children.removeIf(child -> !child.read);
        for (Node child : node.children) {
            prune(child);
        }
    }

    // ---------------------------------------------------------------- reading

    /** The walk's deadline and the applications that stopped answering. */
    private static final class Deadline {
        final long nanos;
        final Set<String> hungBuses = new HashSet<>();
        boolean hung;

        Deadline(long nanos) {
            this.nanos = nanos;
        }

        boolean passed() {
            return System.nanoTime() >= nanos;
        }
    }

    /** A request on the wire and what to do with its answer. */
    private record Ask(Node node, AtspiBus.Pending pending, Consumer<@Nullable Object> sink) {
    }

    private void readBasics(List<Node> level, boolean withChildren, Deadline deadline) {
        List<Ask> asks = new ArrayList<>();
        for (Node node : level) {
            if (skip(node, deadline)) {
                continue;
            }
            AccessibleRef ref = node.ref;
            ask(asks, node, () -> bus.start(ref, AtspiDbus.Accessible.class, "GetLocalizedRoleName"),
                    v -> node.role = v instanceof String s ? s : "");
            ask(asks, node, () -> bus.startProperty(ref, AtspiDbus.ACCESSIBLE, "Name"),
                    v -> node.name = v instanceof String s ? s : "");
            ask(asks, node, () -> bus.start(ref, AtspiDbus.Accessible.class, "GetState"),
                    v -> node.states = states(v));
            ask(asks, node, () -> bus.start(ref, AtspiDbus.Accessible.class, "GetInterfaces"),
                    v -> node.interfaces = strings(v));
            if (withChildren) {
                ask(asks, node, () -> bus.start(ref, AtspiDbus.Accessible.class, "GetChildren"),
                        v -> node.childRefs = references(v));
            }
        }
        Set<Node> answered = collect(asks, deadline);
        for (Node node : level) {
            // an object that answered nothing is gone (or its application hung)
            node.read = answered.contains(node) && !node.has(STATE_DEFUNCT);
            if (node.read && node.app == null && node.depth > 0 && node.ref.path().equals(AtspiDbus.ROOT_PATH)) {
                node.app = node.name; // an application below the desktop names its subtree
            }
        }
    }

    private void readDetails(List<Node> level, Deadline deadline) {
        List<Ask> asks = new ArrayList<>();
        for (Node node : level) {
            if (!node.read || skip(node, deadline)) {
                continue;
            }
            AccessibleRef ref = node.ref;
            if (node.implementsInterface(AtspiDbus.COMPONENT)) {
                ask(asks, node, () -> bus.start(ref, AtspiDbus.Component.class, "GetExtents", AtspiDbus.COORD_SCREEN),
                        v -> node.bounds = bounds(v));
            }
            if (node.implementsInterface(AtspiDbus.TEXT)) {
                ask(asks, node, () -> bus.start(ref, AtspiDbus.Text.class, "GetText", 0, limits.maxTextLength()),
                        v -> node.text = v instanceof String s ? s : null);
            }
            if (node.implementsInterface(AtspiDbus.VALUE)) {
                ask(asks, node, () -> bus.startProperty(ref, AtspiDbus.VALUE, "CurrentValue"),
                        v -> node.value = v instanceof Number n ? n.doubleValue() : null);
            }
            if (node.implementsInterface(AtspiDbus.ACTION)) {
                ask(asks, node, () -> bus.startProperty(ref, AtspiDbus.ACTION, "NActions"),
                        v -> node.actionCount = v instanceof Number n ? n.intValue() : 0);
            }
        }
        collect(asks, deadline);
        asks.clear();
        Map<Node, @Nullable String[]> actionNames = new LinkedHashMap<>();
        for (Node node : level) {
            if (!node.read || skip(node, deadline)) {
                continue;
            }
            int count = Math.min(node.actionCount, MAX_ACTIONS);
            String[] names = new String[count];
            actionNames.put(node, names);
            for (int i = 0; i < count; i++) {
                int index = i;
                ask(asks, node, () -> bus.start(node.ref, AtspiDbus.Action.class, "GetName", index),
                        v -> names[index] = v instanceof String s ? s : null);
            }
        }
        collect(asks, deadline);
        actionNames.forEach((node, names) -> {
            node.actions.clear();
            for (String name : names) {
                node.actions.add(name == null ? "" : name); // keeps each name at its DoAction index
            }
        });
    }

    private interface Starter {
        AtspiBus.Pending start();
    }

    private static void ask(List<Ask> asks, Node node, Starter starter, Consumer<@Nullable Object> sink) {
        try {
            asks.add(new Ask(node, starter.start(), sink));
        } catch (AtspiException e) {
            // could not even be sent: the field stays empty
        }
    }

    private static boolean skip(Node node, Deadline deadline) {
        return deadline.passed() || deadline.hungBuses.contains(node.ref.busName());
    }

    /** Awaits every ask in order; returns the nodes that answered at least one. */
    private Set<Node> collect(List<Ask> asks, Deadline deadline) {
        Set<Node> answered = new HashSet<>();
        for (Ask ask : asks) {
            if (skip(ask.node(), deadline)) {
                continue;
            }
            try {
                Object value = bus.await(ask.pending(), deadline.nanos);
                ask.sink().accept(value);
                answered.add(ask.node());
            } catch (AtspiException e) {
                if (e.timedOut() && !deadline.passed()) {
                    deadline.hungBuses.add(ask.node().ref.busName());
                    deadline.hung = true;
                }
            } catch (RuntimeException e) {
                // an answer of an unexpected shape: the field stays empty
            }
        }
        return answered;
    }

    // ---------------------------------------------------------------- conversions

    static long states(@Nullable Object value) {
        long bits = 0;
        if (value instanceof List<?> words) {
            for (int i = 0; i < words.size() && i < 2; i++) {
                if (words.get(i) instanceof Number n) {
                    bits |= (n.longValue() & 0xffffffffL) << (32 * i);
                }
            }
        } else if (value instanceof UInt32[] words) {
            for (int i = 0; i < words.length && i < 2; i++) {
                bits |= (words[i].longValue() & 0xffffffffL) << (32 * i);
            }
        }
        return bits;
    }

    private static List<String> strings(@Nullable Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s) {
                    result.add(s);
                }
            }
        } else if (value instanceof String[] array) {
            result.addAll(List.of(array));
        }
        return result;
    }

    private static List<AccessibleRef> references(@Nullable Object value) {
        List<AccessibleRef> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof AtspiDbus.ObjectReference reference) {
                    result.add(AccessibleRef.of(reference));
                }
            }
        }
        return result;
    }

    /** Screen extents as bounds; none for AT-SPI's "unknown" (-1s) or an empty area. */
    static @Nullable Rect bounds(@Nullable Object value) {
        if (!(value instanceof AtspiDbus.Extents e)) {
            return null;
        }
        if (e.getWidth() <= 0 || e.getHeight() <= 0 || (e.getX() == -1 && e.getY() == -1 && e.getWidth() == -1)) {
            return null;
        }
        if (e.getX() <= -(1 << 20) || e.getY() <= -(1 << 20)) {
            return null; // GTK's "not placed yet" (G_MININT) positions
        }
        return new Rect(e.getX(), e.getY(), e.getWidth(), e.getHeight());
    }

    // ---------------------------------------------------------------- mapping

    /** The element of a walked node and everything read below it. */
    static UIElement toElement(Node node) {
        List<UIElement> children = new ArrayList<>(node.children.size());
        for (Node child : node.children) {
            children.add(toElement(child));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (node.app != null) {
            metadata.put("app", node.app);
        }
        if (node.states != 0 && !node.has(STATE_SHOWING) && node.depth > 0) {
            metadata.put("showing", false);
        }
        String role = node.role.isEmpty() ? (node.depth == 0 ? "root" : "unknown") : node.role;
        boolean enabled = node.states == 0 || node.has(STATE_ENABLED) || node.has(STATE_SENSITIVE);
        return new UIElement(role, node.name, value(node), node.bounds, node.has(STATE_FOCUSED), enabled,
                actions(node), children, metadata);
    }

    /** Value interface first, then text content when it is not just the name (a label's text is its name). */
    private static @Nullable String value(Node node) {
        if (node.value != null) {
            double v = node.value;
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        if (node.text != null) {
            boolean editable = node.implementsInterface(AtspiDbus.EDITABLE_TEXT);
            if (editable || (!node.text.isEmpty() && !node.text.equals(node.name))) {
                return node.text;
            }
        }
        return null;
    }

    /**
     * The element's actions: the toolkit's own names (lower case, as AT-SPI's Action.GetName
     * gives them: {@code click}, {@code press}, {@code activate}, {@code toggle}, …), plus
     * {@code type} when its text is editable.
     */
    private static List<String> actions(Node node) {
        Set<String> actions = new LinkedHashSet<>();
        for (String action : node.actions) {
            if (!action.isBlank()) {
                actions.add(action.toLowerCase(Locale.ROOT));
            }
        }
        if (node.implementsInterface(AtspiDbus.EDITABLE_TEXT) && (node.states == 0 || node.has(STATE_EDITABLE))) {
            actions.add("type");
        }
        return List.copyOf(actions);
    }
}
