package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.io.PythonJson;
import dev.opendesk.core.model.Rect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Per-session tool state (spec/surface.md §1.0 "sandbox"): the action log the {@code audit} tool
 * reads, and the last screenshot for change detection. Thread-safe.
 */
public final class ToolSession {
    private final String id;
    private final List<Action> actions = new ArrayList<>();
    private byte @Nullable [] lastScreenshot;
    private @Nullable GreyFrame lastFrame;
    private @Nullable ImageMapping lastMapping;
    private @Nullable List<String> allowedApps;
    private @Nullable Rect allowedRegion;

    public ToolSession(String id) {
        this.id = requireNonNull(id, "id is null");
    }

    /** The session id. */
    public String id() {
        return id;
    }

    /** One recorded action. */
    public record Action(String id, double timestamp, String action, String params, String result, String error) {
    }

    /** Records an action (type names as in §1.0: screenshot, mouse_click, keyboard_type, …). */
    public synchronized void record(String action, String params, String result, String error) {
        actions.add(new Action(UUID.randomUUID().toString(), System.currentTimeMillis() / 1000.0, action, params, result, error));
    }

    /** Every recorded action, oldest first. */
    public synchronized List<Action> actions() {
        return List.copyOf(actions);
    }

    /** The previous screenshot's encoded bytes (PNG, or JPEG when PNG was too large), if any. */
    public synchronized Optional<byte[]> lastScreenshot() {
        return Optional.ofNullable(lastScreenshot);
    }

    /** Remembers a screenshot for the next change detection. */
    public synchronized void rememberScreenshot(byte[] png) {
        lastScreenshot = png.clone();
    }

    /** Records an action whose parameters are a JSON-like map (written as sorted JSON); {@code error} empty when none. */
    public void record(String action, Map<String, ?> params, String result, String error) {
        record(action, PythonJson.dumpCompact(params), result, error);
    }

    /**
     * Restricts {@code app} actions to applications whose name contains one of these
     * (case-insensitively); an empty list lifts the restriction.
     */
    public synchronized void restrictApps(List<String> apps) {
        allowedApps = apps.isEmpty() ? null : List.copyOf(apps);
    }

    /** The app allow-list, if any. */
    public synchronized Optional<List<String>> allowedApps() {
        return Optional.ofNullable(allowedApps);
    }

    /** Whether the allow-list (if any) admits {@code app}. */
    public synchronized boolean appAllowed(String app) {
        if (allowedApps == null) {
            return true;
        }
        String lower = app.toLowerCase(Locale.ROOT);
        return allowedApps.stream().anyMatch(allowed -> lower.contains(allowed.toLowerCase(Locale.ROOT)));
    }

    /** Restricts pointer actions and captures to a logical screen region, or lifts it with null. */
    public synchronized void restrictRegion(@Nullable Rect region) {
        allowedRegion = region;
    }

    /** The region constraint, if any. */
    public synchronized Optional<Rect> allowedRegion() {
        return Optional.ofNullable(allowedRegion);
    }

    /** Whether the start point lies in the permitted region (bounds inclusive), or there is none. */
    public synchronized boolean pointAllowed(double x, double y) {
        Rect r = allowedRegion;
        return r == null || (x >= r.x() && x <= r.x() + r.width() && y >= r.y() && y <= r.y() + r.height());
    }

    synchronized Optional<GreyFrame> lastFrame() {
        return Optional.ofNullable(lastFrame);
    }

    synchronized void rememberFrame(GreyFrame frame) {
        lastFrame = frame;
    }

    synchronized Optional<ImageMapping> lastMapping() {
        return Optional.ofNullable(lastMapping);
    }

    synchronized void rememberMapping(ImageMapping mapping) {
        lastMapping = mapping;
    }
}
