package dev.opendesk.backend.x11;

import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Window;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applications on a Linux desktop: open, close, focus, list; and locking the screen.
 *
 * <ul>
 *   <li>{@link #openApp}: an executable on {@code PATH} (or an absolute path; words after the first
 *       are its arguments, quoted as in a shell), else a {@code .desktop} entry found by id or by
 *       {@code Name=} (case-insensitive) in the XDG data dirs, launched with {@code gtk-launch} if
 *       present, else from its {@code Exec=} line; else {@code xdg-open} for an existing path or a
 *       URL. Started detached ({@code setsid} when present), output discarded, not waited for,
 *       with {@code DISPLAY} set to our X display.</li>
 *   <li>{@link #closeApp}: SIGTERM to the user's processes whose executable name ({@code comm},
 *       argv[0] or executable file name) equals the name case-insensitively, and to the processes
 *       owning windows whose {@code app_name} equals it. Never ourselves or our ancestors.</li>
 *   <li>{@link #focusApp}: the window whose {@code app_name} equals the name, else whose process
 *       is named so, else whose {@code app_name}, else title, contains it (case-insensitive); the
 *       most recent one of the first group found.</li>
 *   <li>{@link #apps}: the distinct {@code app_name}s (else titles) of the windows; when there are no
 *       windows, the distinct process names of the user's processes that have {@code DISPLAY} or
 *       {@code WAYLAND_DISPLAY} in their environment (GUI-ish), sorted, at most 50.</li>
 *   <li>{@link #lock}: {@code loginctl lock-session} when systemd runs, else
 *       {@code xdg-screensaver lock}.</li>
 * </ul>
 */
final class LinuxApps {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxApps.class);
    private static final String BACKEND = "local/linux";
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.+");
    private static final long COMMAND_TIMEOUT_SECONDS = 15;
    private static final long EARLY_EXIT_MILLIS = 200;
    private static final int MAX_PROCESS_APPS = 50;

    private final X11Windows windows;
    private final Map<String, String> environment;
    private final Path systemdMarker;

    LinuxApps(X11Windows windows) {
        this(windows, System.getenv(), Path.of("/run/systemd/system"));
    }

    /**
     * @param environment where {@code PATH}, {@code HOME} and the XDG dirs come from, and the base
     *     of launched programs' environment
     * @param systemdMarker exists when systemd runs ({@code loginctl} only works then)
     */
    LinuxApps(X11Windows windows, Map<String, String> environment, Path systemdMarker) {
        this.windows = windows;
        this.environment = Map.copyOf(environment);
        this.systemdMarker = systemdMarker;
    }

    void openApp(String name) {
        String trimmed = requireName(name);
        List<String> words = words(trimmed);
        Optional<Path> executable = words.isEmpty() ? Optional.empty() : executable(words.get(0));
        List<String> command;
        if (executable.isPresent()) {
            command = new ArrayList<>(words);
            command.set(0, executable.get().toString());
        } else {
            Optional<DesktopEntry> entry = desktopEntry(trimmed);
            if (entry.isPresent()) {
                command = launchCommand(entry.get());
            } else if (URL.matcher(trimmed).matches() || Files.exists(Path.of(expandHome(trimmed)))) {
                Path xdgOpen = executable("xdg-open").orElseThrow(() -> new OpendeskException(ErrorCode.NOT_FOUND,
                        "no application named '" + trimmed + "' (and xdg-open, which could open it as a file or URL, is not installed)"));
                command = List.of(xdgOpen.toString(), expandHome(trimmed));
            } else {
                throw new OpendeskException(ErrorCode.NOT_FOUND, "no application named '" + trimmed + "'");
            }
        }
        spawn(trimmed, command);
    }

    void closeApp(String name) {
        String trimmed = requireName(name);
        Set<ProcessHandle> targets = new LinkedHashSet<>();
        Predicate<ProcessHandle> ours = ownProcess();
        ProcessHandle.allProcesses().filter(ours).filter(process -> namedAs(process, trimmed)).forEach(targets::add);
        for (Window window : windowsOrEmpty()) {
            if (window.appName().equalsIgnoreCase(trimmed) && window.pid() != null) {
                ProcessHandle.of(window.pid()).filter(ours).ifPresent(targets::add);
            }
        }
        if (targets.isEmpty()) {
            throw new OpendeskException(ErrorCode.NOT_FOUND, "no running application named '" + trimmed + "'");
        }
        for (ProcessHandle process : targets) {
            LOG.debug("SIGTERM to {} ({})", process.pid(), trimmed);
            process.destroy();
        }
    }

    void focusApp(String name) {
        String trimmed = requireName(name);
        String lower = trimmed.toLowerCase(Locale.ROOT);
        List<Window> all = windows.windows();
        List<Predicate<Window>> tiers = List.of(
                window -> window.appName().equalsIgnoreCase(trimmed),
                window -> window.pid() != null && ProcessHandle.of(window.pid()).map(p -> namedAs(p, trimmed)).orElse(false),
                window -> window.appName().toLowerCase(Locale.ROOT).contains(lower),
                window -> window.title().toLowerCase(Locale.ROOT).contains(lower));
        for (Predicate<Window> tier : tiers) {
            List<Window> matches = all.stream().filter(tier).toList();
            if (!matches.isEmpty()) {
                Window chosen = matches.stream().filter(Window::focused).findFirst()
                        .orElse(matches.get(matches.size() - 1));
                windows.focusWindow(chosen.id());
                return;
            }
        }
        throw new OpendeskException(ErrorCode.NOT_FOUND, "no window of an application named '" + trimmed + "'");
    }

    List<String> apps() {
        Set<String> names = new LinkedHashSet<>();
        for (Window window : windows.windows()) {
            String label = window.appName().isBlank() ? window.title() : window.appName();
            if (!label.isBlank()) {
                names.add(label);
            }
        }
        if (!names.isEmpty()) {
            return List.copyOf(names);
        }
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(ownProcess()).filter(process -> process.pid() != self)
                .filter(LinuxApps::graphical).map(LinuxApps::comm).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new)).stream().limit(MAX_PROCESS_APPS).toList();
    }

    /** Whether {@link #lock} has a command to run (for the capability manifest). */
    boolean canLock() {
        return loginctl().isPresent() || executable("xdg-screensaver").isPresent();
    }

    void lock() {
        List<List<String>> commands = new ArrayList<>();
        loginctl().ifPresent(path -> commands.add(List.of(path.toString(), "lock-session")));
        executable("xdg-screensaver").ifPresent(path -> commands.add(List.of(path.toString(), "lock")));
        if (commands.isEmpty()) {
            OpendeskException unsupported = OpendeskException.capabilityUnsupported(Capability.POWER_LOCK, BACKEND);
            throw new OpendeskException(unsupported.code(), unsupported.getMessage()
                    + " Neither 'loginctl' (with systemd running) nor 'xdg-screensaver' is available on PATH.",
                    unsupported.details());
        }
        List<String> failures = new ArrayList<>();
        for (List<String> command : commands) {
            String failure = run(command);
            if (failure == null) {
                return;
            }
            failures.add(failure);
        }
        throw new OpendeskException(ErrorCode.INTERNAL, "could not lock the screen: " + String.join("; ", failures));
    }

    // ---- launching

    private static String requireName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw OpendeskException.invalidArgument("an application name is required");
        }
        return name.strip();
    }

    private void spawn(String name, List<String> command) {
        List<String> full = new ArrayList<>();
        executable("setsid").ifPresent(setsid -> full.add(setsid.toString()));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("DISPLAY", windows.displayName());
        String home = environment.get("HOME");
        if (home != null && Files.isDirectory(Path.of(home))) {
            builder.directory(new File(home));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot start '" + name + "': " + e.getMessage(), e);
        }
        LOG.debug("started {} as pid {}", full, process.pid());
        try {
            if (process.waitFor(EARLY_EXIT_MILLIS, TimeUnit.MILLISECONDS) && process.exitValue() != 0) {
                throw new OpendeskException(ErrorCode.INTERNAL, "'" + name + "' exited at once with status " + process.exitValue()
                        + " (" + String.join(" ", command) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> launchCommand(DesktopEntry entry) {
        Optional<Path> gtkLaunch = executable("gtk-launch");
        if (gtkLaunch.isPresent()) {
            return List.of(gtkLaunch.get().toString(), entry.id());
        }
        List<String> command = new ArrayList<>();
        for (String word : words(entry.exec())) {
            switch (word) {
                case "%f", "%F", "%u", "%U", "%d", "%D", "%n", "%N", "%v", "%m", "%i" -> {
                }
                case "%c" -> command.add(entry.name());
                case "%k" -> command.add(entry.file().toString());
                default -> command.add(stripFieldCodes(word));
            }
        }
        if (command.isEmpty()) {
            throw new OpendeskException(ErrorCode.INTERNAL, "desktop entry " + entry.file() + " has no usable Exec= line");
        }
        if (!command.get(0).contains("/")) {
            command.set(0, executable(command.get(0)).map(Path::toString).orElseThrow(() -> new OpendeskException(
                    ErrorCode.NOT_FOUND, "desktop entry " + entry.file() + " runs '" + command.get(0) + "', which is not on PATH")));
        }
        return command;
    }

    /** Removes {@code %x} field codes inside a word and turns {@code %%} into {@code %}. */
    private static String stripFieldCodes(String word) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '%' && i + 1 < word.length()) {
                char code = word.charAt(++i);
                if (code == '%') {
                    result.append('%');
                }
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }

    /** A {@code .desktop} application entry. */
    record DesktopEntry(String id, Path file, String name, String exec) {
    }

    /** The entry whose id (file name) or {@code Name=} is {@code name}, case-insensitively; ids first. */
    Optional<DesktopEntry> desktopEntry(String name) {
        String id = name.toLowerCase(Locale.ROOT).endsWith(".desktop") ? name.substring(0, name.length() - 8) : name;
        List<Path> dirs = applicationDirs();
        for (Path dir : dirs) {
            Optional<DesktopEntry> exact = parseDesktopEntry(dir.resolve(id + ".desktop"));
            if (exact.isPresent()) {
                return exact;
            }
        }
        DesktopEntry byName = null;
        for (Path dir : dirs) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.desktop")) {
                for (Path file : files) {
                    String fileId = file.getFileName().toString().replaceFirst("\\.desktop$", "");
                    Optional<DesktopEntry> entry = parseDesktopEntry(file);
                    if (entry.isEmpty()) {
                        continue;
                    }
                    if (fileId.equalsIgnoreCase(id)) {
                        return entry;
                    }
                    if (byName == null && entry.get().name().equalsIgnoreCase(name)) {
                        byName = entry.get();
                    }
                }
            } catch (IOException e) {
                // missing or unreadable dir: skip
            }
        }
        return Optional.ofNullable(byName);
    }

    private List<Path> applicationDirs() {
        List<Path> dirs = new ArrayList<>();
        String dataHome = environment.get("XDG_DATA_HOME");
        String home = environment.get("HOME");
        if (dataHome != null && !dataHome.isBlank()) {
            dirs.add(Path.of(dataHome, "applications"));
        } else if (home != null && !home.isBlank()) {
            dirs.add(Path.of(home, ".local", "share", "applications"));
        }
        String dataDirs = environment.getOrDefault("XDG_DATA_DIRS", "");
        for (String dir : (dataDirs.isBlank() ? "/usr/local/share:/usr/share" : dataDirs).split(":")) {
            if (!dir.isBlank()) {
                dirs.add(Path.of(dir, "applications"));
            }
        }
        return dirs.stream().filter(Files::isDirectory).toList();
    }

    private static Optional<DesktopEntry> parseDesktopEntry(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, String> keys = new HashMap<>();
        try {
            boolean inMainGroup = false;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("[")) {
                    inMainGroup = trimmed.equals("[Desktop Entry]");
                } else if (inMainGroup && trimmed.contains("=") && !trimmed.startsWith("#")) {
                    int equals = trimmed.indexOf('=');
                    keys.putIfAbsent(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String exec = keys.get("Exec");
        if (exec == null || exec.isBlank() || !"Application".equals(keys.getOrDefault("Type", "Application"))
                || "true".equals(keys.get("Hidden"))) {
            return Optional.empty();
        }
        String id = file.getFileName().toString().replaceFirst("\\.desktop$", "");
        return Optional.of(new DesktopEntry(id, file, keys.getOrDefault("Name", id), exec));
    }

    /** Splits like a shell (and the Desktop Entry spec): whitespace separates, quotes group, backslash escapes. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\\' && i + 1 < line.length() && (quote == 0 || "\"\\$`".indexOf(line.charAt(i + 1)) >= 0)) {
                current.append(line.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(current.toString());
        }
        return words;
    }

    /** An executable file: {@code name} itself if it contains a slash, else the first match on PATH. */
    Optional<Path> executable(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.contains("/")) {
            Path path = Path.of(expandHome(name));
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : environment.getOrDefault("PATH", "").split(":")) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private String expandHome(String path) {
        String home = environment.get("HOME");
        if (home != null && (path.equals("~") || path.startsWith("~/"))) {
            return home + path.substring(1);
        }
        return path;
    }

    // ---- processes

    private List<Window> windowsOrEmpty() {
        try {
            return windows.windows();
        } catch (OpendeskException e) {
            LOG.debug("cannot list windows: {}", e.getMessage());
            return List.of();
        }
    }

    /** Processes of our user, except ourselves and our ancestors. */
    private static Predicate<ProcessHandle> ownProcess() {
        ProcessHandle self = ProcessHandle.current();
        Set<Long> excluded = new HashSet<>();
        excluded.add(self.pid());
        for (Optional<ProcessHandle> p = self.parent(); p.isPresent(); p = p.get().parent()) {
            excluded.add(p.get().pid());
        }
        Optional<String> user = self.info().user();
        return process -> !excluded.contains(process.pid())
                && (user.isEmpty() || process.info().user().map(user.get()::equals).orElse(false));
    }

    /** Whether the process's comm, argv[0] or executable file name equals {@code name} (case-insensitive). */
    private static boolean namedAs(ProcessHandle process, String name) {
        String wanted = baseName(name);
        if (wanted.isEmpty()) {
            return false;
        }
        Optional<String> comm = comm(process);
        // comm is cut to 15 characters by the kernel
        if (comm.isPresent() && (comm.get().equalsIgnoreCase(wanted)
                || comm.get().length() == 15 && wanted.length() > 15 && wanted.substring(0, 15).equalsIgnoreCase(comm.get()))) {
            return true;
        }
        Optional<String> argv0 = argv0(process);
        if (argv0.isPresent() && baseName(argv0.get()).equalsIgnoreCase(wanted)) {
            return true;
        }
        return process.info().command().map(command -> baseName(command).equalsIgnoreCase(wanted)).orElse(false);
    }

    private static String baseName(String path) {
        String stripped = path.strip();
        int slash = stripped.lastIndexOf('/');
        return slash >= 0 ? stripped.substring(slash + 1) : stripped;
    }

    private static Optional<String> comm(ProcessHandle process) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", Long.toString(process.pid()), "comm")).strip())
                    .filter(s -> !s.isEmpty());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> argv0(ProcessHandle process) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            int end = 0;
            while (end < cmdline.length && cmdline[end] != 0) {
                end++;
            }
            return end == 0 ? Optional.empty() : Optional.of(new String(cmdline, 0, end, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the process has a {@code DISPLAY} or {@code WAYLAND_DISPLAY} variable. */
    private static boolean graphical(ProcessHandle process) {
        try {
            String environ = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ")),
                    StandardCharsets.UTF_8);
            return ("\0" + environ).contains("\0DISPLAY=") || ("\0" + environ).contains("\0WAYLAND_DISPLAY=");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ---- locking

    private Optional<Path> loginctl() {
        return Files.isDirectory(systemdMarker) ? executable("loginctl") : Optional.empty();
    }

    /** Runs a command (15 s at most); null on success, else what went wrong. */
    private @Nullable String run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("DISPLAY", windows.displayName());
        String label = baseName(command.get(0)) + " " + String.join(" ", command.subList(1, command.size()));
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return label + ": timed out after " + COMMAND_TIMEOUT_SECONDS + " s";
            }
            if (process.exitValue() == 0) {
                return null;
            }
            String message = new String(stderr.get(2, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
            return label + ": exit status " + process.exitValue() + (message.isEmpty() ? "" : ": " + message);
        } catch (IOException | ExecutionException | TimeoutException e) {
            return label + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpendeskException(ErrorCode.CANCELLED, "interrupted while locking the screen", e);
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
