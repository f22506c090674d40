package dev.opendesk.app.cli;

import static java.util.Objects.requireNonNull;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.opendesk.app.service.CommandRunner;
import dev.opendesk.app.service.Launcher;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.HostPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opendesk install} / {@code opendesk uninstall}: register the MCP server ({@code <launcher>
 * mcp}) with agent clients, or remove it (spec/surface.md §2).
 * <ul>
 *   <li>Claude Code: {@code claude mcp remove opendesk} (errors ignored) then {@code claude mcp add
 *       opendesk --scope=<scope> -- <launcher> mcp}, as the reference does. Without the {@code claude}
 *       command, its config file is edited instead: {@code ~/.claude.json} (user) or
 *       {@code ./.mcp.json} (project).</li>
 *   <li>Claude Desktop: {@code claude_desktop_config.json} in {@code ~/.config/Claude} (Linux),
 *       {@code ~/Library/Application Support/Claude} (macOS) or {@code %APPDATA%\Claude} (Windows);
 *       it has no project scope.</li>
 *   <li>Cursor: {@code ~/.cursor/mcp.json} (user) or {@code ./.cursor/mcp.json} (project).</li>
 *   <li>Continue: a JSON server file in Claude Desktop's format, {@code .continue/mcpServers/opendesk.json}
 *       under the home (user) or the working directory (project).</li>
 * </ul>
 * A config file is merged, never replaced: every other server and key stays, the previous file is
 * kept as {@code <file>.bak}, the new one is written atomically, and what changed is printed.
 * Uninstall removes only the {@code opendesk} entry.
 */
final class InstallCommands {
    static final String SERVER_NAME = "opendesk";
    static final String SERVERS_KEY = "mcpServers";
    static final List<String> CLIENTS = List.of("claude-code", "claude-desktop", "cursor", "continue");
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private InstallCommands() {
    }

    /** Where things are: the user's home, the working directory, the OS, how to run opendesk and other programs. */
    record Environment(Path userHome, Path workingDirectory, HostPlatform platform, Supplier<List<String>> launcher,
            CommandRunner runner) {
        Environment {
            requireNonNull(userHome, "userHome is null");
            requireNonNull(workingDirectory, "workingDirectory is null");
            requireNonNull(platform, "platform is null");
            requireNonNull(launcher, "launcher is null");
            requireNonNull(runner, "runner is null");
        }

        static Environment system() {
            return new Environment(Paths.get(System.getProperty("user.home")), Paths.get("").toAbsolutePath(),
                    HostPlatform.current(), Launcher::current, CommandRunner.system());
        }

        Path claudeDesktopConfig() {
            if (platform.isMac()) {
                return userHome.resolve("Library/Application Support/Claude/claude_desktop_config.json");
            }
            if (platform.isWindows()) {
                Path appData = platform.variable("APPDATA").map(Paths::get).orElse(userHome.resolve("AppData").resolve("Roaming"));
                return appData.resolve("Claude").resolve("claude_desktop_config.json");
            }
            Path config = platform.variable("XDG_CONFIG_HOME").filter(v -> !v.isBlank()).map(Paths::get)
                    .orElse(userHome.resolve(".config"));
            return config.resolve("Claude").resolve("claude_desktop_config.json");
        }
    }

    /** What {@link JsonConfigs} did to one file. */
    enum Outcome { ADDED, UPDATED, UNCHANGED, REMOVED, ABSENT }

    record Edit(Path file, Outcome outcome, Optional<Path> backup) {
        String describe(String client) {
            String what = switch (outcome) {
                case ADDED -> "added opendesk to";
                case UPDATED -> "updated opendesk in";
                case UNCHANGED -> "opendesk already up to date in";
                case REMOVED -> "removed opendesk from";
                case ABSENT -> "opendesk not present in";
            };
            return client + ": " + what + " " + file + backup.map(b -> "  (previous version kept as " + b + ")").orElse("");
        }
    }

    /** Base of both commands: the client and scope options, and the output. */
    abstract static class ClientCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Option(names = "--client", paramLabel = "CLIENT", defaultValue = "claude-code",
                description = "claude-code, claude-desktop, cursor, continue or all (default: ${DEFAULT-VALUE})")
        String client;

