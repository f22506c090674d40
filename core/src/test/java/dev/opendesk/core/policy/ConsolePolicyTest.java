package dev.opendesk.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.protocol.WireMethod;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class ConsolePolicyTest {

    /** A scripted terminal: answers in order, records the prompts. */
    private static final class FakePrompter implements Prompter {
        final boolean interactive;
        final Deque<Optional<String>> answers = new ArrayDeque<>();
        final List<String> prompts = Collections.synchronizedList(new ArrayList<>());

        FakePrompter(boolean interactive, String... answers) {
            this.interactive = interactive;
            for (String a : answers) {
                this.answers.add(Optional.ofNullable(a));
            }
        }

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public synchronized Optional<String> ask(String prompt) {
            prompts.add(prompt);
            return answers.isEmpty() ? Optional.empty() : answers.poll();
        }
    }

    private static PolicyRequest shell() {
        return new PolicyRequest("laptop", "process.shell", "run shell: 'ls'");
    }

    @Test
    void observationSetIsExactlyTheSpecList() {
        // protocol §14.2, verbatim
        Set<String> spec = Set.of("system.capabilities", "system.environment", "display.capture",
                "display.cursor_position", "display.displays", "display.subscribe", "windows.list", "windows.focused",
                "ui.tree", "clipboard.read", "fs.read", "fs.list", "fs.stat", "process.list", "apps.list",
                "notifications.list", "input.subscribe");
        assertThat(ConsolePolicy.OBSERVATION_METHODS).isEqualTo(spec);
        assertThat(WireMethod.values()).hasSize(35);
    }

    @Test
    void observationsPassWithoutAPrompt() {
        FakePrompter tty = new FakePrompter(false);
        ConsolePolicy policy = new ConsolePolicy(tty);
        for (String method : ConsolePolicy.OBSERVATION_METHODS) {
            assertThat(policy.decide(new PolicyRequest("laptop", method, "x")).allowed()).as(method).isTrue();
        }
        assertThat(tty.prompts).isEmpty();
    }

    @Test
    void yesAllowsWithTheExactPrompt() {
        FakePrompter tty = new FakePrompter(true, "y", " YES ", "Yes\n", "yes");
        ConsolePolicy policy = new ConsolePolicy(tty);
        for (int i = 0; i < 4; i++) {
            assertThat(policy.decide(shell())).isEqualTo(PolicyDecision.allow());
        }
        assertThat(tty.prompts).hasSize(4)
                .allMatch(p -> p.equals("[opendesk] laptop wants to run shell: 'ls'. Allow? [y/N] "));
    }

    @Test
    void anythingElseDenies() {
        FakePrompter tty = new FakePrompter(true, "n", "", "yess", "ok", null);
        ConsolePolicy policy = new ConsolePolicy(tty);
        for (int i = 0; i < 5; i++) {
            PolicyDecision d = policy.decide(shell());
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).isEqualTo("laptop denied: run shell: 'ls'");
        }
    }

    @Test
    void unknownMethodsArePromptedToo() {
        FakePrompter tty = new FakePrompter(true, "n");
        PolicyDecision d = new ConsolePolicy(tty).decide(new PolicyRequest("peer-a1b2c3", "bogus.method",
                "call bogus.method"));
        assertThat(d.reason()).isEqualTo("peer-a1b2c3 denied: call bogus.method");
        assertThat(tty.prompts).containsExactly("[opendesk] peer-a1b2c3 wants to call bogus.method. Allow? [y/N] ");
    }

    @Test
    void noTtyDeniesGatedCalls() {
        FakePrompter tty = new FakePrompter(false, "y");
        PolicyDecision d = new ConsolePolicy(tty).decide(new PolicyRequest("laptop", "input.pointer",
                "send pointer down at (812.0, 410.0)"));
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).isEqualTo("laptop → send pointer down at (812.0, 410.0): no TTY for interactive approval");
        assertThat(tty.prompts).isEmpty();
    }

    @Test
    void aFailingTerminalDenies() {
        Prompter broken = new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public Optional<String> ask(String prompt) {
                throw new IllegalStateException("tty gone");
            }
        };
        assertThat(new ConsolePolicy(broken).decide(shell()).reason()).isEqualTo("laptop denied: run shell: 'ls'");
    }

    @Test
    void promptsAreAskedOneAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        Prompter slow = new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public Optional<String> ask(String prompt) {
                int n = inside.incrementAndGet();
                maxInside.accumulateAndGet(n, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                return Optional.of("y");
            }
        };
        ConsolePolicy policy = new ConsolePolicy(slow);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PolicyDecision>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return policy.decide(shell());
            }));
        }
        start.countDown();
        for (Future<PolicyDecision> f : results) {
            assertThat(f.get(10, TimeUnit.SECONDS).allowed()).isTrue();
        }
        pool.shutdown();
        assertThat(maxInside.get()).isEqualTo(1);
    }

    @Test
    void allowAllAllowsEverything() {
        assertThat(new AllowAllPolicy().decide(shell()).allowed()).isTrue();
    }
}
