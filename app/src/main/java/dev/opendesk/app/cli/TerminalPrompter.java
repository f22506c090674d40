package dev.opendesk.app.cli;

import dev.opendesk.core.policy.Prompter;
import java.io.Console;
import java.util.Optional;

/** The console policy's prompts on the process's controlling terminal ({@link System#console()}). */
final class TerminalPrompter implements Prompter {
    @Override
    public boolean interactive() {
        return System.console() != null;
    }

    @Override
    public Optional<String> ask(String prompt) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(console.readLine("%s", prompt));
    }
}