        @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "user",
                description = "user (every project) or project (the current directory) (default: ${DEFAULT-VALUE})")
        String scope;

        private final Supplier<Environment> environment;

        ClientCommand(Supplier<Environment> environment) {
            this.environment = requireNonNull(environment, "environment is null");
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        @Override
        public final Integer call() {
            if (!scope.equals("user") && !scope.equals("project")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--scope must be user or project, not '" + scope + "'");
            }
            List<String> clients;
            if (client.equals("all")) {
                clients = CLIENTS;
            } else if (CLIENTS.contains(client)) {
                clients = List.of(client);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--client must be one of " + String.join(", ", CLIENTS) + " or all, not '" + client + "'");
            }
            Environment env = environment.get();
            boolean failed = false;
            for (String name : clients) {
                try {
                    run(env, name);
                } catch (OpendeskException e) {
                    err().println("ERROR: " + name + ": " + e.getMessage());
                    failed = true;
                }
            }
            out().flush();
            err().flush();
            return failed ? OpendeskCommand.FAILURE : 0;
        }

        abstract void run(Environment env, String client);

        /** The config file of a client that is configured through a file, for this scope. */
        Path configFile(Environment env, String client) {
            boolean project = scope.equals("project");
            Path base = project ? env.workingDirectory() : env.userHome();
            return switch (client) {
                case "claude-code" -> project ? base.resolve(".mcp.json") : base.resolve(".claude.json");
                case "claude-desktop" -> {
                    if (project) {
                        out().println("claude-desktop: it has no project configuration; using its user configuration");
                    }
                    yield env.claudeDesktopConfig();
                }
                case "cursor" -> base.resolve(".cursor").resolve("mcp.json");
                case "continue" -> base.resolve(".continue").resolve("mcpServers").resolve("opendesk.json");
                default -> throw new IllegalArgumentException(client);
            };
        }
    }

    @Command(name = "install", description = {
        "Register the opendesk MCP server (<launcher> mcp) with an agent client.",
        "Claude Code through its 'claude' command when present; the others (and Claude Code without it)",
        "by merging an 'opendesk' entry into their JSON config, keeping everything else and a .bak copy."})
    static final class Install extends ClientCommand {
        Install() {
            this(Environment::system);
        }

        Install(Supplier<Environment> environment) {
            super(environment);
        }

        @Override
        void run(Environment env, String client) {
            List<String> launch = new ArrayList<>(env.launcher().get());
            launch.add("mcp");
            if (client.equals("claude-code") && claudeAdd(env, launch)) {
                return;
            }
            JsonObject entry = new JsonObject();
            if (client.equals("claude-code")) {
                entry.addProperty("type", "stdio");
            }
            entry.addProperty("command", launch.get(0));
            JsonArray args = new JsonArray();
            launch.subList(1, launch.size()).forEach(args::add);
            entry.add("args", args);
            // MCP clients start servers with a trimmed environment: pass on where the desktop is
            JsonObject desktop = desktopEnvironment();
            if (client.equals("claude-code") || desktop.size() > 0) {
                entry.add("env", desktop);
            }
            Edit edit = JsonConfigs.put(configFile(env, client), SERVERS_KEY, SERVER_NAME, entry);
            out().println(edit.describe(client));
            out().println("  Command: " + String.join(" ", launch));
            out().println("  Restart " + client + ", then ask it to \"take a screenshot\".");
        }

        /** The variables that locate this user's desktop session, as set where install runs. */
        private static JsonObject desktopEnvironment() {
            JsonObject variables = new JsonObject();
            for (String name : List.of("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")) {
                String value = System.getenv(name);
                if (value != null && !value.isBlank()) {
                    variables.addProperty(name, value);
                }
            }
            return variables;
        }

        /** Registers through the {@code claude} command; false when the command is not installed. */
        private boolean claudeAdd(Environment env, List<String> launch) {
            try {
                env.runner().run(List.of("claude", "mcp", "remove", SERVER_NAME)); // not registered yet: fine
            } catch (IOException e) {
                out().println("claude-code: the 'claude' command was not found (Claude Code: https://docs.anthropic.com/en/docs/claude-code);"
                        + " editing its config file instead");
                return false;
            }
            List<String> add = new ArrayList<>(List.of("claude", "mcp", "add", SERVER_NAME, "--scope=" + scope, "--"));
            add.addAll(launch);
            CommandRunner.Result result;
            try {
                result = env.runner().run(add);
            } catch (IOException e) {
                throw new OpendeskException(ErrorCode.INTERNAL, "running claude mcp add: " + e.getMessage(), e);
            }
            if (!result.ok()) {
                throw new OpendeskException(ErrorCode.INTERNAL, "claude mcp add failed: " + result.firstLine());
            }
            out().println("opendesk MCP server registered (" + scope + ").");
            out().println("  Binary: " + launch.get(0));
            out().println("  Restart Claude Code, then ask it to \"take a screenshot\".");
            return true;
        }
    }

    @Command(name = "uninstall", description = "Remove the opendesk MCP server from an agent client (only the 'opendesk' entry).")
    static final class Uninstall extends ClientCommand {
        Uninstall() {
            this(Environment::system);
        }

        Uninstall(Supplier<Environment> environment) {
            super(environment);
        }

        @Override
        void run(Environment env, String client) {
            if (client.equals("claude-code")) {
                try {
                    CommandRunner.Result result = env.runner().run(List.of("claude", "mcp", "remove", SERVER_NAME, "--scope=" + scope));
                    out().println(result.ok() ? "opendesk MCP server removed from Claude Code (" + scope + ")."
                            : "claude-code: opendesk was not registered (" + scope + "): " + result.firstLine());
                    return;
                } catch (IOException e) {
                    out().println("claude-code: the 'claude' command was not found; editing its config file instead");
                }
            }
            Edit edit = JsonConfigs.remove(configFile(env, client), SERVERS_KEY, SERVER_NAME, client.equals("continue"));
            out().println(edit.describe(client));
        }
    }

    /** Merging one server entry into a JSON config file, and taking it out again. */
    static final class JsonConfigs {
        private JsonConfigs() {
        }

        /** Sets {@code root[serversKey][name] = entry}, keeping everything else. */
        static Edit put(Path file, String serversKey, String name, JsonObject entry) {
            JsonObject root = read(file);
            JsonObject servers = servers(file, root, serversKey, true);
            JsonElement previous = servers.get(name);
            if (entry.equals(previous)) {
                return new Edit(file, Outcome.UNCHANGED, Optional.empty());
            }
            servers.add(name, entry);
            Optional<Path> backup = write(file, root);
            return new Edit(file, previous == null ? Outcome.ADDED : Outcome.UPDATED, backup);
        }

        /**
         * Removes {@code root[serversKey][name]}, keeping everything else; a file that held nothing
         * else is deleted when {@code deleteWhenEmpty} (a file of our own).
         */
        static Edit remove(Path file, String serversKey, String name, boolean deleteWhenEmpty) {
            if (!Files.exists(file)) {
                return new Edit(file, Outcome.ABSENT, Optional.empty());
            }
            JsonObject root = read(file);
            JsonObject servers = servers(file, root, serversKey, false);
            if (servers == null || servers.remove(name) == null) {
                return new Edit(file, Outcome.ABSENT, Optional.empty());
            }
            if (deleteWhenEmpty && servers.size() == 0 && root.size() == 1) {
                Optional<Path> backup = backup(file);
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new OpendeskException(ErrorCode.INTERNAL, "cannot delete " + file + ": " + e.getMessage(), e);
                }
                return new Edit(file, Outcome.REMOVED, backup);
            }
            return new Edit(file, Outcome.REMOVED, write(file, root));
        }

        private static JsonObject read(Path file) {
            if (!Files.exists(file)) {
                return new JsonObject();
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new OpendeskException(ErrorCode.INTERNAL, "cannot read " + file + ": " + e.getMessage(), e);
            }
            if (text.isBlank()) {
                return new JsonObject();
            }
            try {
                // strict: a file with comments or other extensions is refused rather than silently rewritten without them
                JsonReader reader = new JsonReader(new StringReader(text));
                reader.setStrictness(Strictness.STRICT);
                JsonElement parsed = JsonParser.parseReader(reader);
                if (reader.peek() != JsonToken.END_DOCUMENT) {
                    throw new JsonParseException("text after the JSON value");
                }
                if (!parsed.isJsonObject()) {
                    throw new OpendeskException(ErrorCode.INVALID_ARGUMENT, file + " does not hold a JSON object; fix or move it, then run again");
                }
                return parsed.getAsJsonObject();
            } catch (JsonParseException | IOException e) {
                throw new OpendeskException(ErrorCode.INVALID_ARGUMENT, file + " is not valid JSON (" + e.getMessage()
                        + "); fix or move it, then run again", e);
            }
        }

        private static @Nullable JsonObject servers(Path file, JsonObject root, String key, boolean create) {
            JsonElement servers = root.get(key);
            if (servers == null || servers.isJsonNull()) {
                if (!create) {
                    return null;
                }
                JsonObject fresh = new JsonObject();
                root.add(key, fresh);
                return fresh;
            }
            if (!servers.isJsonObject()) {
                throw new OpendeskException(ErrorCode.INVALID_ARGUMENT, "\"" + key + "\" in " + file
                        + " is not a JSON object; fix it, then run again");
            }
            return servers.getAsJsonObject();
        }

        /** Writes atomically (a temporary file in the same directory, then a rename); returns the backup made. */
        private static Optional<Path> write(Path file, JsonObject root) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Optional<Path> backup = backup(file);
                Path temporary = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
                try {
                    Files.writeString(temporary, PRETTY.toJson(root) + "\n", StandardCharsets.UTF_8);
                    if (Files.exists(file)) {
                        copyPermissions(file, temporary);
                    }
                    try {
                        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(temporary);
                }
                return backup;
            } catch (IOException e) {
                throw new OpendeskException(ErrorCode.INTERNAL, "cannot write " + file + ": " + e.getMessage(), e);
            }
        }

        private static Optional<Path> backup(Path file) {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            Path backup = file.resolveSibling(file.getFileName() + ".bak");
            try {
                Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                throw new OpendeskException(ErrorCode.INTERNAL, "cannot back up " + file + ": " + e.getMessage(), e);
            }
            return Optional.of(backup);
        }

        private static void copyPermissions(Path from, Path to) throws IOException {
            PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
            PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            if (source != null && target != null) {
                target.setPermissions(source.readAttributes().permissions());
            }
        }
    }
}
