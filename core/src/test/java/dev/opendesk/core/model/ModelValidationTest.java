package dev.opendesk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

final class ModelValidationTest {
    private static final Rect BOUNDS = new Rect(0, 0, 100, 50);

    private static void assertInvalid(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(OpendeskException.class)
                .satisfies(e -> assertThat(((OpendeskException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void coordinatesMustBeFinite() {
        assertInvalid(() -> new Point(Double.NaN, 0));
        assertInvalid(() -> new Point(0, Double.POSITIVE_INFINITY));
        assertInvalid(() -> new Rect(Double.NEGATIVE_INFINITY, 0, 1, 1));
        assertThat(new Point(-10.5, -3)).isEqualTo(new Point(-10.5, -3));
    }

    @Test
    void rectSizeMustNotBeNegative() {
        assertInvalid(() -> new Rect(0, 0, -1, 1));
        assertInvalid(() -> new Rect(0, 0, 1, -0.5));
        assertInvalid(() -> new Rect(0, 0, Double.NaN, 1));
        assertThat(new Rect(-5, -5, 0, 0).width()).isZero();
    }

    @Test
    void rectCenterAndContains() {
        Rect rect = new Rect(10, 20, 100, 40);
        assertThat(rect.center()).isEqualTo(new Point(60, 40));
        assertThat(rect.contains(new Point(10, 20))).isTrue();
        assertThat(rect.contains(new Point(110, 20))).isFalse();
    }

    @Test
    void pixmapSizesMustBePositive() {
        byte[] data = {1};
        assertInvalid(() -> new Pixmap(data, PixmapFormat.PNG, 0, 1, 1, 1, null, 0));
        assertInvalid(() -> new Pixmap(data, PixmapFormat.PNG, 1, -1, 1, 1, null, 0));
        assertInvalid(() -> new Pixmap(data, PixmapFormat.PNG, 1, 1, 0, 1, null, 0));
        assertInvalid(() -> new Pixmap(data, PixmapFormat.PNG, 1, 1, 1, 0, null, 0));
        assertInvalid(() -> new Pixmap(data, PixmapFormat.PNG, 1, 1, 1, 1, null, Double.NaN));
        assertThatNullPointerException().isThrownBy(() -> new Pixmap(null, PixmapFormat.PNG, 1, 1, 1, 1, null, 0))
                .withMessage("data is null");
    }

    @Test
    void frameNumberMustNotBeNegative() {
        Pixmap pixmap = new Pixmap(new byte[] {1}, PixmapFormat.PNG, 1, 1, 1, 1, "1", 0);
        assertInvalid(() -> new DisplayFrame(pixmap, -1, true));
        assertThat(DisplayFrame.of(pixmap, 0).keyframe()).isTrue();
    }

    @Test
    void idsMustNotBeBlank() {
        assertInvalid(() -> new Display(" ", BOUNDS, 1.0, true, null));
        assertInvalid(() -> Window.of("", "t", "app"));
        assertInvalid(() -> new Notification("\t", "t", "", null, 0));
        assertInvalid(() -> new FileEntry("", "x", false, 0, null, null));
        assertInvalid(() -> KeyEvent.down(" "));
        assertInvalid(() -> new ClipboardEntry("", new byte[0]));
        assertThatNullPointerException().isThrownBy(() -> Window.of(null, "t", "app")).withMessage("id is null");
    }

    @Test
    void rangesAreChecked() {
        assertInvalid(() -> new Display("1", BOUNDS, 0, true, null));
        assertInvalid(() -> new Display("1", BOUNDS, Double.NaN, true, null));
        assertInvalid(() -> new Window("w", "t", "a", -1L, null, false, false, null));
        assertInvalid(() -> new Process(-1, "p", null, List.of()));
        assertInvalid(() -> new FileEntry("/a", "a", false, -1, null, null));
        assertInvalid(() -> new FileEntry("/a", "a", false, 0, Double.NaN, null));
        assertInvalid(() -> new TextInput("x", -1));
        assertInvalid(() -> new CompletedCommand(0, new byte[0], new byte[0], -0.1));
        assertInvalid(() -> new PointerEvent(PointerAction.SCROLL, new Point(0, 0), null, List.of(),
                Double.NaN, 0, null, null, null, 0));
        assertInvalid(() -> new PointerEvent(PointerAction.DOWN, new Point(0, 0), MouseButton.LEFT, List.of(),
                0, 0, Double.POSITIVE_INFINITY, null, null, 0));
        assertInvalid(() -> new KeyEvent(KeyAction.DOWN, "a", null, null, List.of(), false, Double.NaN));
    }

    @Test
    void requiredFieldsRejectNullWithTheirName() {
        assertThatNullPointerException().isThrownBy(() -> PointerEvent.move(null)).withMessage("point is null");
        assertThatNullPointerException().isThrownBy(() -> TextInput.of(null)).withMessage("text is null");
        assertThatNullPointerException()
                .isThrownBy(() -> new Environment("Linux", "6", "h", "en_US", "UTC", null))
                .withMessage("displays is null");
        assertThatNullPointerException()
                .isThrownBy(() -> new Process(1, "p", null, Arrays.asList("a", null)))
                .withMessage("cmdline contains null");
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("app", null);
        assertThatNullPointerException().isThrownBy(() -> new UIElement("button", "", null, null, false, true,
                List.of(), List.of(), metadata));
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        List<String> actions = new ArrayList<>(List.of("click"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("z", "last-inserted-first");
        metadata.put("a", 1L);
        UIElement element = new UIElement("button", "OK", null, BOUNDS, false, true, actions, List.of(), metadata);
        actions.add("press");
        metadata.put("b", 2L);

        assertThat(element.actions()).containsExactly("click");
        assertThat(element.metadata()).containsOnlyKeys("z", "a");
        assertThat(element.metadata().keySet()).containsExactly("z", "a");
        assertThatThrownBy(() -> element.actions().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> element.metadata().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void uiElementIsRecursive() {
        UIElement root = UIElement.leaf("window", "Main")
                .withChildren(List.of(UIElement.leaf("button", "OK"), UIElement.leaf("button", "Cancel")));
        assertThat(root.children()).extracting(UIElement::name).containsExactly("OK", "Cancel");
        assertThat(root.enabled()).isTrue();
        assertThat(root.focused()).isFalse();
    }

    @Test
    void defaultsOfTheSpec() {
        assertThat(TextInput.of("hi").intervalMs()).isEqualTo(20);
        Window window = Window.of("w1", "Title", "App");
        assertThat(window.focused()).isFalse();
        assertThat(window.minimized()).isFalse();
        assertThat(window.pid()).isNull();
        PointerEvent move = PointerEvent.move(new Point(1, 2));
        assertThat(move.button()).isNull();
        assertThat(move.modifiers()).isEmpty();
        assertThat(move.dx()).isZero();
        assertThat(move.timestamp()).isCloseTo(System.currentTimeMillis() / 1000.0, within(5.0));
        KeyEvent down = KeyEvent.down("a");
        assertThat(down.isRepeat()).isFalse();
        assertThat(down.character()).isNull();
    }

    @Test
    void byteArraysAreCopiedAndComparedByContent() {
        byte[] bytes = {1, 2, 3};
        ClipboardEntry entry = new ClipboardEntry("application/octet-stream", bytes);
        bytes[0] = 9;
        assertThat(entry.data()).containsExactly(1, 2, 3);
        entry.data()[1] = 9;
        assertThat(entry.data()).containsExactly(1, 2, 3);
        assertThat(entry).isEqualTo(new ClipboardEntry("application/octet-stream", new byte[] {1, 2, 3}))
                .hasSameHashCodeAs(new ClipboardEntry("application/octet-stream", new byte[] {1, 2, 3}));
        assertThat(entry.toString()).contains("<3 bytes>");

        CompletedCommand command = new CompletedCommand(0, "out\n".getBytes(), new byte[0], 0.5);
        assertThat(command).isEqualTo(new CompletedCommand(0, "out\n".getBytes(), new byte[0], 0.5));
        assertThat(command).isNotEqualTo(new CompletedCommand(0, "out".getBytes(), new byte[0], 0.5));
        assertThat(command.stdoutText()).isEqualTo("out\n");
        assertThat(command.toString()).doesNotContain("out\n");
    }

    @Test
    void clipboardText() {
        assertThat(ClipboardContents.empty().text()).isEmpty();
        ClipboardContents contents = ClipboardContents.ofText("héllo");
        assertThat(contents.entries()).singleElement()
                .extracting(ClipboardEntry::mimeType).isEqualTo("text/plain;charset=utf-8");
        assertThat(contents.text()).contains("héllo");
        ClipboardContents mixed = new ClipboardContents(List.of(
                new ClipboardEntry("image/png", new byte[] {1}), new ClipboardEntry("TEXT/html", "<b>x</b>".getBytes())));
        assertThat(mixed.text()).contains("<b>x</b>");
    }

    @Test
    void inputEventsAreSealed() {
        InputEvent event = KeyEvent.up("a");
        String kind = event instanceof PointerEvent ? "pointer" : event instanceof KeyEvent ? "key" : "other";
        assertThat(kind).isEqualTo("key");
        assertThat(InputEvent.class.getPermittedSubclasses()).containsExactlyInAnyOrder(PointerEvent.class, KeyEvent.class);
    }
}
