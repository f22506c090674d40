package dev.opendesk.app.cli;

import dev.opendesk.core.model.OpendeskException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code opendesk} command. Without a subcommand it prints help and exits 0. */
@Command(name = "opendesk", mixinStandardHelpOptions = true, version = "opendesk 0.1.0-SNAPSHOT",
        description = "Eyes and hands on a desktop for AI agents: this machine, or a paired one on the LAN.",
        subcommands = {
            McpCommand.class,
            PluginsCommand.class,
            InstallCommands.Install.class,
            InstallCommands.Uninstall.class,
            PendingCommands.Scheduler.class,
            RemoteCommands.Pair.class,
            RemoteCommands.PairWith.class,
            RemoteCommands.Serve.class,
            DiscoverCommand.class,
            RemoteCommands.Connect.class,
            PeerCommands.Peers.class,
            PeerCommands.Unpair.class,
            RemoteCommands.Sessions.class,
            RemoteCommands.Disconnect.class,
            PeerCommands.Describe.class,
            CheckCommand.class,
            RemoteCommands.Audit.class,
            ServiceCommands.InstallService.class,
            ServiceCommands.UninstallService.class,
            PendingCommands.App.class,
            PendingCommands.WslSetup.class,
            PendingCommands.Rendezvous.class,
        })
public final class OpendeskCommand implements Callable<Integer> {
    /** Exit code of a runtime failure ({@code ERROR: <msg>} on stderr). */
    public static final int FAILURE = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * The configured command line writing to the given streams: usage errors exit 2, domain
     * errors print {@code ERROR: <message>} and exit 1.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new OpendeskCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        addHelpOptions(commandLine);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            // Guice wraps what a provider throws; the domain error inside is what the user needs
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof OpendeskException) {
                    cmd.getErr().println("ERROR: " + cause.getMessage());
                    cmd.getErr().flush();
                    return FAILURE;
                }
            }
            throw exception;
        });
        return commandLine;
    }

    private static void addHelpOptions(CommandLine commandLine) {
        commandLine.getCommandSpec().mixinStandardHelpOptions(true);
        commandLine.getSubcommands().values().forEach(OpendeskCommand::addHelpOptions);
    }
}
