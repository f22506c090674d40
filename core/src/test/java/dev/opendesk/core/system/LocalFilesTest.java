package dev.opendesk.core.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.FileEntry;
import dev.opendesk.core.model.OpendeskException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

final class LocalFilesTest {
    private final LocalFiles files = new LocalFiles();

    @TempDir
    Path dir;

    @Test
    void writeCreatesParentsAndReadsBack() {
        String path = dir.resolve("a/b/c.bin").toString();
        byte[] data = {0, 1, 2, (byte) 0xff};
        files.writeFile(path, data);
        assertThat(files.readFile(path)).isEqualTo(data);
        files.writeFile(path, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(files.readFile(path)).isEqualTo("new".getBytes(StandardCharsets.UTF_8));
        files.writeFile(path, new byte[0]);
        assertThat(files.readFile(path)).isEmpty();
        assertThat(dir.resolve("a/b").toFile().list()).containsExactly("c.bin"); // no temp files left
    }

    @Test
    @EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "uses POSIX sh, signals and file modes")
    void rewriteKeepsPermissionsAndWritesThroughLinks() throws Exception {
        Path file = dir.resolve("script.sh");
        files.writeFile(file.toString(), "a".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        files.writeFile(file.toString(), "b".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rwxr-x---");
        assertThat(files.statFile(file.toString()).mode()).isEqualTo(0100750L);

        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        files.writeFile(link.toString(), "c".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(file)).isEqualTo("c");
    }

    @Test
    void readErrors() {
        assertThatThrownBy(() -> files.readFile(dir.resolve("missing").toString()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no such file: " + dir.resolve("missing"));
                });
        assertThatThrownBy(() -> files.readFile(dir.toString()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> files.writeFile(dir.toString(), new byte[1]))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> files.readFile(" "))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    @EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "uses POSIX sh, signals and file modes")
    void listAndStatDescribeEntries() throws Exception {
        Files.writeString(dir.resolve("b.txt"), "hello");
        Files.createDirectory(dir.resolve("a-dir"));
        Files.writeString(dir.resolve("c"), "");
        Files.createSymbolicLink(dir.resolve("d-link"), dir.resolve("a-dir"));
        Files.createSymbolicLink(dir.resolve("e-dangling"), dir.resolve("nowhere"));
        Files.setPosixFilePermissions(dir.resolve("b.txt"), PosixFilePermissions.fromString("rw-r-----"));

        List<FileEntry> entries = files.listFiles(dir.toString());
        assertThat(entries).extracting(FileEntry::name).containsExactly("a-dir", "b.txt", "c", "d-link", "e-dangling");
        FileEntry text = entries.get(1);
        assertThat(text.path()).isEqualTo(dir.resolve("b.txt").toString());
        assertThat(text.isDir()).isFalse();
        assertThat(text.size()).isEqualTo(5);
        assertThat(text.mode()).isEqualTo(0100640L);
        assertThat(text.mtime()).isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));
        assertThat(entries.get(0).isDir()).isTrue();
        assertThat(entries.get(0).mode() & 0170000).isEqualTo(0040000L);
        assertThat(entries.get(3).isDir()).as("links are followed").isTrue();
        assertThat(entries.get(4).mode() & 0170000).as("dangling link described by itself").isEqualTo(0120000L);

        FileEntry stat = files.statFile(dir.resolve("b.txt").toString());
        assertThat(stat).isEqualTo(text);
        assertThat(files.statFile("/").name()).isEmpty();

        assertThatThrownBy(() -> files.listFiles(dir.resolve("b.txt").toString()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> files.listFiles(dir.resolve("none").toString()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> files.statFile(dir.resolve("none").toString()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void deleteIsRecursiveAndMissingIsFine() throws Exception {
        Files.createDirectories(dir.resolve("t/x/y"));
        Files.writeString(dir.resolve("t/x/y/f"), "1");
        Files.writeString(dir.resolve("t/g"), "2");
        Path keep = Files.createDirectory(dir.resolve("keep"));
        Files.writeString(keep.resolve("k"), "k");
        if (!System.getProperty("os.name").startsWith("Windows")) {
            Files.createSymbolicLink(dir.resolve("t/link"), keep);
        }

        files.deleteFile(dir.resolve("t").toString());
        assertThat(dir.resolve("t")).doesNotExist();
        assertThat(keep.resolve("k")).exists();
        files.deleteFile(dir.resolve("t").toString());
        files.deleteFile(keep.resolve("k").toString());
        assertThat(keep.resolve("k")).doesNotExist();
    }

    @Test
    void moveRenamesAndMovesIntoDirectories() throws Exception {
        Files.writeString(dir.resolve("src"), "data");
        files.moveFile(dir.resolve("src").toString(), dir.resolve("sub/dst").toString());
        assertThat(dir.resolve("src")).doesNotExist();
        assertThat(Files.readString(dir.resolve("sub/dst"))).isEqualTo("data");

        Files.writeString(dir.resolve("other"), "new");
        files.moveFile(dir.resolve("other").toString(), dir.resolve("sub/dst").toString());
        assertThat(Files.readString(dir.resolve("sub/dst"))).isEqualTo("new");

        Files.createDirectory(dir.resolve("into"));
        files.moveFile(dir.resolve("sub").toString(), dir.resolve("into").toString());
        assertThat(Files.readString(dir.resolve("into/sub/dst"))).isEqualTo("new");

        assertThatThrownBy(() -> files.moveFile(dir.resolve("nope").toString(), dir.resolve("x").toString()))
                .isInstanceOfSatisfying(OpendeskException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no such file: " + dir.resolve("nope"));
                });
    }

    @Test
    void makeDirectoryIsExistOk() throws Exception {
        files.makeDirectory(dir.resolve("m/n/o").toString(), true);
        assertThat(dir.resolve("m/n/o")).isDirectory();
        files.makeDirectory(dir.resolve("m/n/o").toString(), true);
        files.makeDirectory(dir.resolve("m/n/o").toString(), false);
        files.makeDirectory(dir.resolve("m/p").toString(), false);
        assertThat(dir.resolve("m/p")).isDirectory();
        assertThatThrownBy(() -> files.makeDirectory(dir.resolve("q/r").toString(), false))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        Files.writeString(dir.resolve("file"), "");
        assertThatThrownBy(() -> files.makeDirectory(dir.resolve("file").toString(), true))
                .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void tildeExpandsToHome() {
        String home = System.getProperty("user.home");
        assertThat(LocalFiles.resolve("~")).isEqualTo(Path.of(home));
        assertThat(LocalFiles.resolve("~/x/y")).isEqualTo(Path.of(home, "x", "y"));
        assertThat(LocalFiles.resolve("a~b")).isEqualTo(Path.of("a~b"));
        assertThat(files.statFile("~").isDir()).isTrue();
        assertThat(files.statFile("~").path()).isEqualTo(Path.of(home).toAbsolutePath().toString());
    }
}
