package dev.opendesk.core.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.computer.ExecCommand;
import dev.opendesk.core.computer.ShellCommand;
import dev.opendesk.core.model.CompletedCommand;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "uses POSIX sh, signals and file modes")
@Timeout(60)
final class CommandRunnerTest {
    private final CommandRunner runner = new CommandRunner();

    @TempDir
    Path dir;

    @Test
    void shellCapturesBothStreamsAndExitCode() {
        CompletedCommand result = runner.shell(ShellCommand.of("echo hello; echo oops >&2; exit 3"));
        assertThat(result.returncode()).isEqualTo(3);
        assertThat(result.stdoutText()).isEqualTo("hello\n");
        assertThat(result.stderrText()).isEqualTo("oops\n");
        assertThat(result.duration()).isGreaterThanOrEqualTo(0).isLessThan(10);

        assertThat(runner.shell(ShellCommand.of("true")).returncode()).isZero();
        assertThat(runner.shell(ShellCommand.of("no-such-command-xyz")).returncode()).isEqualTo(127);
    }

    @Test
    void shellStdinIsClosed() {
        CompletedCommand result = runner.shell(ShellCommand.of("cat; echo done"));
        assertThat(result.stdoutText()).isEqualTo("done\n");
    }

    @Test
    void largeOutputOnBothStreamsDoesNotDeadlock() {
        // ~2 MB on stdout and ~1.5 MB on stderr, interleaved
        CompletedCommand result = runner.shell(ShellCommand.of(
                "i=0; while [ $i -lt 3 ]; do head -c 700000 /dev/zero | tr '\\0' a; head -c 500000 /dev/zero | tr '\\0' b >&2; i=$((i+1)); done"));
        assertThat(result.returncode()).isZero();
        assertThat(result.stdout()).hasSize(2_100_000);
        assertThat(result.stderr()).hasSize(1_500_000);
        assertThat(result.stdoutText()).doesNotContain("b");
    }

    @Test
    void execPassesArgvVerbatimAndFeedsStdin() {
        byte[] input = new byte[3_000_000];
        new Random(1).nextBytes(input);
        CompletedCommand cat = runner.exec(new ExecCommand(List.of("cat"), null, null, Map.of(), input));
        assertThat(cat.returncode()).isZero();
        assertThat(cat.stdout()).isEqualTo(input);

        CompletedCommand echo = runner.exec(ExecCommand.of("printf", "%s|", "a b", "$HOME", "*"));
        assertThat(echo.stdoutText()).isEqualTo("a b|$HOME|*|");

        // a child that does not read its stdin does not hang the call
        CompletedCommand ignoring = runner.exec(new ExecCommand(List.of("true"), null, null, Map.of(), input));
        assertThat(ignoring.returncode()).isZero();
    }

    @Test
    void envIsMergedOverTheHostEnvironment() {
        CompletedCommand result = runner.shell(new ShellCommand("echo \"$OPENDESK_X:$PATH\"", null, null,
                Map.of("OPENDESK_X", "42")));
        assertThat(result.stdoutText()).startsWith("42:").contains(System.getenv("PATH"));

        CompletedCommand overridden = runner.exec(new ExecCommand(List.of("sh", "-c", "echo $HOME"), null, null,
                Map.of("HOME", "/elsewhere"), null));
        assertThat(overridden.stdoutText()).isEqualTo("/elsewhere\n");
    }

    @Test
    void cwdIsUsedAndCheckedWithClearErrors() throws Exception {
        CompletedCommand pwd = runner.shell(new ShellCommand("pwd", null, dir.toString(), Map.of()));
        assertThat(Path.of(pwd.stdoutText().strip()).toRealPath()).isEqualTo(dir.toRealPath());

        assertThatThrownBy(() -> runner.shell(new ShellCommand("pwd", null, dir.resolve("missing").toString(), Map.of())))
                .isInstanceOfSatisfying(OpendeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).contains("no such directory").contains("missing");
                });
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> runner.exec(new ExecCommand(List.of("pwd"), null, file.toString(), Map.of(), null)))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void missingExecutableIsNotFound() {
        assertThatThrownBy(() -> runner.exec(ExecCommand.of("/no/such/program-xyz", "a")))
                .isInstanceOfSatisfying(OpendeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).contains("/no/such/program-xyz");
                });
    }

    @Test
    void timeoutKillsTheChildAndItsDescendants() throws Exception {
        Path pids = dir.resolve("pids");
        long started = System.nanoTime();
        assertThatThrownBy(() -> runner.shell(new ShellCommand(
                "sleep 30 & echo $! > " + pids + "; echo $$ >> " + pids + "; sleep 30", Duration.ofMillis(1500), null, Map.of())))
                .isInstanceOfSatisfying(OpendeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
                    assertThat(e.getMessage()).isEqualTo("command timed out after 1.5 s");
                });
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(10);
        assertGone(pids);

        assertThatThrownBy(() -> runner.exec(new ExecCommand(List.of("sleep", "30"), Duration.ofSeconds(2), null, Map.of(), null)))
                .hasMessage("command timed out after 2.0 s");
    }

    @Test
    void interruptKillsTheChildAndCancels() throws Exception {
        Path pids = dir.resolve("pids");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                runner.shell(ShellCommand.of("sleep 30 & echo $! > " + pids + "; echo $$ >> " + pids + "; wait"));
            } catch (Throwable t) {
                failure.set(t);
            }
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        waitForLines(pids, 2);
        caller.interrupt();
        caller.join(10_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOfSatisfying(OpendeskException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        assertThat(interruptedAfter.get()).isTrue();
        assertGone(pids);
    }

    @Test
    void manyConcurrentCommands() throws Exception {
        List<CompletableFuture<CompletedCommand>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String word = "w" + i;
            futures.add(CompletableFuture.supplyAsync(() -> runner.exec(ExecCommand.of("echo", word))));
        }
        for (int i = 0; i < 8; i++) {
            assertThat(futures.get(i).get(30, TimeUnit.SECONDS).stdout()).isEqualTo(("w" + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void waitForLines(Path file, int lines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file).size() >= lines) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no pids written");
    }

    private static void assertGone(Path pids) throws Exception {
        waitForLines(pids, 2);
        for (String line : Files.readAllLines(pids)) {
            long pid = Long.parseLong(line.strip());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid + " alive").isFalse();
        }
    }
}
