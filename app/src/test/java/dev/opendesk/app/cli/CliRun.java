package dev.opendesk.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process, built for its arguments as {@code Main} builds it, and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OpendeskCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
