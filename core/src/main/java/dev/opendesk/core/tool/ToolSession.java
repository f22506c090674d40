package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
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

    /** The previous screenshot's PNG bytes, if any. */
    public synchronized Optional<byte[]> lastScreenshot() {
        return Optional.ofNullable(lastScreenshot);
    }

    /** Remembers a screenshot for the next change detection. */
    public synchronized void rememberScreenshot(byte[] png) {
        lastScreenshot = png.clone();
    }
}
