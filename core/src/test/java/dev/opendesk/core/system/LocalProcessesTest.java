package dev.opendesk.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.model.Process;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class LocalProcessesTest {
    private final LocalProcesses processes = new LocalProcesses();

    @Test
    void listsOurselvesWithSaneFields() {
        List<Process> list = processes.processes();
        assertThat(list).hasSizeGreaterThan(1);
        assertThat(list).isSortedAccordingTo(java.util.Comparator.comparingLong(Process::pid));
        long self = ProcessHandle.current().pid();
        Process me = list.stream().filter(p -> p.pid() == self).findFirst().orElseThrow();
        assertThat(me.name()).startsWith("java");
        assertThat(me.ppid()).isEqualTo(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(null));
        assertThat(me.cmdline()).isNotEmpty();
        assertThat(me.cmdline().get(0)).contains("java");
        assertThat(String.join(" ", me.cmdline())).contains("surefire");
    }

    @Test
    void seesAChildWithItsArguments() throws Exception {
        java.lang.Process child = new ProcessBuilder("sleep", "17.5").start();
        try {
            Process listed = processes.processes().stream().filter(p -> p.pid() == child.pid()).findFirst().orElseThrow();
            assertThat(listed.name()).isEqualTo("sleep");
            assertThat(listed.cmdline()).containsExactly("sleep", "17.5");
            assertThat(listed.ppid()).isEqualTo(ProcessHandle.current().pid());
        } finally {
            child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void survivesProcessesComingAndGoing() throws Exception {
        for (int i = 0; i < 5; i++) {
            java.lang.Process child = new ProcessBuilder("true").start();
            assertThat(processes.processes()).isNotEmpty();
            child.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
