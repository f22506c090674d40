package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class X11DisplayStreamTest {
    private static final long PERIOD = 100;

    @Test
    void aSlightlyLateFrameKeepsTheScheduleAndAStallRestartsIt() {
        assertThat(X11DisplayStream.nextDue(1_000, 1_000, PERIOD)).isEqualTo(1_100);
        assertThat(X11DisplayStream.nextDue(1_000, 1_030, PERIOD)).as("late by less than a period").isEqualTo(1_100);
        assertThat(X11DisplayStream.nextDue(1_000, 1_100, PERIOD)).as("late by one period").isEqualTo(1_100);
        assertThat(X11DisplayStream.nextDue(1_000, 1_350, PERIOD)).as("stalled: no burst to catch up").isEqualTo(1_450);
    }
}
