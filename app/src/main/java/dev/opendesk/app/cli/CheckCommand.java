package dev.opendesk.app.cli;

import dev.opendesk.spi.HostPlatform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opendesk check}: reports the platform permissions opendesk needs. Only macOS has any
 * (Accessibility, Screen Recording); the macOS report comes with the macOS backend.
 */
@Command(name = "check", description = "Check the platform permissions opendesk needs.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--open", description = "open the settings pane of the first missing permission")
    boolean open;

    @Option(names = "--no-open", description = "never open settings")
    boolean noOpen;

    @Override
    public Integer call() {
        HostPlatform platform = HostPlatform.current();
        if (!platform.isMac()) {
            spec.commandLine().getOut().println("No platform permissions to check on this OS.");
            return 0;
        }
        spec.commandLine().getErr().println("not implemented yet: check (macOS permission report)");
        return NotBuiltCommand.NOT_BUILT;
    }
}
