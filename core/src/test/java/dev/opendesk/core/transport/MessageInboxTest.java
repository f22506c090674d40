package dev.opendesk.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.time.Duration;
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
}
