package dev.opendesk.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void writesWith0600AndCreatesDirectories0700() throws IOException {
        Path target = tmp.resolve("a/b/file.txt");
        AtomicFiles.writeString(target, "hello");
        assertThat(Files.readString(target)).isEqualTo("hello");
        assertThat(mode(target)).isEqualTo("rw-------");
        assertThat(mode(tmp.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(tmp.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(names(tmp.resolve("a/b"))).containsExactly("file.txt");
    }

    @Test
    void replacesAndTightensPermissions() throws IOException {
        Path target = tmp.resolve("f");
        Files.writeString(target, "old old old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.write(target, new byte[] {1, 2});
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2);
        assertThat(mode(target)).isEqualTo("rw-------");
        assertThat(names(tmp)).containsExactly("f");
    }

    @Test
    void leavesExistingDirectoryModesAlone() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        AtomicFiles.createDirectories(tmp);
        assertThat(mode(tmp)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void failureCleansTheTempFile() throws IOException {
        Path target = tmp.resolve("dir-in-the-way");
        Files.createDirectory(target);
        Files.writeString(target.resolve("child"), "x"); // a non-empty directory cannot be replaced
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "data")).isInstanceOf(IOException.class);
        assertThat(names(tmp)).containsExactly("dir-in-the-way");
    }

    @Test
    void createIfAbsentNeverReplaces() throws IOException {
        Path target = tmp.resolve("key");
        assertThat(AtomicFiles.createIfAbsent(target, new byte[] {1})).isTrue();
        assertThat(AtomicFiles.createIfAbsent(target, new byte[] {2})).isFalse();
        assertThat(Files.readAllBytes(target)).containsExactly(1);
        assertThat(mode(target)).isEqualTo("rw-------");
        assertThat(names(tmp)).containsExactly("key");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
