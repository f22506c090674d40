package dev.opendesk.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.spi.HostPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class WslAdvisoryTest {
    private static final HostPlatform LINUX = new HostPlatform("Linux", "6", "amd64", Map.of());

    @TempDir
    Path proc;

    @Test
    void detectsWslFromTheKernelReleaseThenProcVersion() throws Exception {
        assertThat(WslAdvisory.isWsl(LINUX, proc)).isFalse();
        Files.writeString(proc.resolve("version"), "Linux version 5.15.153.1-microsoft-standard-WSL2 (gcc)");
        assertThat(WslAdvisory.isWsl(LINUX, proc)).isTrue();
        Files.createDirectories(proc.resolve("sys/kernel"));
        Files.writeString(proc.resolve("sys/kernel/osrelease"), "6.8.0-40-generic\n");
        assertThat(WslAdvisory.isWsl(LINUX, proc)).as("osrelease wins").isFalse();
        Files.writeString(proc.resolve("sys/kernel/osrelease"), "5.15.153.1-microsoft-standard-WSL2\n");
        assertThat(WslAdvisory.isWsl(LINUX, proc)).isTrue();
        assertThat(WslAdvisory.isWsl(new HostPlatform("Windows 11", "10", "amd64", Map.of()), proc)).isFalse();
        assertThat(WslAdvisory.TEXT).contains("networkingMode=mirrored").contains("wsl --shutdown").contains("opendesk wsl-setup");
    }
}
