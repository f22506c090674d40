package dev.opendesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.computer.Computer;
import dev.opendesk.spi.BackendProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PluginsCommandTest {
    @Test
    void listsEveryBundledPluginWithAnHonestStatus(@TempDir Path home) {
        CliRun run = CliRun.of("plugins", "--home", home.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // on a desktop where DISPLAY points at a live X server, x11 is supported: that is right too
        boolean liveDisplay = System.getenv("DISPLAY") != null;
        for (String backend : liveDisplay ? List.of("wayland", "macos", "windows") : List.of("x11", "wayland", "macos", "windows")) {
            assertThat(run.out()).containsPattern("(?m)^backend\\s+" + backend + "\\s+\\d+\\s+no\\s+unsupported: \\S");
        }
        assertThat(run.out()).containsPattern("(?m)^transport\\s+local\\s+0\\s+yes\\s+supported");
        assertThat(run.out()).containsPattern("(?m)^transport\\s+websocket\\s+0\\s+yes\\s+supported");
        assertThat(run.out()).containsPattern("(?m)^discovery\\s+mdns\\s+0\\s+yes\\s+supported");
        assertThat(run.out()).containsPattern("(?m)^adapter\\s+mcp\\s+0\\s+yes\\s+supported");
        for (String adapter : List.of("openai", "langchain4j", "anthropic")) {
            assertThat(run.out()).containsPattern("(?m)^adapter\\s+" + adapter + "\\s+0\\s+no\\s+unsupported: not implemented yet");
        }
        assertThat(run.out()).containsPattern("from \\S*(opendesk-transport-local|transports/local)");
        if (!liveDisplay) {
            assertThat(run.out()).contains("selected backend: none (no backend supports this machine");
        }
        assertThat(run.out()).contains("usable transports: local, websocket");
        // both codecs work here (test.sh installs libturbojpeg0; LWJGL's natives come in its jars)
        assertThat(run.out()).containsPattern("(?m)^codec\\s+lwjgl\\s+10\\s+yes\\s+supported");
        assertThat(run.out()).containsPattern("(?m)^codec\\s+turbojpeg\\s+10\\s+yes\\s+supported");
        assertThat(run.out()).contains("usable image codecs: lwjgl, turbojpeg")
                .contains("image pipeline: lwjgl+turbojpeg for scale, jpeg, pure Java for the rest");
    }

    @Test
    void createsTheHomeOwnerOnly(@TempDir Path parent) throws IOException {
        Path home = parent.resolve("fresh-home");
        assertThat(CliRun.of("plugins", "--home", home.toString()).exitCode()).isZero();
        assertThat(Files.isDirectory(home)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
    }

    @Test
    void aJarDroppedIntoPluginsChangesTheSelectedBackend(@TempDir Path home, @TempDir Path work) throws Exception {
        Path jar = home.resolve("plugins").resolve("dropin-backend.jar");
        buildBackendJar(work, jar, "dropin", 1_000);

        CliRun run = CliRun.of("plugins", "--home", home.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^backend\\s+dropin\\s+1000\\s+yes\\s+supported");
        assertThat(run.out()).contains("from " + jar);
        assertThat(run.out()).contains("selected backend: dropin (highest priority supported backend)");

        Files.delete(jar);
        assertThat(CliRun.of("plugins", "--home", home.toString()).out()).doesNotContain("selected backend: dropin");
    }

    @Test
    void aDuplicateIdFailsFastNamingBothProviders(@TempDir Path home, @TempDir Path work) throws Exception {
        buildBackendJar(work, home.resolve("plugins").resolve("impostor.jar"), "x11", 1);
        CliRun run = CliRun.of("plugins", "--home", home.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("ERROR: duplicate backend id 'x11'")
                .contains("X11BackendProvider").contains("impostor.jar");
    }

    @Test
    void anUnknownBackendIsRefusedListingTheAvailableIds(@TempDir Path home) {
        CliRun run = CliRun.of("plugins", "--home", home.toString(), "--backend", "amiga");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ERROR: unknown backend 'amiga'; available: ").contains("macos, ").contains("wayland, windows, x11");
    }

    @Test
    void aKnownButUnusableBackendIsRefusedWithItsReason(@TempDir Path home) {
        CliRun run = CliRun.of("plugins", "--home", home.toString(), "--backend", "windows");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ERROR: backend 'windows' cannot run here: needs Windows");
    }

    @Test
    void anUnknownCodecIsRefusedAndJavaMeansThePureJavaPipeline(@TempDir Path home) {
        CliRun unknown = CliRun.of("plugins", "--home", home.toString(), "--codec", "gif");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("ERROR: unknown codec 'gif'; available: java");

        CliRun java = CliRun.of("plugins", "--home", home.toString(), "--codec", "java");
        assertThat(java.exitCode()).as(java.err()).isZero();
        assertThat(java.out()).contains("image pipeline: pure Java");

        CliRun one = CliRun.of("plugins", "--home", home.toString(), "--codec", "turbojpeg");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out()).contains("image pipeline: turbojpeg for jpeg, pure Java for the rest");
    }

    /** Compiles a tiny always-supported backend provider and packs it as a ServiceLoader plugin jar. */
    private static void buildBackendJar(Path work, Path jar, String id, int priority) throws IOException, URISyntaxException {
        String className = "DropIn" + Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Provider";
        Path source = work.resolve("src/test/dropin/" + className + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n",
                "package test.dropin;",
                "public final class " + className + " implements dev.opendesk.spi.BackendProvider {",
                "  public String id() { return \"" + id + "\"; }",
                "  public int priority() { return " + priority + "; }",
                "  public dev.opendesk.spi.Support supports(dev.opendesk.spi.HostPlatform p) { return dev.opendesk.spi.Support.yes(); }",
                "  public dev.opendesk.core.computer.Computer create(dev.opendesk.spi.BackendContext c) {",
                "    throw new dev.opendesk.core.model.OpendeskException(dev.opendesk.core.model.ErrorCode.INTERNAL, \"test fixture\");",
                "  }",
                "}"));
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        String classPath = location(BackendProvider.class) + java.io.File.pathSeparator + location(Computer.class);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", classPath, source.toString());
        assertThat(status).as("compiling the drop-in plugin").isZero();

        Files.createDirectories(jar.getParent());
        try (OutputStream sink = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(sink)) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.opendesk.spi.BackendProvider"));
            out.write(("test.dropin." + className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
            }
        }
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
