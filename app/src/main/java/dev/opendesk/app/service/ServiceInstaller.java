package dev.opendesk.app.service;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.spi.HostPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Installs and removes the per-user service of the running OS (spec/surface.md §4): writes the
 * systemd unit or launchd plist under the given user home (or creates the scheduled task) and
 * starts it with the OS's service manager. Only the running OS's steps ever execute; the text
 * comes from {@link ServiceFiles}.
 */
public final class ServiceInstaller {
    /** The service manager used on an OS. */
    public enum Manager {
        SYSTEMD("systemd"), LAUNCHD("launchd"), SCHTASKS("schtasks");

        private final String label;

        Manager(String label) {
            this.label = label;
        }

        /** The word shown to users. */
        public String label() {
            return label;
        }
    }

    /**
     * What install did.
     *
     * @param manager the service manager
     * @param location the file written, or {@code TaskScheduler:opendesk}
     * @param status one line: started, not started, or a warning saying why not and what to run
     * @param warning whether {@code status} is a warning
     */
    public record Installed(Manager manager, String location, String status, boolean warning) {
        public Installed {
            requireNonNull(manager, "manager is null");
            requireNonNull(location, "location is null");
            requireNonNull(status, "status is null");
        }
    }

    private static final String SYSTEMD_START = "systemctl --user daemon-reload && systemctl --user enable --now opendesk";

    private final Manager manager;
    private final Path userHome;
    private final Path opendeskHome;
    private final CommandRunner runner;

    /**
     * @param platform the running OS (decides the manager)
     * @param userHome where per-user service files go (normally {@code user.home})
     * @param opendeskHome the opendesk home (launchd writes its logs there)
     * @throws OpendeskException {@code capability_unsupported} on an OS without a known manager
     */
    public ServiceInstaller(HostPlatform platform, Path userHome, Path opendeskHome, CommandRunner runner) {
        requireNonNull(platform, "platform is null");
        this.userHome = requireNonNull(userHome, "userHome is null");
        this.opendeskHome = requireNonNull(opendeskHome, "opendeskHome is null");
        this.runner = requireNonNull(runner, "runner is null");
        if (platform.isLinux()) {
            manager = Manager.SYSTEMD;
        } else if (platform.isMac()) {
            manager = Manager.LAUNCHD;
        } else if (platform.isWindows()) {
            manager = Manager.SCHTASKS;
        } else {
            throw new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED, "no service manager known for " + platform.osName());
        }
    }

    /** The manager this OS uses. */
    public Manager manager() {
        return manager;
    }

    /** Installs the service for {@code spec}, and starts it unless {@code start} is false. */
    public Installed install(ServiceSpec spec, boolean start) {
        return switch (manager) {
            case SYSTEMD -> installSystemd(spec, start);
            case LAUNCHD -> installLaunchd(spec, start);
            case SCHTASKS -> installSchtasks(spec, start);
        };
    }

    /** Stops and removes the service; whether there was one. */
    public boolean uninstall() {
        return switch (manager) {
            case SYSTEMD -> {
                Path unit = ServiceFiles.systemdUnitPath(userHome);
                if (!Files.exists(unit)) {
                    yield false;
                }
                tryRun(List.of("systemctl", "--user", "disable", "--now", ServiceFiles.SYSTEMD_UNIT));
                delete(unit);
                tryRun(List.of("systemctl", "--user", "daemon-reload"));
                yield true;
            }
            case LAUNCHD -> {
                Path plist = ServiceFiles.launchdPlistPath(userHome);
                if (!Files.exists(plist)) {
                    yield false;
                }
                tryRun(List.of("launchctl", "unload", "-w", plist.toString()));
                delete(plist);
                yield true;
            }
            case SCHTASKS -> {
                CommandRunner.Result query = tryRun(List.of("schtasks", "/query", "/tn", ServiceFiles.TASK_NAME));
                if (query == null || !query.ok()) {
                    yield false;
                }
                tryRun(List.of("schtasks", "/end", "/tn", ServiceFiles.TASK_NAME));
                CommandRunner.Result deleted = tryRun(List.of("schtasks", "/delete", "/tn", ServiceFiles.TASK_NAME, "/f"));
                if (deleted == null || !deleted.ok()) {
                    throw new OpendeskException(ErrorCode.INTERNAL, "schtasks /delete failed: "
                            + (deleted == null ? "schtasks not found" : deleted.firstLine()));
                }
                yield true;
            }
        };
    }

    private Installed installSystemd(ServiceSpec spec, boolean start) {
        Path unit = ServiceFiles.systemdUnitPath(userHome);
        write(unit, ServiceFiles.systemdUnit(spec));
        if (!start) {
            return new Installed(manager, unit.toString(), "Not started (--no-start). Start it with: " + SYSTEMD_START, false);
        }
        String failure = firstFailure(List.of(List.of("systemctl", "--user", "daemon-reload"),
                List.of("systemctl", "--user", "enable", "--now", ServiceFiles.SYSTEMD_UNIT)));
        if (failure != null) {
            return new Installed(manager, unit.toString(), "WARNING: not started: systemctl --user is not usable here (" + failure
                    + "). Start it from your desktop session with: " + SYSTEMD_START, true);
        }
        return new Installed(manager, unit.toString(), "Started (systemctl --user enable --now opendesk); it starts again at every log-in.", false);
    }

    private Installed installLaunchd(ServiceSpec spec, boolean start) {
        Path plist = ServiceFiles.launchdPlistPath(userHome);
        write(plist, ServiceFiles.launchdPlist(spec, opendeskHome));
        String load = "launchctl load -w " + plist;
        if (!start) {
            return new Installed(manager, plist.toString(), "Not started (--no-start). Start it with: " + load, false);
        }
        tryRun(List.of("launchctl", "unload", plist.toString()));
        String failure = firstFailure(List.of(List.of("launchctl", "load", "-w", plist.toString())));
        if (failure != null) {
            return new Installed(manager, plist.toString(), "WARNING: not started: " + failure + ". Start it with: " + load, true);
        }
        return new Installed(manager, plist.toString(), "Started (launchctl load -w); it starts again at every log-in.", false);
    }

    private Installed installSchtasks(ServiceSpec spec, boolean start) {
        String location = "TaskScheduler:" + ServiceFiles.TASK_NAME;
        String failure = firstFailure(List.of(ServiceFiles.schtasksCreate(spec)));
        if (failure != null) {
            throw new OpendeskException(ErrorCode.INTERNAL, "schtasks /create failed: " + failure);
        }
        String run = "schtasks /run /tn " + ServiceFiles.TASK_NAME;
        if (!start) {
            return new Installed(manager, location, "Not started (--no-start). Start it with: " + run, false);
        }
        failure = firstFailure(List.of(List.of("schtasks", "/run", "/tn", ServiceFiles.TASK_NAME)));
        if (failure != null) {
            return new Installed(manager, location, "WARNING: not started: " + failure + ". Start it with: " + run, true);
        }
        return new Installed(manager, location, "Started; it starts again at every log-on.", false);
    }

    /** Runs commands in order; the first failure as text ("systemctl not found", its first output line), or null. */
    private @Nullable String firstFailure(List<List<String>> commands) {
        for (List<String> command : commands) {
            CommandRunner.Result result;
            try {
                result = runner.run(command);
            } catch (IOException e) {
                return command.get(0) + " not found";
            }
            if (!result.ok()) {
                return String.join(" ", command.subList(0, Math.min(3, command.size()))) + ": " + result.firstLine();
            }
        }
        return null;
    }

    private CommandRunner.@Nullable Result tryRun(List<String> command) {
        try {
            return runner.run(command);
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
