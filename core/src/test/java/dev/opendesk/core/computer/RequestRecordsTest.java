package dev.opendesk.core.computer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

final class RequestRecordsTest {

    private static void assertInvalid(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OpendeskException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void serverDefaults() {
        assertThat(CaptureRequest.primary()).isEqualTo(new CaptureRequest(null, null, true));
        assertThat(DisplaySubscription.primary()).isEqualTo(new DisplaySubscription(null, 30, null));
        assertThat(UiTreeRequest.focused()).isEqualTo(new UiTreeRequest(null, null, 8));
        assertThat(UiTreeRequest.forApp("Finder").app()).isEqualTo("Finder");
        assertThat(ShellCommand.of("ls").env()).isEmpty();
        assertThat(ShellCommand.of("ls").timeout()).isNull();
    }

    @Test
    void fpsIsClampedNotRejected() {
        assertThat(new DisplaySubscription(null, 60, null).effectiveFps()).isEqualTo(30);
        assertThat(new DisplaySubscription(null, 0, null).effectiveFps()).isEqualTo(1);
        assertThat(new DisplaySubscription("2", 12, null).effectiveFps()).isEqualTo(12);
    }

    @Test
    void badValuesAreInvalidArguments() {
        assertInvalid(() -> new UiTreeRequest(null, null, -1));
        assertInvalid(() -> new ShellCommand("ls", Duration.ofSeconds(-1), null, Map.of()));
        assertInvalid(() -> new ExecCommand(List.of(), null, null, Map.of(), null));
        assertInvalid(() -> ExecCommand.of());
    }

    @Test
    void commandsCopyTheirInputs() {
        List<String> argv = new ArrayList<>(List.of("cat"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("B", "2");
        env.put("A", "1");
        byte[] stdin = {1, 2};
        ExecCommand command = new ExecCommand(argv, Duration.ofSeconds(5), "/tmp", env, stdin);
        argv.add("-n");
        env.put("C", "3");
        stdin[0] = 9;

        assertThat(command.argv()).containsExactly("cat");
        assertThat(command.env().keySet()).containsExactly("B", "A");
        assertThat(command.stdin()).containsExactly(1, 2);
        assertThat(command).isEqualTo(new ExecCommand(List.of("cat"), Duration.ofSeconds(5), "/tmp",
                Map.of("B", "2", "A", "1"), new byte[] {1, 2}));
        assertThat(command.toString()).contains("<2 bytes>");
        assertThat(ExecCommand.of("true").stdin()).isNull();
    }
}
