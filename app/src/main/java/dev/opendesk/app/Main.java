package dev.opendesk.app;

import dev.opendesk.app.cli.McpQuickStart;
import java.util.OptionalInt;

import dev.opendesk.app.cli.OpendeskCommand;

/**
 * The {@code opendesk} entry point. This is one of the few classes allowed to touch the process's
 * standard streams: it hands them to the command line, whose commands write through them.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        OptionalInt quick = McpQuickStart.run(args, System.err); // plain `mcp`: no picocli at all
        if (quick.isPresent()) {
            System.exit(quick.getAsInt());
        }
        int exit = OpendeskCommand.commandLine(new java.io.PrintWriter(System.out, true),
                new java.io.PrintWriter(System.err, true), args).execute(args);
        System.exit(exit);
    }
}
