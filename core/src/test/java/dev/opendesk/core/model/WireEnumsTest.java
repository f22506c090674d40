package dev.opendesk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

final class WireEnumsTest {

    private static <E extends Enum<E>> void assertRoundTrip(
            E[] values, Function<E, String> wire, Function<String, Optional<E>> fromWire) {
        for (E value : values) {
            assertThat(fromWire.apply(wire.apply(value))).contains(value);
            assertThat(value.toString()).isEqualTo(wire.apply(value));
        }
        assertThat(fromWire.apply("no-such-value")).isEmpty();
        assertThat(fromWire.apply(wire.apply(values[0]).toUpperCase())).isEmpty();
    }

    @Test
    void wireStrings() {
        assertThat(Arrays.stream(PixmapFormat.values()).map(PixmapFormat::wire))
                .containsExactly("png", "jpeg", "raw_rgba", "raw_rgb");
        assertThat(Arrays.stream(PointerAction.values()).map(PointerAction::wire))
                .containsExactly("move", "down", "up", "scroll");
        assertThat(Arrays.stream(MouseButton.values()).map(MouseButton::wire))
                .containsExactly("left", "right", "middle", "x1", "x2");
        assertThat(Arrays.stream(Modifier.values()).map(Modifier::wire))
                .containsExactly("shift", "ctrl", "alt", "meta", "fn", "caps_lock");
        assertThat(Arrays.stream(KeyAction.values()).map(KeyAction::wire)).containsExactly("down", "up");
    }

    @Test
    void everyEnumRoundTrips() {
        assertRoundTrip(PixmapFormat.values(), PixmapFormat::wire, PixmapFormat::fromWire);
        assertRoundTrip(PointerAction.values(), PointerAction::wire, PointerAction::fromWire);
        assertRoundTrip(MouseButton.values(), MouseButton::wire, MouseButton::fromWire);
        assertRoundTrip(Modifier.values(), Modifier::wire, Modifier::fromWire);
        assertRoundTrip(KeyAction.values(), KeyAction::wire, KeyAction::fromWire);
        assertRoundTrip(Capability.values(), Capability::wire, Capability::fromWire);
    }

    @Test
    void capabilityIsExactlyTheEnumOfSection11InOrder() {
        List<String> section11 = List.of(
                "display.capture", "display.multi_monitor", "display.stream",
                "input.pointer", "input.keyboard", "input.text", "input.pen", "input.touch", "input.ime",
                "ui.tree", "ui.actions", "ui.subscribe",
                "windows.list", "windows.manipulate", "windows.subscribe",
                "app.lifecycle",
                "clipboard.read", "clipboard.write", "clipboard.multi_mime",
                "fs.read", "fs.write", "fs.watch",
                "process.list", "process.shell", "process.spawn",
                "ocr",
                "audio.volume", "audio.play", "audio.stream",
                "power.lock", "power.sleep",
                "notifications.list", "notifications.subscribe");
        assertThat(section11).hasSize(33);
        assertThat(Arrays.stream(Capability.values()).map(Capability::wire)).containsExactlyElementsOf(section11);
        assertThat(Capability.fromWire("apps.lifecycle")).isEmpty();
    }

    @Test
    void modifierKeyNames() {
        assertThat(Modifier.fromKeyName("Control")).contains(Modifier.CTRL);
        assertThat(Modifier.fromKeyName("ctrl")).contains(Modifier.CTRL);
        assertThat(Modifier.fromKeyName("option")).contains(Modifier.ALT);
        assertThat(Modifier.fromKeyName("alt")).contains(Modifier.ALT);
        assertThat(Modifier.fromKeyName("SHIFT")).contains(Modifier.SHIFT);
        for (String meta : List.of("meta", "cmd", "command", "super", "win")) {
            assertThat(Modifier.fromKeyName(meta)).as(meta).contains(Modifier.META);
        }
        assertThat(Modifier.fromKeyName("fn")).contains(Modifier.FN);
        assertThat(Modifier.fromKeyName("capslock")).contains(Modifier.CAPS_LOCK);
        assertThat(Modifier.fromKeyName("caps_lock")).contains(Modifier.CAPS_LOCK);
        assertThat(Modifier.fromKeyName("a")).isEmpty();
        assertThat(Modifier.fromKeyName("enter")).isEmpty();
    }
}
