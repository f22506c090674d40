package dev.opendesk.backend.x11.atspi;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.UIElement;
import dev.opendesk.core.model.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ui.tree} and {@code ui.action} through AT-SPI 2. Connects to the accessibility bus on
 * first use (and again after the bus went away; a failed attempt is retried after 5 s at the
 * earliest), so constructing it costs nothing.
 *
 * <p>Trees: with an app, that application (name matched case-insensitively: exact, then prefix,
 * then substring); with a window id, the accessible window of that window: its application is
 * the one whose bus connection has the window's process id, the window the top-level element with
 * the window's title (else its bounds, else the only one); with neither, the active window (AT-SPI
 * state ACTIVE, else the desktop's focused window), else the whole desktop. Elements: role =
 * localized role name, name, value (Value.CurrentValue, else the Text content when it is not just
 * the name), bounds = screen extents, focused/enabled from the states, actions = the toolkit's
 * action names plus {@code type} for editable text, metadata {@code {"app": name}} (and
 * {@code "showing": false} for elements not on screen). A walk that hits a limit marks its root
 * with {@code "truncated": true} and {@code "truncated_reason"}: {@code max_nodes},
 * {@code max_children}, {@code time} or {@code timeout} (an application stopped answering).
 *
 * <p>Actions re-find the element by (role, name, bounds) in the app (the {@code app} argument,
 * else the element's metadata, else every application), then: {@code click}, {@code press},
 * {@code activate}, {@code toggle} (or any of the element's own action names) run the matching
 * AT-SPI action; {@code type} sets the text to the element's metadata {@code "text"} (else its
 * {@code value}) through EditableText; {@code focus} grabs the focus through Component. An element
 * with no usable action is clicked at the centre of its bounds through {@link AtspiDesktop}.
 */
public final class AtspiAccessibility implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AtspiAccessibility.class);
    private static final long RETRY_NANOS = 5_000_000_000L;
    private static final String HOW_TO_ENABLE = "To enable it: install at-spi2-core, run the desktop session with a D-Bus"
            + " session bus (a desktop login, or `dbus-run-session -- <session>`) so that DBUS_SESSION_BUS_ADDRESS is set,"
            + " and turn on the toolkits' accessibility (GTK: on with at-spi2-core; Qt: QT_ACCESSIBILITY=1;"
            + " Java Swing: libatk-wrapper-java).";
    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "click", List.of("click", "press", "activate", "toggle", "jump", "open"),
            "press", List.of("press", "click", "activate", "toggle"),
            "activate", List.of("activate", "click", "press", "jump", "open"),
            "toggle", List.of("toggle", "click", "press", "activate"));
    /** Pixels a re-found element may have moved and still count as the same bounds. */
    private static final double BOUNDS_TOLERANCE = 2;

    private final AtspiSettings settings;
    private final AtspiDesktop desktop;
    private @Nullable AtspiBus bus;
    private @Nullable String lastFailure;
    private long lastFailureAt;

    public AtspiAccessibility(AtspiSettings settings, AtspiDesktop desktop) {
        this.settings = requireNonNull(settings, "settings is null");
        this.desktop = requireNonNull(desktop, "desktop is null");
    }

    /** Whether the accessibility bus answers (connecting to it when not yet connected). */
    public boolean available() {
        try {
            bus(Capability.UI_TREE);
            return true;
        } catch (OpendeskException e) {
            LOG.debug("AT-SPI not available: {}", e.getMessage());
            return false;
        }
    }

    /** The names of the applications on the accessibility bus. */
    public List<String> applications() {
        AtspiBus connected = bus(Capability.UI_TREE);
        List<String> names = new ArrayList<>();
        for (AtspiTreeWalker.Node app : guarded(connected, () -> applicationNodes(connected))) {
            names.add(app.name);
        }
        return names;
    }

    // ---------------------------------------------------------------- ui.tree

    /**
     * The tree the request names (see the class comment).
     *
     * @throws OpendeskException {@code capability_unsupported} without an accessibility bus,
     *     {@code not_found} for an unknown app (listing the applications) or window
     */
    public UIElement tree(UiTreeRequest request) {
        requireNonNull(request, "request is null");
        AtspiBus connected = bus(Capability.UI_TREE);
        return guarded(connected, () -> readTree(connected, request));
    }

    private UIElement readTree(AtspiBus connected, UiTreeRequest request) {
        AtspiTreeWalker walker = new AtspiTreeWalker(connected, settings.limits());
        String app = request.app();
        if (app != null && !app.isBlank()) {
            AtspiTreeWalker.Node node = findApplication(connected, app);
            return element(walker.walk(node.ref, request.maxDepth(), node.name));
        }
        String windowId = request.windowId();
        if (windowId != null && !windowId.isBlank()) {
            Window window = desktop.window(windowId).orElseThrow(() ->
                    new OpendeskException(ErrorCode.NOT_FOUND, "No window with id '" + windowId + "'."));
            AtspiTreeWalker.Node node = accessibleWindow(connected, window).orElseThrow(() ->
                    new OpendeskException(ErrorCode.NOT_FOUND, "Window '" + window.title() + "' (" + windowId
                            + ") has no accessible window: its application is not on the accessibility bus."));
            return element(walker.walk(node.ref, request.maxDepth(), node.app));
        }
        Optional<AtspiTreeWalker.Node> active = activeWindow(connected);
        if (active.isEmpty()) {
            active = desktop.focusedWindow().flatMap(w -> accessibleWindow(connected, w));
        }
        if (active.isPresent()) {
            return element(walker.walk(active.get().ref, request.maxDepth(), active.get().app));
        }
        // no focused window: the whole desktop, every application under the same limits
        return element(walker.walk(new AccessibleRef(AtspiDbus.REGISTRY, AtspiDbus.ROOT_PATH), request.maxDepth(), null));
    }

    private static UIElement element(AtspiTreeWalker.Walk walk) {
        UIElement root = AtspiTreeWalker.toElement(walk.root);
        if (walk.truncated.isEmpty()) {
            return root;
        }
        Map<String, Object> metadata = new LinkedHashMap<>(root.metadata());
        metadata.put("truncated", true);
        metadata.put("truncated_reason", String.join(",", walk.truncated));
        metadata.put("element_count", walk.nodes);
        return new UIElement(root.role(), root.name(), root.value(), root.bounds(), root.focused(), root.enabled(),
                root.actions(), root.children(), metadata);
    }

    /** The applications (depth 1 below the registry's root). */
    private List<AtspiTreeWalker.Node> applicationNodes(AtspiBus connected) {
        return topLevel(connected, 1).root.children;
    }

    /** The desktop down to {@code depth}: applications (1) and their windows (2). */
    private AtspiTreeWalker.Walk topLevel(AtspiBus connected, int depth) {
        AtspiLimits limits = settings.limits();
        AtspiLimits wide = new AtspiLimits(Math.max(limits.maxNodes(), 4000), Math.max(limits.maxChildren(), 1000),
                limits.walkTime(), limits.callTimeout(), limits.searchDepth(), 0);
        return new AtspiTreeWalker(connected, wide).walk(new AccessibleRef(AtspiDbus.REGISTRY, AtspiDbus.ROOT_PATH), depth, null);
    }

    private AtspiTreeWalker.Node findApplication(AtspiBus connected, String wanted) {
        List<AtspiTreeWalker.Node> apps = applicationNodes(connected);
        String key = wanted.trim().toLowerCase(Locale.ROOT);
        for (int pass = 0; pass < 3; pass++) {
            for (AtspiTreeWalker.Node app : apps) {
                String name = app.name.toLowerCase(Locale.ROOT);
                boolean match = switch (pass) {
                    case 0 -> name.equals(key);
                    case 1 -> !name.isEmpty() && name.startsWith(key);
                    default -> !name.isEmpty() && name.contains(key);
                };
                if (match) {
                    return app;
                }
            }
        }
        List<String> names = apps.stream().map(a -> a.name.isEmpty() ? a.ref.busName() : a.name).toList();
        throw new OpendeskException(ErrorCode.NOT_FOUND, "No application named '" + wanted
                + "' on the accessibility bus. Applications: " + (names.isEmpty() ? "(none)" : String.join(", ", names)) + ".");
    }

    /** A top-level window whose state is ACTIVE. */
    private Optional<AtspiTreeWalker.Node> activeWindow(AtspiBus connected) {
        for (AtspiTreeWalker.Node app : topLevel(connected, 2).root.children) {
            for (AtspiTreeWalker.Node window : app.children) {
                if (window.has(AtspiTreeWalker.STATE_ACTIVE)) {
                    return Optional.of(window);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The accessible top-level element of a desktop window: among the applications whose bus
     * connection belongs to the window's process (all applications when none does or the pid is
     * unknown), the window with the same title, else the same bounds, else the application's only
     * showing window.
     */
    private Optional<AtspiTreeWalker.Node> accessibleWindow(AtspiBus connected, Window window) {
        List<AtspiTreeWalker.Node> apps = topLevel(connected, 2).root.children;
        List<AtspiTreeWalker.Node> owners = new ArrayList<>();
        Long pid = window.pid();
        if (pid != null) {
            long deadline = System.nanoTime() + settings.limits().walkTime().toNanos();
            for (AtspiTreeWalker.Node app : apps) {
                if (connected.processId(app.ref.busName(), deadline) == pid) {
                    owners.add(app);
                }
            }
        }
        List<AtspiTreeWalker.Node> candidates = new ArrayList<>();
        for (AtspiTreeWalker.Node app : owners.isEmpty() ? apps : owners) {
            candidates.addAll(app.children);
        }
        for (AtspiTreeWalker.Node candidate : candidates) {
            if (!window.title().isEmpty() && candidate.name.equals(window.title())) {
                return Optional.of(candidate);
            }
        }
        Rect bounds = window.bounds();
        if (bounds != null) {
            for (AtspiTreeWalker.Node candidate : candidates) {
                if (candidate.bounds != null && near(candidate.bounds, bounds)) {
                    return Optional.of(candidate);
                }
            }
        }
        if (!owners.isEmpty()) {
            List<AtspiTreeWalker.Node> showing = candidates.stream()
                    .filter(c -> c.has(AtspiTreeWalker.STATE_SHOWING)).toList();
            if (showing.size() == 1) {
                return Optional.of(showing.get(0));
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- ui.action

    /**
     * Acts on an element found again by (role, name, bounds); see the class comment.
     *
     * @param action {@code click} (the default when blank), {@code press}, {@code activate},
     *     {@code toggle}, {@code type}, {@code focus}, or one of the element's own action names
     * @param app the application to look in, or null
     * @throws OpendeskException {@code not_found} when the element (or app) is gone,
     *     {@code invalid_argument} for {@code type} without text, {@code capability_unsupported}
     *     ({@code ui.actions}) when the element offers neither the action nor bounds to click
     */
    public void act(UIElement element, String action, @Nullable String app) {
        requireNonNull(element, "element is null");
        requireNonNull(action, "action is null");
        AtspiBus connected = bus(Capability.UI_ACTIONS);
        String verb = action.isBlank() ? "click" : action.trim().toLowerCase(Locale.ROOT);
        guarded(connected, () -> {
            perform(connected, element, verb, app);
            return null;
        });
    }

    private void perform(AtspiBus connected, UIElement element, String verb, @Nullable String app) {
        AtspiTreeWalker walker = new AtspiTreeWalker(connected, settings.limits());
        AtspiTreeWalker.Node target = find(connected, walker, element, app).orElseThrow(() ->
                new OpendeskException(ErrorCode.NOT_FOUND, "No element [" + element.role() + "] '" + element.name() + "'"
                        + (app != null ? " in '" + app + "'" : "") + ": it is gone."));
        AtspiTreeWalker.Node live = walker.inspect(target.ref, target.app);
        long deadline = System.nanoTime() + settings.limits().walkTime().toNanos();
        switch (verb) {
            case "type" -> type(connected, element, live, deadline);
            case "focus" -> {
                if (!live.implementsInterface(AtspiDbus.COMPONENT)
                        || !Boolean.TRUE.equals(connected.call(live.ref, AtspiDbus.Component.class, "GrabFocus", deadline))) {
                    clickCentre(live, element, verb);
                }
            }
            default -> {
                int index = actionIndex(live, verb);
                if (index < 0 && !SYNONYMS.containsKey(verb)) {
                    throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "Element [" + element.role() + "] '"
                            + element.name() + "' has no action '" + verb + "' (it has " + live.actions + ").",
                            details(Capability.UI_ACTIONS));
                }
                if (index < 0 || !Boolean.TRUE.equals(connected.call(live.ref, AtspiDbus.Action.class, "DoAction", deadline, index))) {
                    clickCentre(live, element, verb);
                }
            }
        }
    }

    private void type(AtspiBus connected, UIElement element, AtspiTreeWalker.Node live, long deadline) {
        Object text = element.metadata().get("text");
        String content = text instanceof String s ? s : element.value();
        if (content == null) {
            throw OpendeskException.invalidArgument("type needs the text: put it in the element's metadata \"text\" (or its value).");
        }
        if (live.implementsInterface(AtspiDbus.EDITABLE_TEXT)
                && Boolean.TRUE.equals(connected.call(live.ref, AtspiDbus.EditableText.class, "SetTextContents", deadline, content))) {
            return;
        }
        // no editable text: focus the element (through AT-SPI, else a click) and type
        if (!live.implementsInterface(AtspiDbus.COMPONENT)
                || !Boolean.TRUE.equals(connected.call(live.ref, AtspiDbus.Component.class, "GrabFocus", deadline))) {
            clickCentre(live, element, "type");
        }
        desktop.typeText(content);
    }

    /** The index of the AT-SPI action that does {@code verb}, or -1. */
    private static int actionIndex(AtspiTreeWalker.Node node, String verb) {
        List<String> names = node.actions.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        for (String candidate : SYNONYMS.getOrDefault(verb, List.of(verb))) {
            int index = names.indexOf(candidate);
            if (index >= 0) {
                return index;
            }
        }
        return -1;
    }

    private void clickCentre(AtspiTreeWalker.Node live, UIElement element, String verb) {
        Rect bounds = live.bounds != null ? live.bounds : element.bounds();
        if (bounds == null) {
            throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "Element [" + element.role() + "] '" + element.name()
                    + "' has no usable '" + verb + "' action and no bounds to click.", details(Capability.UI_ACTIONS));
        }
        desktop.click(bounds.center());
    }

    /**
     * The element with the same role and name (in the app when one is given or named in the
     * element's metadata): the one with the same bounds (within 2 px), else the nearest one.
     */
    private Optional<AtspiTreeWalker.Node> find(AtspiBus connected, AtspiTreeWalker walker, UIElement element, @Nullable String app) {
        AccessibleRef scope = new AccessibleRef(AtspiDbus.REGISTRY, AtspiDbus.ROOT_PATH);
        String scopeApp = null;
        if (app != null && !app.isBlank()) {
            AtspiTreeWalker.Node node = findApplication(connected, app);
            scope = node.ref;
            scopeApp = node.name;
        } else if (element.metadata().get("app") instanceof String named && !named.isBlank()) {
            try {
                AtspiTreeWalker.Node node = findApplication(connected, named);
                scope = node.ref;
                scopeApp = node.name;
            } catch (OpendeskException e) {
                // the app of the metadata is gone or renamed: look everywhere
            }
        }
        List<AtspiTreeWalker.Node> candidates = new ArrayList<>();
        String role = element.role();
        String name = element.name();
        int depth = settings.limits().searchDepth() + (scopeApp == null ? 1 : 0);
        walker.scan(scope, depth, scopeApp, node -> {
            if (node.name.equals(name) && node.role.equalsIgnoreCase(role)) {
                candidates.add(node);
            }
        });
        Rect wanted = element.bounds();
        if (candidates.isEmpty() || wanted == null) {
            return candidates.stream().findFirst();
        }
        long deadline = System.nanoTime() + settings.limits().walkTime().toNanos();
        List<AtspiTreeWalker.Node> measured = candidates.size() > 50 ? candidates.subList(0, 50) : candidates;
        for (AtspiTreeWalker.Node candidate : measured) {
            try {
                candidate.bounds = AtspiTreeWalker.bounds(connected.call(candidate.ref, AtspiDbus.Component.class, "GetExtents",
                        deadline, AtspiDbus.COORD_SCREEN));
            } catch (AtspiException e) {
                candidate.bounds = null;
            }
        }
        return measured.stream()
                .min(Comparator.comparingDouble(c -> c.bounds == null ? Double.MAX_VALUE : distance(c.bounds, wanted)));
    }

    private static boolean near(Rect a, Rect b) {
        return distance(a, b) <= BOUNDS_TOLERANCE;
    }

    private static double distance(Rect a, Rect b) {
        return Math.max(Math.max(Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y())),
                Math.max(Math.abs(a.width() - b.width()), Math.abs(a.height() - b.height())));
    }

    // ---------------------------------------------------------------- the bus

    private interface BusWork<T> {
        T run();
    }

    /** Runs D-Bus work, turning failures into wire errors (a lost bus is dropped to be reconnected). */
    private <T> T guarded(AtspiBus connected, BusWork<T> work) {
        try {
            return work.run();
        } catch (AtspiException e) {
            if (!connected.isConnected()) {
                drop(connected);
                throw unsupported(Capability.UI_TREE, "the accessibility bus went away (" + e.getMessage() + ")");
            }
            if (e.timedOut()) {
                throw new OpendeskException(ErrorCode.TIMEOUT, "Accessibility call timed out: " + e.getMessage(), e);
            }
            throw new OpendeskException(ErrorCode.INTERNAL, "Accessibility call failed: " + e.getMessage(), e);
        }
    }

    private synchronized AtspiBus bus(Capability capability) {
        AtspiBus current = bus;
        if (current != null && current.isConnected()) {
            return current;
        }
        if (current != null) {
            current.close();
            bus = null;
        }
        String address = settings.sessionBusAddress();
        if (address == null) {
            throw unsupported(capability, "there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
        }
        long now = System.nanoTime();
        if (lastFailure != null && now - lastFailureAt < RETRY_NANOS) {
            throw unsupported(capability, lastFailure);
        }
        try {
            AtspiBus connected = AtspiBus.connect(address, settings.limits().callTimeout());
            LOG.debug("connected to the accessibility bus at {}", connected.address());
            bus = connected;
            lastFailure = null;
            return connected;
        } catch (AtspiException e) {
            lastFailure = e.getMessage();
            lastFailureAt = now;
            throw unsupported(capability, lastFailure);
        }
    }

    private synchronized void drop(AtspiBus connected) {
        if (bus == connected) {
            bus = null;
        }
        connected.close();
    }

    private OpendeskException unsupported(Capability capability, @Nullable String reason) {
        return new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "Capability '" + capability.wire()
                + "' is not supported by backend " + settings.backend() + ": no accessibility bus ("
                + (reason == null ? "unknown reason" : reason) + "). " + HOW_TO_ENABLE, details(capability));
    }

    private Map<String, Object> details(Capability capability) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("capability", capability.wire());
        details.put("backend", settings.backend());
        return details;
    }

    /** Closes the accessibility bus connection. */
    @Override
    public synchronized void close() {
        if (bus != null) {
            bus.close();
            bus = null;
        }
    }
}
