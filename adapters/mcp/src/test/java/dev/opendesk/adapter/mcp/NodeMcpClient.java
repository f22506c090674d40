package dev.opendesk.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code mcp-client-check.mjs} (the official MCP TypeScript SDK's client) with Node and
 * returns its report. Node comes from {@code PATH}; the SDK from {@code <repo>/.cache/npm}, where
 * {@code ./test.sh} installs it (or from {@code $OPENDESK_NPM_PREFIX}).
 */
final class NodeMcpClient {
    private NodeMcpClient() {
    }

    static JsonObject run(Path workDir, String... modeAndArgs) throws IOException, InterruptedException {
        Path script = script();
        List<String> command = new ArrayList<>(List.of("node", script.toString(), npmPrefix().toString()));
        command.addAll(List.of(modeAndArgs));
        Path out = workDir.resolve("node.out");
        Path err = workDir.resolve("node.err");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run node (Node.js 18+ must be on PATH for the MCP client tests): " + e.getMessage(), e);
        }
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("the MCP client did not finish in 90 s; its stderr:\n" + Files.readString(err));
        }
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        assertThat(process.exitValue()).as("node exit code; stderr:\n%s\nstdout:\n%s", stderr, stdout).isZero();
        return JsonParser.parseString(stdout).getAsJsonObject();
    }

    /** Where {@code node_modules/@modelcontextprotocol/sdk} is: $OPENDESK_NPM_PREFIX, or .cache/npm above the working directory. */
    static Path npmPrefix() {
        String explicit = System.getenv("OPENDESK_NPM_PREFIX");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path prefix = dir.resolve(".cache/npm");
            if (Files.isDirectory(prefix.resolve("node_modules/@modelcontextprotocol/sdk"))) {
                return prefix;
            }
        }
        throw new AssertionError("npm package @modelcontextprotocol/sdk not found in .cache/npm above "
                + Path.of("").toAbsolutePath() + ": run ./test.sh once (it installs the MCP clients), or set OPENDESK_NPM_PREFIX");
    }

    private static Path script() {
        try {
            return Path.of(Objects.requireNonNull(NodeMcpClient.class.getResource("/mcp-client-check.mjs"), "script resource").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
