package dev.opendesk.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.computer.UiTreeRequest;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerAction;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.TextInput;
import dev.opendesk.core.model.UIElement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class UiToolTest {
    private final ToolFixtures f = new ToolFixtures();

    private static UIElement el(String role, String name, Rect bounds, List<String> actions, UIElement... children) {
        return new UIElement(role, name, null, bounds, false, true, actions, List.of(children), Map.of());
    }

    private void useEditorTree() {
        f.computer.treeAnswer = el("frame", "Untitled - Editor", new Rect(0, 0, 800, 600), List.of(),
                el("menu bar", "", new Rect(0, 0, 800, 20), List.of(),
                        el("menu", "File", new Rect(0, 0, 40, 20), List.of("click"),
                                el("menu item", "Save", new Rect(0, 20, 100, 20), List.of("click")))),
                el("panel", "OK", new Rect(0, 20, 800, 500), List.of()),
                el("push button", "OK", new Rect(700, 550, 80, 30), List.of()),
                el("text", "body", new Rect(0, 40, 800, 500), List.of()));
    }

    @Test
    void getTreeIndentsRolesAndNames() {
        ToolResult result = f.run("ui", "{\"action\":\"get_tree\",\"app\":\"zenity\"}");
        assertThat(result.output()).isEqualTo("Window: Terminal\n  [push button] OK");
        assertThat(f.calls("uiTree").get(0).get(1)).isEqualTo(UiTreeRequest.forApp("zenity"));
        assertThat(f.context.session().actions()).extracting(ToolSession.Action::action).containsExactly("ui_action");
    }

    @Test
    void emptyTreeSuggestsTheMouse() {
        f.computer.treeAnswer = el("frame", "Game", new Rect(0, 0, 10, 10), List.of());
        assertThat(f.run("ui", "{\"action\":\"get_tree\",\"app\":\"game\"}").output())
                .isEqualTo("No accessible elements in 'game'. App may use custom rendering (Electron, games). "
                        + "Fall back to mouse tool with image_width/image_height.");
    }

    @Test
    void clickUsesTheAccessibilityActionWhenThereIsOne() {
        ToolResult result = f.run("ui", "{\"action\":\"click\",\"app\":\"zenity\",\"title\":\"ok\"}");
        assertThat(result.output()).isEqualTo("Clicked [push button] 'OK' in zenity (via a11y).");
        List<Object> call = f.calls("uiAction").get(0);
        assertThat(((UIElement) call.get(1)).name()).isEqualTo("OK");
        assertThat(call.get(2)).isEqualTo("click");
        assertThat(call.get(3)).isEqualTo("zenity");
    }

    @Test
    void clickPrefersActionableRolesOverContainersAndFallsBackToTheCentre() {
        useEditorTree();
        ToolResult result = f.run("ui", "{\"action\":\"click\",\"app\":\"editor\",\"title\":\"OK\"}");
        assertThat(result.output()).isEqualTo("Clicked [push button] 'OK' in editor (via bounds-center).");
        assertThat(f.pointerEvents()).extracting(PointerEvent::action)
                .containsExactly(PointerAction.MOVE, PointerAction.DOWN, PointerAction.UP);
        assertThat(f.pointerEvents().get(0).point()).isEqualTo(new Point(740, 565));
    }

    @Test
    void clickNeedsATitleOrRoleAndReportsMissingElements() {
        ToolResult none = f.run("ui", "{\"action\":\"click\",\"app\":\"zenity\"}");
        assertThat(none.error()).isTrue();
        assertThat(none.title()).isEqualTo("UI error: click in zenity");
        assertThat(none.output()).isEqualTo("Provide at least 'title' or 'role' for click.");
        ToolResult missing = f.run("ui", "{\"action\":\"click\",\"app\":\"zenity\",\"title\":\"Nope\"}");
        assertThat(missing.output()).isEqualTo("No element title='Nope' role='' in 'zenity'. Run get_tree to see available elements.");
    }

    @Test
    void clickMenuUsesTheItemsAccessibilityAction() {
        useEditorTree();
        ToolResult result = f.run("ui", "{\"action\":\"click_menu\",\"app\":\"editor\",\"menu\":\"File\",\"menu_item\":\"Save\"}");
        assertThat(result.output()).isEqualTo("Clicked File → Save in editor (via a11y).");
        assertThat(((UIElement) f.calls("uiAction").get(0).get(1)).name()).isEqualTo("Save");
        assertThat(f.calls("focusApp")).hasSize(1);
        assertThat(f.run("ui", "{\"action\":\"click_menu\",\"app\":\"editor\",\"menu\":\"File\"}").output())
                .isEqualTo("Provide both 'menu' and 'menu_item' for click_menu.");
    }

    @Test
    void typeAndPressKeyFocusTheAppFirst() {
        ToolResult typed = f.run("ui", "{\"action\":\"type\",\"app\":\"gedit\",\"text\":\"hello\"}");
        assertThat(typed.output()).isEqualTo("Typed 5 chars into gedit: 'hello'");
        assertThat(f.computer.calls.get(0)).isEqualTo(List.of("focusApp", "gedit"));
        assertThat(f.calls("text").get(0).get(1)).isEqualTo(TextInput.of("hello"));
        assertThat(f.slept).containsExactly(200L);
        ToolResult pressed = f.run("ui", "{\"action\":\"press_key\",\"app\":\"gedit\",\"key\":\"s\",\"modifiers\":[\"ctrl\"]}");
        assertThat(pressed.output()).isEqualTo("Pressed ctrl+s in gedit.");
        assertThat(f.keyEvents()).extracting(e -> e.action() + " " + e.keysym())
                .containsExactly("down ctrl", "down s", "up s", "up ctrl");
    }

    @Test
    void getValueFallsBackToTheName() {
        f.computer.treeAnswer = el("frame", "w", new Rect(0, 0, 10, 10), List.of(),
                new UIElement("entry", "Search", "opendesk", new Rect(1, 1, 5, 5), false, true, List.of(), List.of(), Map.of()),
                el("label", "Status", new Rect(1, 6, 5, 3), List.of()));
        assertThat(f.run("ui", "{\"action\":\"get_value\",\"app\":\"w\",\"title\":\"Search\"}").output()).isEqualTo("opendesk");
        assertThat(f.run("ui", "{\"action\":\"get_value\",\"app\":\"w\",\"role\":\"label\"}").output()).isEqualTo("Status");
    }

    @Test
    void aBackendWithoutAccessibilitySaysSoAndPointsToScreenshotAndMouse() {
        f.computer.uiTreeFailure = OpendeskException.capabilityUnsupported(Capability.UI_TREE, "local/linux");
        ToolResult result = f.run("ui", "{\"action\":\"get_tree\",\"app\":\"xterm\"}");
        assertThat(result.error()).isTrue();
        assertThat(result.title()).isEqualTo("UI error: get_tree in xterm");
        assertThat(result.output()).contains("(local/linux) has no accessibility support")
                .contains("screenshot").contains("mouse tool with image_width/image_height");
        f.computer.uiTreeFailure = new OpendeskException(ErrorCode.NOT_FOUND, "no window of app 'x'");
        assertThat(f.run("ui", "{\"action\":\"get_tree\",\"app\":\"x\"}").output()).isEqualTo("UI action failed: no window of app 'x'");
    }
}
