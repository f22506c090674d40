package dev.opendesk.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class MessageInboxTest {
    @Test
    void deliversQueuedMessagesThenFailsWithTheCloseReasonForEveryone() {
        MessageInbox inbox = new MessageInbox();
        inbox.put(new byte[] {1});
        assertThat(inbox.poll(Duration.ofMillis(10))).hasValueSatisfying(m -> assertThat(m).containsExactly(1));
        assertThat(inbox.poll(Duration.ofMillis(10))).isEmpty();
        inbox.put(new byte[] {2});
        inbox.close("tampered frame");
        assertThat(inbox.take()).containsExactly(2);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(inbox::take).isInstanceOfSatisfying(OpendeskException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL)).hasMessage("tampered frame");
        }
        assertThatThrownBy(() -> inbox.poll(Duration.ofMillis(10))).hasMessage("tampered frame");
    }

    @Test
    void anInterruptedReceiveIsCancelled() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(new MessageInbox()::take).isInstanceOfSatisfying(OpendeskException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void flowControlPausesTheTransportAtTheHighWaterMarkAndResumesAtHalf() {
        List<String> calls = new ArrayList<>();
        MessageInbox inbox = new MessageInbox(100, () -> calls.add("pause"), () -> calls.add("resume"));
        inbox.put(new byte[60]);
        assertThat(calls).isEmpty();
        inbox.put(new byte[40]); // 100 queued: stop reading
        inbox.put(new byte[30]); // what was already in flight is still taken in
        assertThat(calls).containsExactly("pause");
        assertThat(inbox.queuedBytes()).isEqualTo(130);

        assertThat(inbox.take()).hasSize(60); // 70 left: still above half
        assertThat(calls).containsExactly("pause");
        assertThat(inbox.take()).hasSize(40); // 30 left: read again
        assertThat(calls).containsExactly("pause", "resume");
        assertThat(inbox.poll(Duration.ofMillis(10))).hasValueSatisfying(m -> assertThat(m).hasSize(30));
        assertThat(inbox.queuedBytes()).isZero();
        assertThat(calls).containsExactly("pause", "resume");
    }

    @Test
    void aFastSenderAndASlowReceiverKeepABoundedBacklog() throws InterruptedException {
        AtomicBoolean reading = new AtomicBoolean(true);
        MessageInbox inbox = new MessageInbox(10_000, () -> reading.set(false), () -> reading.set(true));
        AtomicLong mostQueued = new AtomicLong();
        Thread sender = new Thread(() -> {
            for (int sent = 0; sent < 2_000; ) {
                if (reading.get()) { // a transport reads only while it is not paused
                    inbox.put(new byte[1_000]);
                    sent++;
                    mostQueued.accumulateAndGet(inbox.queuedBytes(), Math::max);
                } else {
                    Thread.onSpinWait();
                }
            }
            inbox.close("done");
        });
        sender.start();
        int received = 0;
        try {
            while (true) {
                inbox.take();
                received++;
                if (received % 100 == 0) {
                    Thread.sleep(1); // slower than the sender
                }
            }
        } catch (OpendeskException end) {
            assertThat(end).hasMessage("done");
        }
        sender.join();
        assertThat(received).isEqualTo(2_000);
        assertThat(mostQueued.get()).isLessThanOrEqualTo(11_000);
    }
}
