package dev.opendesk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HomeFilesTest {
    @TempDir
    Path home;

    @Test
    void defaultPeer() throws IOException {
        HomeFiles files = new HomeFiles(home.resolve("sub"));
        assertThat(files.readDefaultPeer()).isEmpty();
        files.writeDefaultPeer("desk");
        assertThat(Files.readString(home.resolve("sub/default-peer"))).isEqualTo("desk\n");
        assertThat(files.readDefaultPeer()).hasValue("desk");
        Files.writeString(home.resolve("sub/default-peer"), "  \n");
        assertThat(files.readDefaultPeer()).isEmpty();
        assertThat(files.clearDefaultPeer()).isTrue();
        assertThat(files.clearDefaultPeer()).isFalse();
        assertThatThrownBy(() -> files.writeDefaultPeer("a\nb")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> files.writeDefaultPeer("")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void description() throws IOException {
        HomeFiles files = new HomeFiles(home);
        assertThat(files.readDescription()).isEmpty();
        files.writeDescription("Living-room PC — the one with the big screen");
        assertThat(Files.readString(home.resolve("description.txt")))
                .isEqualTo("Living-room PC — the one with the big screen\n");
        assertThat(files.readDescription()).isEqualTo("Living-room PC — the one with the big screen");
        Files.writeString(home.resolve("description.txt"), "\n\t spaced out \n\n");
        assertThat(files.readDescription()).isEqualTo("spaced out");
    }
}
