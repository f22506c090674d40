package dev.opendesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.app.service.CommandRunner;
import dev.opendesk.spi.HostPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Linux report of {@code opendesk check}: against a real Xvfb where one can run, and with scripted probes. */
final class CheckCommandTest {
    private static String print(CheckCommand.Report report) {
        StringWriter text = new StringWriter();
        report.print(new PrintWriter(text, true));
        return text.toString();
    }

    private static final CommandRunner NOTHING_INSTALLED = command -> {
        throw new IOException("Cannot run program \"" + command.get(0) + "\"");
    };

    @Test
    void noDisplayFailsTheCoreTools() {
        HostPlatform platform = new HostPlatform("Linux", "6", "amd64", Map.of());
        CheckCommand.Report report = CheckCommand.linux(platform, NOTHING_INSTALLED, Optional.empty(), "x11: needs an X server: DISPLAY is not set");
        String text = print(report);
        assertThat(report.coreToolsWork()).isFalse();
        assertThat(text).contains("  ✗ Display — neither DISPLAY nor WAYLAND_DISPLAY is set")
                .contains("  ✗ Desktop backend — x11: needs an X server: DISPLAY is not set\n")
                .contains("  ? Accessibility bus (org.a11y.Bus) — unknown: no session D-Bus")
                .contains("  ✗ tesseract — install tesseract-ocr (the ocr tool needs it) (optional)\n")
                .endsWith("cannot work here until the required items marked ✗ are fixed.\n");
    }

    @Test
    void anXServerWithoutXtestFails() {
        HostPlatform platform = new HostPlatform("Linux", "6", "amd64", Map.of("DISPLAY", ":3"));
        CommandRunner runner = command -> switch (command.get(0)) {
            case "xdpyinfo" -> new CommandRunner.Result(0, "number of extensions:    2\n    MIT-SHM  (opcode: 130)\n    RANDR  (opcode: 140)\n");
            case "tesseract" -> new CommandRunner.Result(0, "tesseract 5.3.0\n leptonica-1.82.0\n");
            default -> throw new IOException("absent");
        };
        CheckCommand.Report report = CheckCommand.linux(platform, runner, Optional.of("x11"), "");
        assertThat(print(report)).contains("  ✗ X server :3 (MIT-SHM, RANDR) — missing XTEST: no mouse or keyboard input\n")
                .contains("  ✓ Desktop backend x11\n").contains("  ✓ tesseract 5.3.0\n");
        assertThat(report.coreToolsWork()).isFalse();
        CommandRunner refused = command -> new CommandRunner.Result(1, "xdpyinfo:  unable to open display \":3\".\n");
        assertThat(print(CheckCommand.linux(platform, refused, Optional.empty(), "no X")))
                .contains("  ✗ X server :3 — cannot connect: xdpyinfo:  unable to open display \":3\".\n");
    }

    @Test
    @Timeout(60)
    void aRealXvfbHasEverythingTheCoreToolsNeed() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/Xvfb")) && Files.isExecutable(Path.of("/usr/bin/xdpyinfo")),
                "Xvfb and xdpyinfo are not installed");
        int number = 150 + (int) (ProcessHandle.current().pid() % 50);
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + number)) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
            number++;
        }
        String display = ":" + number;
        Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            CommandRunner runner = CommandRunner.system();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!runner.run(List.of("xdpyinfo", "-display", display)).ok()) {
                assertThat(System.nanoTime()).as("Xvfb answers").isLessThan(deadline);
                Thread.sleep(100);
            }
            HostPlatform platform = new HostPlatform("Linux", "6", "amd64", Map.of("DISPLAY", display));
            CheckCommand.Report report = CheckCommand.linux(platform, runner, Optional.of("x11"), "");
            String text = print(report);
            assertThat(text).contains("  ✓ X server " + display + " (XTEST, MIT-SHM, RANDR, XFIXES)\n")
                    .contains("  ✓ Clipboard (X selections)\n")
                    .contains("The core tools (screenshot, mouse, keyboard) can work here.");
            assertThat(report.coreToolsWork()).isTrue();
        } finally {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCommandReportsThisMachine() {
        CliRun run = CliRun.of("check");
        assertThat(run.exitCode()).isIn(0, 1);
        assertThat(run.out()).contains("Desktop backend").contains("tesseract").contains("The core tools");
    }
}
