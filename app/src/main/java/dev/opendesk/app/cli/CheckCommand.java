package dev.opendesk.app.cli;

import static java.util.Objects.requireNonNull;

import dev.opendesk.app.service.CommandRunner;
import dev.opendesk.app.service.WslAdvisory;
import dev.opendesk.app.wiring.BackendSelection;
import dev.opendesk.spi.HostPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opendesk check}: what this machine offers opendesk. On Linux: the display (X server and
 * its XTEST, MIT-SHM, RANDR and XFIXES extensions, or a Wayland socket), the desktop backend that
 * works here, and the optional parts: the accessibility bus (ui tools), tesseract (ocr) and the
 * clipboard. Exit 0 when the core tools (screenshot, mouse, keyboard) can work — a display is
 * reachable (with XTEST on X) and a backend is usable — else 1; optional parts never fail it.
 * macOS's permission report comes with the macOS backend (exit 2 until then); other systems have
 * nothing to check. Under WSL2 the networking advisory goes to stderr first.
 */
@Command(name = "check", description = "Check what opendesk needs on this machine (display, backend, accessibility, OCR).")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--open", description = "open the settings pane of the first missing permission (macOS)")
    boolean open;

    @Option(names = "--no-open", description = "never open settings")
    boolean noOpen;

    @Override
    public Integer call() {
        HostPlatform platform = HostPlatform.current();
        PrintWriter out = spec.commandLine().getOut();
        if (platform.isMac()) {
            spec.commandLine().getErr().println("not implemented yet: check (macOS permission report)");
            return NotBuiltCommand.NOT_BUILT;
        }
        if (!platform.isLinux()) {
            out.println("No platform permissions to check on this OS.");
            return 0;
        }
        WslAdvisory.forThisMachine().ifPresent(spec.commandLine().getErr()::println);
        BackendSelection selection = Services.get(common, BackendSelection.class);
        Report report = linux(platform, CommandRunner.system(),
                selection.chosen().map(entry -> entry.id()), selection.explanation());
        report.print(out);
        return report.coreToolsWork() ? 0 : 1;
    }

    /** One checked item: ✓, ✗ or ? (could not tell), what, and why or what to do. */
    record Item(char mark, String what, String detail, boolean required) {
        Item {
            requireNonNull(what, "what is null");
            requireNonNull(detail, "detail is null");
        }

        String line() {
            return "  " + mark + " " + what + (detail.isEmpty() ? "" : " — " + detail) + (required || mark == '✓' ? "" : " (optional)");
        }
    }

    /** The report: its items, and whether the core tools can work. */
    record Report(List<Item> items) {
        boolean coreToolsWork() {
            return items.stream().filter(Item::required).noneMatch(i -> i.mark() == '✗');
        }

        void print(PrintWriter out) {
            items.forEach(item -> out.println(item.line()));
            out.println(coreToolsWork() ? "The core tools (screenshot, mouse, keyboard) can work here."
                    : "The core tools (screenshot, mouse, keyboard) cannot work here until the required items marked ✗ are fixed.");
            out.flush();
        }
    }

    private static final List<String> X_EXTENSIONS = List.of("XTEST", "MIT-SHM", "RANDR", "XFIXES");

    /** The Linux report for a platform (its environment variables), probing with {@code runner}. */
    static Report linux(HostPlatform platform, CommandRunner runner, Optional<String> backend, String backendExplanation) {
        List<Item> items = new ArrayList<>();
        Optional<String> display = platform.variable("DISPLAY");
        Optional<String> wayland = platform.variable("WAYLAND_DISPLAY");
        boolean xWorks = false;
        if (display.isPresent()) {
            Item x = xServer(display.get(), runner);
            xWorks = x.mark() == '✓';
            items.add(x);
        }
        if (wayland.isPresent()) {
            Path socket = wayland.get().startsWith("/") ? Path.of(wayland.get())
                    : Path.of(platform.variable("XDG_RUNTIME_DIR").orElse("/run/user/0"), wayland.get());
            items.add(Files.exists(socket) ? new Item('✓', "Wayland display " + wayland.get(), "", display.isEmpty())
                    : new Item('✗', "Wayland display " + wayland.get(), "no socket at " + socket, display.isEmpty()));
        }
        if (display.isEmpty() && wayland.isEmpty()) {
            items.add(new Item('✗', "Display", "neither DISPLAY nor WAYLAND_DISPLAY is set: run inside a desktop session"
                    + " (or start Xvfb and set DISPLAY)", true));
        }
        items.add(backend.map(id -> new Item('✓', "Desktop backend " + id, "", true))
                .orElseGet(() -> new Item('✗', "Desktop backend", backendExplanation, true)));
        items.add(accessibilityBus(platform, runner));
        items.add(tesseract(runner));
        if (xWorks) {
            items.add(new Item('✓', "Clipboard (X selections)", "", false));
        } else if (wayland.isPresent()) {
            items.add(version(runner, List.of("wl-paste", "--version")).isPresent()
                    ? new Item('✓', "Clipboard (wl-clipboard)", "", false)
                    : new Item('✗', "Clipboard", "install wl-clipboard", false));
        } else {
            items.add(new Item('✗', "Clipboard", "needs a display", false));
        }
        return new Report(List.copyOf(items));
    }

    private static Item xServer(String display, CommandRunner runner) {
        String what = "X server " + display;
        CommandRunner.Result result;
        try {
            result = runner.run(List.of("xdpyinfo", "-display", display, "-queryExtensions"));
        } catch (IOException e) {
            return new Item('?', what, "cannot probe it: install x11-utils (xdpyinfo)", true);
        }
        if (!result.ok()) {
            return new Item('✗', what, "cannot connect: " + result.firstLine(), true);
        }
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String extension : X_EXTENSIONS) {
            boolean found = Pattern.compile("(?m)^\\s+" + Pattern.quote(extension) + "(\\s|$)").matcher(result.output()).find();
            (found ? present : missing).add(extension);
        }
        if (missing.contains("XTEST")) {
            return new Item('✗', what + " (" + String.join(", ", present) + ")", "missing XTEST: no mouse or keyboard input", true);
        }
        if (!missing.isEmpty()) {
            return new Item('✓', what + " (" + String.join(", ", present) + ")", "without " + String.join(", ", missing)
                    + ": slower capture or fewer display details", true);
        }
        return new Item('✓', what + " (" + String.join(", ", present) + ")", "", true);
    }

    private static Item accessibilityBus(HostPlatform platform, CommandRunner runner) {
        String what = "Accessibility bus (org.a11y.Bus)";
        Optional<String> bus = platform.variable("DBUS_SESSION_BUS_ADDRESS");
        if (bus.isEmpty()) {
            return new Item('?', what, "unknown: no session D-Bus (DBUS_SESSION_BUS_ADDRESS is not set); the ui tools need it", false);
        }
        CommandRunner.Result result;
        try {
            result = runner.run(List.of("dbus-send", "--bus=" + bus.get(), "--print-reply", "--reply-timeout=3000",
                    "--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress"));
        } catch (IOException e) {
            return new Item('?', what, "unknown: dbus-send is not installed", false);
        }
        if (result.ok() && result.output().contains("string \"")) {
            return new Item('✓', what, "", false);
        }
        return new Item('✗', what, "not available (" + result.firstLine() + "): install at-spi2-core for the ui tools", false);
    }

    private static Item tesseract(CommandRunner runner) {
        return version(runner, List.of("tesseract", "--version"))
                .map(v -> new Item('✓', v, "", false))
                .orElseGet(() -> new Item('✗', "tesseract", "install tesseract-ocr (the ocr tool needs it)", false));
    }

    private static Optional<String> version(CommandRunner runner, List<String> command) {
        try {
            CommandRunner.Result result = runner.run(command);
            return result.ok() ? Optional.of(result.firstLine()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
