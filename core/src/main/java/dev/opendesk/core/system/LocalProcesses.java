package dev.opendesk.core.system;

import dev.opendesk.core.model.Process;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code process.list} on this machine, from {@link ProcessHandle#allProcesses()}. On Linux the
 * command line comes from {@code /proc/<pid>/cmdline} (the exact argv) and the name falls back to
 * {@code /proc/<pid>/comm} when the executable is unknown (kernel threads, other users'
 * processes). A process that exits while it is being listed is left out or keeps what was read.
 */
public final class LocalProcesses {
    private static final boolean PROC = Files.isDirectory(Path.of("/proc/self"));

    /** The processes, sorted by pid. */
    public List<Process> processes() {
        List<Process> result = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(handle -> {
            Process process = describe(handle);
            if (process != null) {
                result.add(process);
            }
        });
        result.sort(Comparator.comparingLong(Process::pid));
        return result;
    }

    private static @Nullable Process describe(ProcessHandle handle) {
        try {
            long pid = handle.pid();
            ProcessHandle.Info info = handle.info();
            Optional<String> command = info.command();
            List<String> fromProc = PROC ? procCmdline(pid) : null;
            List<String> cmdline = fromProc != null ? fromProc : fromInfo(info);
            String name = command.map(LocalProcesses::basename).orElse(null);
            if (name == null || name.isEmpty()) {
                name = PROC ? procComm(pid) : null;
            }
            if ((name == null || name.isEmpty()) && !cmdline.isEmpty()) {
                name = basename(cmdline.get(0));
            }
            Long ppid = handle.parent().map(ProcessHandle::pid).orElse(null);
            return new Process(pid, name == null ? "" : name, ppid, cmdline);
        } catch (RuntimeException e) {
            return null; // vanished or unreadable mid-listing
        }
    }

    private static List<String> fromInfo(ProcessHandle.Info info) {
        List<String> cmdline = new ArrayList<>();
        info.command().ifPresent(command -> {
            cmdline.add(command);
            for (String arg : info.arguments().orElse(new String[0])) {
                if (arg != null) {
                    cmdline.add(arg);
                }
            }
        });
        return cmdline;
    }

    private static @Nullable List<String> procCmdline(long pid) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    args.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < bytes.length) {
                args.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
            }
            return args;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable String procComm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String basename(String command) {
        String trimmed = command.endsWith("/") || command.endsWith("\\") ? command.substring(0, command.length() - 1) : command;
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return trimmed.substring(slash + 1);
    }
}
