package dev.opendesk.core.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Atomic, owner-only file writes: the content goes to a temporary file in the target's directory
 * (mode {@code 0600} on POSIX, set before any byte is written), is fsynced and then renamed over
 * the target with {@link StandardCopyOption#ATOMIC_MOVE}. A reader sees the old or the new file,
 * never a torn one. The temporary file is removed when anything fails. Directories this class
 * creates get mode {@code 0700}.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {}

    /** Replaces {@code target} with {@code content}, atomically. */
    public static void write(Path target, byte[] content) throws IOException {
        requireNonNull(content, "content is null");
        Path temp = writeTemp(target, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        syncDirectory(absoluteParent(target));
    }

    /** Replaces {@code target} with the UTF-8 bytes of {@code text}, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, requireNonNull(text, "text is null").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates {@code target} with {@code content} unless it already exists; the file appears
     * complete or not at all, and an existing file is never replaced (also against another process
     * doing the same).
     *
     * @return {@code true} when this call created the file, {@code false} when it already existed
     */
    public static boolean createIfAbsent(Path target, byte[] content) throws IOException {
        requireNonNull(content, "content is null");
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path temp = writeTemp(target, content);
        try {
            try {
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // No hard links here (some file systems): fall back to a checked rename.
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            syncDirectory(absoluteParent(target));
            return true;
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Creates {@code dir} and any missing parents; the directories created here get mode
     * {@code 0700} on POSIX (existing ones are left alone).
     */
    public static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        boolean posix = isPosix(absolute);
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                if (posix) {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIR_MODE));
                    Files.setPosixFilePermissions(p, DIR_MODE); // the umask may have narrowed the mode
                } else {
                    Files.createDirectory(p);
                }
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
            }
        }
    }

    private static Path writeTemp(Path target, byte[] content) throws IOException {
        Path dir = absoluteParent(target);
        createDirectories(dir);
        boolean posix = isPosix(dir);
        String prefix = "." + target.getFileName() + ".";
        Path temp = posix
                ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE))
                : Files.createTempFile(dir, prefix, ".tmp", new FileAttribute<?>[0]);
        try {
            if (posix) {
                Files.setPosixFilePermissions(temp, FILE_MODE);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static Path absoluteParent(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("no parent directory: " + target);
        }
        return parent;
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename durable on POSIX; not possible (nor needed) everywhere.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }
}
