package dev.opendesk.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.opendesk.core.auth.HandshakeSettings;
import dev.opendesk.core.auth.HomeFiles;
import dev.opendesk.core.auth.Identity;
import dev.opendesk.core.auth.TrustedPeerStore;
import dev.opendesk.core.model.ClipboardContents;
import dev.opendesk.core.protocol.PeerOptions;
import dev.opendesk.core.remote.Controller;
import dev.opendesk.core.remote.PeerAdminTools;
import dev.opendesk.core.remote.PeerRouter;
import dev.opendesk.core.remote.TargetResolver;
import dev.opendesk.core.testing.PipeTransport;
import dev.opendesk.core.testing.ScriptedComputer;
import dev.opendesk.core.tool.Tools;
import dev.opendesk.spi.ToolCall;
import dev.opendesk.spi.ToolCallResult;
import dev.opendesk.spi.ToolContent;
import dev.opendesk.spi.ToolDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog agents see, on this machine with no peers paired (acceptance cases 6–8 of surface §10). */
final class AgentToolCatalogTest {
    @TempDir
    Path home;

    private final ScriptedComputer desktop = new ScriptedComputer();
    private AgentToolCatalog catalog;

    @BeforeEach
    void build() {
        TrustedPeerStore trust = new TrustedPeerStore(home);
        HomeFiles homeFiles = new HomeFiles(home);
        Controller controller = new Controller(Identity.loadOrCreate(home), trust, new PipeTransport(), HandshakeSettings.defaults(),
                PeerOptions.DEFAULTS);
        PeerRouter router = new PeerRouter(trust, homeFiles, controller,
                new TargetResolver(trust, homeFiles, Optional.empty(), Duration.ofMillis(10)), () -> desktop);
        catalog = new AgentToolCatalog(Tools.standardRegistry(), router, new PeerAdminTools(router, trust, Optional.empty()));
    }

    private static String text(ToolCallResult result) {
        return result.content().stream().filter(ToolContent.Text.class::isInstance).map(c -> ((ToolContent.Text) c).text())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void listsTheToolsAndThePeerToolsWithAnOptionalPeerArgument() {
        Map<String, ToolDescriptor> tools = catalog.tools().stream().collect(Collectors.toMap(ToolDescriptor::name, t -> t));
        assertThat(tools).containsKeys("screenshot", "mouse", "keyboard", "app", "ui", "clipboard", "ocr", "audit",
                "opendesk_peers", "opendesk_discover", "opendesk_use", "opendesk_status", "opendesk_capabilities",
                "opendesk_disconnect", "opendesk_describe");
        JsonObject screenshot = JsonParser.parseString(tools.get("screenshot").inputSchemaJson()).getAsJsonObject();
        assertThat(screenshot.getAsJsonObject("properties").has("peer")).isTrue();
        assertThat(screenshot.has("required") ? screenshot.get("required").toString() : "[]").doesNotContain("peer");
        assertThat(tools.get("screenshot").description()).contains("peer");
        JsonObject audit = JsonParser.parseString(tools.get("audit").inputSchemaJson()).getAsJsonObject();
        assertThat(audit.getAsJsonObject("properties").has("peer")).isFalse();
    }

    @Test
    void withoutPeersCallsGoToThisMachine() {
        ToolCallResult write = catalog.call(new ToolCall("clipboard", "{\"action\":\"write\",\"text\":\"hello\"}", "s"));
        assertThat(write.error()).as(text(write)).isFalse();
        assertThat(desktop.calls).contains(List.of("writeClipboard", ClipboardContents.ofText("hello")));
        assertThat(text(catalog.call(new ToolCall("opendesk_status", "{}", "s")))).startsWith("Default peer: local (local)");
        ToolCallResult local = catalog.call(new ToolCall("clipboard", "{\"action\":\"read\",\"peer\":\"local\"}", "s"));
        assertThat(local.error()).as(text(local)).isFalse();
        assertThat(text(local)).doesNotStartWith("[on ");
    }

    @Test
    void screenshotsComeBackAsImages() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(640, 360, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        desktop.captureAnswer = new dev.opendesk.core.model.Pixmap(png.toByteArray(), dev.opendesk.core.model.PixmapFormat.PNG,
                640, 360, 640, 360, "1", 1.0);
        ToolCallResult shot = catalog.call(new ToolCall("screenshot", "{}", "s"));
        assertThat(shot.error()).as(text(shot)).isFalse();
        assertThat(shot.content()).anySatisfy(c -> assertThat(c).isInstanceOf(ToolContent.Image.class));
        assertThat(text(shot)).contains("640");
    }

    @Test
    void errorsAreResultsNeverExceptions() {
        ToolCallResult unknown = catalog.call(new ToolCall("teleport", "{}", "s"));
        assertThat(unknown.error()).isTrue();
        assertThat(text(unknown)).isEqualTo("ERROR: unknown tool 'teleport'");
        ToolCallResult badArgs = catalog.call(new ToolCall("mouse", "{\"action\":\"click\",\"bogus\":1}", "s"));
        assertThat(badArgs.error()).isTrue();
        assertThat(text(badArgs)).startsWith("ERROR:").contains("bogus");
        ToolCallResult notJson = catalog.call(new ToolCall("mouse", "{not json", "s"));
        assertThat(notJson.error()).isTrue();
        assertThat(text(notJson)).startsWith("ERROR: invalid arguments");
        ToolCallResult unknownPeer = catalog.call(new ToolCall("clipboard", "{\"action\":\"read\",\"peer\":\"ghost\"}", "s"));
        assertThat(unknownPeer.error()).isTrue();
        assertThat(text(unknownPeer)).startsWith("ERROR:").contains("ghost");
        ToolCallResult use = catalog.call(new ToolCall("opendesk_use", "{\"peer\":\"ghost\"}", "s"));
        assertThat(use.error()).isTrue();
        assertThat(text(use)).contains("opendesk pair");
    }
}
