package dev.opendesk.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.model.KeyAction;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.TextInput;
import org.junit.jupiter.api.Test;

final class KeyboardToolTest {
    private final ToolFixtures f = new ToolFixtures();

    @Test
    void typeSendsTextInputNeverTheClipboard() {
        ToolResult result = f.run("keyboard", "{\"action\":\"type\",\"text\":\"Grüße, 世界!\"}");
        assertThat(result.error()).isFalse();
        assertThat(result.output()).isEqualTo("Typed 10 characters: 'Grüße, 世界!'");
        assertThat(f.calls("text")).hasSize(1);
        assertThat((TextInput) f.calls("text").get(0).get(1)).isEqualTo(new TextInput("Grüße, 世界!", 20));
        assertThat(f.calls("writeClipboard")).isEmpty();
        assertThat(f.slept).containsExactly(300L);
        assertThat(f.context.session().actions()).extracting(ToolSession.Action::action).containsExactly("keyboard_type");
    }

    @Test
    void longTextIsShortenedInTheOutput() {
        String text = "a".repeat(50);
        assertThat(f.run("keyboard", "{\"action\":\"type\",\"text\":\"" + text + "\",\"interval\":0}").output())
                .isEqualTo("Typed 50 characters: '" + "a".repeat(40) + "'...");
        assertThat(((TextInput) f.calls("text").get(0).get(1)).intervalMs()).isZero();
    }

    @Test
    void missingFieldsAreErrorResults() {
        assertThat(f.run("keyboard", "{\"action\":\"type\"}").output()).isEqualTo("text is required for action='type'.");
        assertThat(f.run("keyboard", "{\"action\":\"press\"}").output()).isEqualTo("key is required for action='press'.");
        assertThat(f.run("keyboard", "{\"action\":\"hotkey\",\"keys\":[]}").output()).isEqualTo("keys list is required for action='hotkey'.");
        ToolResult hold = f.run("keyboard", "{\"action\":\"hold\"}");
        assertThat(hold.output()).isEqualTo("key is required for action='hold'.");
        assertThat(hold.error()).isTrue();
        assertThat(hold.title()).isEqualTo("Keyboard error");
        assertThat(f.computer.calls).isEmpty();
    }

    @Test
    void hotkeyPressesAllThenReleasesInReverse() {
        ToolResult result = f.run("keyboard", "{\"action\":\"hotkey\",\"keys\":[\"ctrl\",\"c\"]}");
        assertThat(result.output()).isEqualTo("Pressed hotkey: ctrl+c");
        assertThat(f.keyEvents()).extracting(e -> e.action() + " " + e.keysym())
                .containsExactly("down ctrl", "down c", "up c", "up ctrl");
    }

    @Test
    void pressNormalisesTheKeyName() {
        assertThat(f.run("keyboard", "{\"action\":\"press\",\"key\":\"Return\"}").output()).isEqualTo("Pressed key: 'Return'");
        assertThat(f.keyEvents()).extracting(KeyEvent::keysym).containsExactly("enter", "enter");
        assertThat(f.keyEvents()).extracting(KeyEvent::action).containsExactly(KeyAction.DOWN, KeyAction.UP);
    }

    @Test
    void holdKeepsTheKeyDownForTheDuration() {
        ToolResult result = f.run("keyboard", "{\"action\":\"hold\",\"key\":\"shift\",\"hold_duration\":0.5,\"settle_ms\":0}");
        assertThat(result.output()).isEqualTo("Held key 'shift' for 0.50s then released.");
        assertThat(f.keyEvents()).extracting(e -> e.action() + " " + e.keysym()).containsExactly("down shift", "up shift");
        assertThat(f.slept).containsExactly(500L, 0L);
    }
}
