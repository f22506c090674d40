package dev.opendesk.app.cli;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.OpendeskException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code opendesk} command. Without a subcommand it prints help and exits 0.
 *
 * <p>Its subcommands are registered in code rather than in the annotation, so that a run of one
 * subcommand (the common case, e.g. {@code opendesk mcp} started by an agent) builds the
 * command-line model of that one only: picocli builds every registered command's model by
 * reflection up front, which was a large share of start-up.
 */
@Command(name = "opendesk", mixinStandardHelpOptions = true, version = "opendesk " + OpendeskCommand.VERSION,
        description = "Eyes and hands on a desktop for AI agents: this machine, or a paired one on the LAN.")
public final class OpendeskCommand implements Callable<Integer> {
    /** The app's version, as agents and {@code --version} see it. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    /** Exit code of a runtime failure ({@code ERROR: <msg>} on stderr). */
    public static final int FAILURE = 1;

    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
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
            PendingCommands.Rendezvous.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * The configured command line writing to the given streams, with every subcommand: usage
     * errors exit 2, domain errors print {@code ERROR: <message>} and exit 1.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, SUBCOMMANDS);
    }

    /**
     * The command line for running {@code args}: when they start with a subcommand's name, only
     * that subcommand is registered (it parses and behaves the same, and the others' models are
     * never built); otherwise (help, version, an unknown name) all of them are.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        requireNonNull(args, "args is null");
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                if (subcommand.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(out, err, List.of(subcommand));
                }
            }
        }
        return commandLine(out, err, SUBCOMMANDS);
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        CommandLine commandLine = new CommandLine(new OpendeskCommand());
        subcommands.forEach(commandLine::addSubcommand);
        commandLine.setOut(out);
        commandLine.setErr(err);
        addHelpOptions(commandLine);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            Optional<OpendeskException> domain = DomainErrors.in(exception);
            if (domain.isEmpty()) {
                throw exception;
            }
            cmd.getErr().println("ERROR: " + domain.get().getMessage());
            cmd.getErr().flush();
            return FAILURE;
        });
        return commandLine;
    }

    private static void addHelpOptions(CommandLine commandLine) {
        commandLine.getCommandSpec().mixinStandardHelpOptions(true);
        commandLine.getSubcommands().values().forEach(OpendeskCommand::addHelpOptions);
    }
}
