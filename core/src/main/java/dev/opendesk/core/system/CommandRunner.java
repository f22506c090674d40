package dev.opendesk.core.system;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.computer.ExecCommand;
import dev.opendesk.core.computer.ShellCommand;
import dev.opendesk.core.model.CompletedCommand;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code process.shell} and {@code process.exec} on this machine.
 *
 * <p>A shell command runs as {@code /bin/sh -c <command>} ({@code cmd.exe /c} on Windows) with
 * standard input closed at once; an exec'd program gets the given stdin bytes, then EOF. The
 * environment is the host's with {@code env} merged over it. Standard output and error are
 * read fully and concurrently (no pipe can fill up and stall the child). On timeout, or when the
 * calling thread is interrupted (a {@code CANCEL}), the child and all its descendants are killed
 * and the call fails with {@code timeout} or {@code cancelled}.
 *
 * <p>Return codes are what the JDK reports: a child killed by a signal shows as 128 + signal on
 * POSIX (the reference reports −signal).
 */
public final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService IO = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "opendesk-command-io-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Runs a command line through the shell and waits for it. */
    public CompletedCommand shell(ShellCommand command) {
        requireNonNull(command, "command is null");
        List<String> argv = WINDOWS
                ? List.of("cmd.exe", "/c", command.command())
                : List.of("/bin/sh", "-c", command.command());
        return run(argv, command.timeout(), command.cwd(), command.env(), null);
    }

    /** Runs a program from an argument vector and waits for it. */
    public CompletedCommand exec(ExecCommand command) {
        requireNonNull(command, "command is null");
        return run(command.argv(), command.timeout(), command.cwd(), command.env(), command.stdin());
    }

    private static CompletedCommand run(List<String> argv, @Nullable Duration timeout, @Nullable String cwd,
                                        Map<String, String> env, byte @Nullable [] stdin) {
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (cwd != null) {
            Path dir = LocalFiles.resolve(cwd);
            if (!Files.exists(dir)) {
                throw new OpendeskException(ErrorCode.NOT_FOUND, "no such directory: " + cwd);
            }
            if (!Files.isDirectory(dir)) {
                throw OpendeskException.invalidArgument("not a directory: " + cwd);
            }
            builder.directory(dir.toFile());
        }
        builder.environment().putAll(env);
        if (Thread.currentThread().isInterrupted()) {
            throw new OpendeskException(ErrorCode.CANCELLED, "command cancelled before it started");
        }
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("error=2,") || message.contains("CreateProcess error=2")) {
                throw new OpendeskException(ErrorCode.NOT_FOUND, "no such executable: " + argv.get(0), e);
            }
            if (message.contains("error=13,")) {
                throw new OpendeskException(ErrorCode.INTERNAL, "permission denied: " + argv.get(0), e);
            }
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot start " + argv.get(0) + ": " + message, e);
        }
        Future<byte[]> stdout = IO.submit(() -> readAll(process.getInputStream()));
        Future<byte[]> stderr = IO.submit(() -> readAll(process.getErrorStream()));
        if (stdin == null || stdin.length == 0) {
            closeQuietly(process.getOutputStream());
        } else {
            IO.submit(() -> feed(process.getOutputStream(), stdin));
        }
        long deadline = timeout == null ? Long.MAX_VALUE : start + saturatedNanos(timeout);
        try {
            if (timeout == null) {
                process.waitFor();
            } else if (!process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw timedOut(process, timeout);
            }
            byte[] out = collect(stdout, deadline, process, timeout);
            byte[] err = collect(stderr, deadline, process, timeout);
            double duration = Math.max(0, (System.nanoTime() - start) / 1e9);
            return new CompletedCommand(process.exitValue(), out, err, duration);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new OpendeskException(ErrorCode.CANCELLED, "command cancelled", e);
        }
    }

    private static byte[] collect(Future<byte[]> output, long deadline, Process process, @Nullable Duration timeout)
            throws InterruptedException {
        try {
            if (timeout == null) {
                return output.get();
            }
            return output.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // the child is gone but something it started still holds the pipe open
            throw timedOut(process, requireNonNull(timeout));
        } catch (ExecutionException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "reading the command's output failed: " + e.getCause(), e.getCause());
        }
    }

    private static OpendeskException timedOut(Process process, Duration timeout) {
        killTree(process);
        return new OpendeskException(ErrorCode.TIMEOUT, "command timed out after " + timeout.toNanos() / 1e9 + " s");
    }

    /**
     * Kills the child and every descendant: the descendants are listed before the child dies
     * (after that they are re-parented and no longer found), and each one's own descendants
     * before it is killed.
     */
    static void killTree(Process process) {
        Deque<ProcessHandle> pending = new ArrayDeque<>();
        try {
            process.descendants().forEach(pending::add);
        } catch (RuntimeException e) {
            LOG.debug("cannot list the descendants of {}", process.pid(), e);
        }
        process.destroyForcibly();
        Set<Long> seen = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            ProcessHandle handle = pending.poll();
            if (!seen.add(handle.pid())) {
                continue;
            }
            try {
                handle.descendants().forEach(pending::add);
                handle.destroyForcibly();
            } catch (RuntimeException e) {
                LOG.debug("cannot kill {}", handle.pid(), e);
            }
        }
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void feed(OutputStream out, byte[] data) {
        try (out) {
            out.write(data);
        } catch (IOException e) {
            // the child exited or closed its stdin without reading everything, as programs may
            LOG.debug("stdin not fully written: {}", e.toString());
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            LOG.debug("closing stdin failed: {}", e.toString());
        }
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }
}
