package dev.opendesk.app.cli;

import com.google.inject.Injector;
import dev.opendesk.app.tools.AgentToolCatalogs;
import dev.opendesk.app.wiring.Wiring;
import dev.opendesk.core.model.OpendeskException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code opendesk mcp} in its plain stdio form, {@code mcp [--home DIR] [--backend ID] [--codec
 * ID]} (each at most once, as {@code --name value} or {@code --name=value}), served without
 * picocli. An MCP client starts this form on every session, and picocli's classes (built for
 * Java 5, which class-data sharing cannot archive) and its reflective model were a tenth of a
 * second of that start-up. Any other form, and any failure to wire the run before serving (a bad
 * {@code --backend}, say), goes to the full command line instead, which parses, reports and exits
 * exactly as before.
 */
public final class McpQuickStart {
    private static final List<String> OPTIONS = List.of("--home", "--backend", "--codec");

    private McpQuickStart() {
    }

    /** The options of a plain stdio {@code mcp} run. */
    record Plain(Optional<Path> home, Optional<String> backend, Optional<String> codec) {
    }

    /**
     * Serves a plain {@code mcp} run to its end and returns the exit code; empty when {@code args}
     * are not that form or the run could not be wired, for the full command line to take over.
     */
    public static OptionalInt run(String[] args, PrintStream err) {
        Optional<Plain> plain = parse(args);
        if (plain.isEmpty()) {
            return OptionalInt.empty();
        }
        Injector services;
        try {
            services = Wiring.injector(plain.get().home(), plain.get().backend(), plain.get().codec());
        } catch (RuntimeException e) {
            return OptionalInt.empty(); // the command line repeats it and reports it as usual
        }
        McpServing serving = new McpServing(AgentToolCatalogs::create, null, null);
        try {
            serving.serve(services, OpendeskCommand.VERSION, serving::serveStdio);
            return OptionalInt.of(0);
        } catch (RuntimeException e) {
            OpendeskException domain = DomainErrors.in(e).orElseThrow(() -> e);
            err.println("ERROR: " + domain.getMessage());
            err.flush();
            return OptionalInt.of(OpendeskCommand.FAILURE);
        }
    }

    /** The plain form's options, or empty when {@code args} are anything else. */
    static Optional<Plain> parse(String... args) {
        if (args.length == 0 || !args[0].equals("mcp")) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!OPTIONS.contains(name) || values.containsKey(name)) {
                return Optional.empty();
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-")) {
                return Optional.empty();
            }
            values.put(name, value);
        }
        return Optional.of(new Plain(Optional.ofNullable(values.get("--home")).map(Path::of),
                Optional.ofNullable(values.get("--backend")), Optional.ofNullable(values.get("--codec"))));
    }
}
