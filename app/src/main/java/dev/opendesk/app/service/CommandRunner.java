package dev.opendesk.app.service;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Runs a service manager's command ({@code systemctl}, {@code launchctl}, {@code schtasks}). */
@FunctionalInterface
public interface CommandRunner {
    /** What a command did: its exit code and its standard output and error, merged. */
    record Result(int exit, String output) {
        public Result {
            requireNonNull(output, "output is null");
        }

        /** Whether it exited 0. */
        public boolean ok() {
            return exit == 0;
        }

        /** The first non-blank output line, for messages. */
        public String firstLine() {
            return output.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("exit code " + exit);
        }
    }

    /**
     * Runs a command to its end.
     *
     * @throws IOException when the program cannot be started (it is not installed)
     */
    Result run(List<String> command) throws IOException;

    /** Runs real processes, each for at most 60 s. */
    static CommandRunner system() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return command -> {
            List<String> arguments = new ArrayList<>();
            for (String argument : command) {
                // Java's Windows launcher wraps an argument with spaces in quotes but leaves inner quotes alone
                arguments.add(windows ? argument.replace("\"", "\\\"") : argument);
            }
            Process process = new ProcessBuilder(arguments).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            try {
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, "timed out: " + String.join(" ", command));
                }
                return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("interrupted while running " + command.get(0), e);
            }
        };
    }
}
