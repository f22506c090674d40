package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

/** Factories for the registries of standard tools (spec/surface.md §1.0). */
public final class Tools {
    private Tools() {}

    /** {@link #standardRegistry(ToolOptions)} with {@link ToolOptions#defaults()}. */
    public static ToolRegistry standardRegistry() {
        return standardRegistry(ToolOptions.defaults());
    }

    /**
     * A registry with, in this order: screenshot, mouse, keyboard, app, ui, clipboard, ocr,
     * audit (the newest reference registry, less learn and schedule, which come later).
     */
    public static ToolRegistry standardRegistry(ToolOptions options) {
        requireNonNull(options, "options is null");
        ToolRegistry registry = minimalRegistry(options);
        registry.register(new OcrTool(options));
        registry.register(new AuditTool(registry::existingSession));
        return registry;
    }

    /** The reference's minimal registry: screenshot, mouse, keyboard, app, ui, clipboard. */
    public static ToolRegistry minimalRegistry(ToolOptions options) {
        requireNonNull(options, "options is null");
        return new ToolRegistry()
                .register(new ScreenshotTool(options))
                .register(new MouseTool(options))
                .register(new KeyboardTool(options))
                .register(new AppTool(options))
                .register(new UiTool(options))
                .register(new ClipboardTool());
    }
}
