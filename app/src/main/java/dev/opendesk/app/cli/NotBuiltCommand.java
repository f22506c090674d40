package dev.opendesk.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of a command whose behaviour is not built yet: it accepts the reference's options so help
 * is complete, then says {@code not implemented yet: <command>} on stderr and exits 2.
 */
abstract class NotBuiltCommand implements Callable<Integer> {
    static final int NOT_BUILT = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        String path = spec.qualifiedName(" ").replaceFirst("^opendesk ", "");
        spec.commandLine().getErr().println("not implemented yet: " + path);
        return NOT_BUILT;
    }
}
