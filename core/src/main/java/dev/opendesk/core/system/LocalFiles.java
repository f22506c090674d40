package dev.opendesk.core.system;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.FileEntry;
import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * {@code fs.*} on this machine, with {@code ~} and {@code ~/…} expanded to the user's home.
 *
 * <p>Errors carry the wire codes the reference produces: a missing path is {@code not_found}
 * ("no such file: /x"), a directory where a file is needed (or the reverse) is
 * {@code invalid_argument}, anything else {@code internal}.
 *
 * <p>Symbolic links are followed like Python's {@code os.stat}: an entry for a link describes its
 * target (a link to a directory has {@code is_dir = true}); a dangling link is described by the
 * link itself. {@link #deleteFile} removes a link, never what it points to.
 */
public final class LocalFiles {
    private static final boolean UNIX_VIEW = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static final boolean POSIX_VIEW = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Reads a whole file. */
    public byte[] readFile(String path) {
        Path file = resolve(path);
        if (Files.isDirectory(file)) {
            throw OpendeskException.invalidArgument("is a directory: " + path);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw failure(e, path);
        } catch (OutOfMemoryError e) {
            throw OpendeskException.invalidArgument("file too large to read: " + path);
        }
    }

    /**
     * Writes a whole file, creating missing parent directories. The content goes to a temporary
     * file next to the target that is then renamed over it, so readers see the old or the new
     * content; an existing file keeps its permissions. A symbolic link is written through.
     */
    public void writeFile(String path, byte[] data) {
        requireNonNull(data, "data is null");
        Path file = resolve(path);
        try {
            if (Files.isDirectory(file)) {
                throw OpendeskException.invalidArgument("is a directory: " + path);
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.isSymbolicLink(file) || parent == null) {
                Files.write(file, data);
                return;
            }
            Path temp = parent.resolve("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    out.write(data);
                }
            } catch (AccessDeniedException e) {
                // a writable file in a read-only directory: write in place
                Files.write(file, data);
                return;
            }
            try {
                if (POSIX_VIEW && Files.exists(file)) {
                    PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
                    Files.getFileAttributeView(temp, PosixFileAttributeView.class).setPermissions(attributes.permissions());
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw failure(e, path);
        }
    }

    /** The entries of a directory, sorted by name. */
    public List<FileEntry> listFiles(String path) {
        Path dir = resolve(path);
        if (!Files.exists(dir)) {
            throw notFound(path);
        }
        if (!Files.isDirectory(dir)) {
            throw OpendeskException.invalidArgument("not a directory: " + path);
        }
        List<Path> children;
        try (Stream<Path> stream = Files.list(dir)) {
            children = new ArrayList<>(stream.toList());
        } catch (IOException e) {
            throw failure(e, path);
        }
        children.sort(Comparator.comparing(child -> child.getFileName().toString()));
        List<FileEntry> entries = new ArrayList<>(children.size());
        for (Path child : children) {
            try {
                entries.add(entry(child));
            } catch (NoSuchFileException e) {
                // removed while we were listing: it is not there any more
            } catch (IOException e) {
                throw failure(e, child.toString());
            }
        }
        return entries;
    }

    /** One file's entry (following symbolic links). */
    public FileEntry statFile(String path) {
        try {
            return entry(resolve(path));
        } catch (IOException e) {
            throw failure(e, path);
        }
    }

    /** Deletes a file, a symbolic link, or a directory with everything in it. A missing path is fine. */
    public void deleteFile(String path) {
        Path target = resolve(path);
        try {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(target);
                return;
            }
            Files.walkFileTree(target, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw exc;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    if (exc != null && !(exc instanceof NoSuchFileException)) {
                        throw exc;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // gone already
        } catch (IOException e) {
            throw failure(e, path);
        }
    }

    /**
     * Moves or renames, like Python's {@code shutil.move}: into {@code dst} when it is an existing
     * directory, else to {@code dst} (replacing a file there); across file systems by copy and
     * delete. Missing parents of {@code dst} are created.
     */
    public void moveFile(String src, String dst) {
        Path source = resolve(src);
        Path target = resolve(dst);
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(src);
        }
        try {
            if (Files.isDirectory(target) && source.getFileName() != null) {
                target = target.resolve(source.getFileName().toString());
            }
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (DirectoryNotEmptyException e) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
                copyTree(source, target); // a directory to another file system
                deleteFile(source.toString());
            }
        } catch (IOException e) {
            throw failure(e, src + " -> " + dst);
        }
    }

    /** Creates a directory; an existing directory is fine, an existing file is not. */
    public void makeDirectory(String path, boolean parents) {
        Path dir = resolve(path);
        try {
            if (parents) {
                Files.createDirectories(dir);
            } else if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            throw OpendeskException.invalidArgument("exists and is not a directory: " + path);
        } catch (IOException e) {
            throw failure(e, path);
        }
    }

    /** A wire path as a local path, with {@code ~} and {@code ~/…} expanded. */
    static Path resolve(String path) {
        requireNonNull(path, "path is null");
        if (path.isBlank()) {
            throw OpendeskException.invalidArgument("path must not be blank");
        }
        String expanded = path;
        if (path.equals("~") || path.startsWith("~/") || path.startsWith("~" + java.io.File.separator)) {
            expanded = System.getProperty("user.home") + path.substring(1);
        }
        try {
            return Path.of(expanded);
        } catch (InvalidPathException e) {
            throw OpendeskException.invalidArgument("invalid path: " + path + " (" + e.getReason() + ")");
        }
    }

    private static FileEntry entry(Path path) throws IOException {
        Map<String, Object> attributes;
        try {
            attributes = readAttributes(path);
        } catch (NoSuchFileException e) {
            if (!Files.isSymbolicLink(path)) {
                throw e;
            }
            attributes = readAttributes(path, LinkOption.NOFOLLOW_LINKS); // dangling link
        }
        Path name = path.getFileName();
        FileTime modified = (FileTime) attributes.get("lastModifiedTime");
        Double mtime = modified == null ? null
                : modified.toInstant().getEpochSecond() + modified.toInstant().getNano() / 1e9;
        Object mode = attributes.get("mode");
        return new FileEntry(
                path.toAbsolutePath().toString(),
                name == null ? "" : name.toString(),
                Boolean.TRUE.equals(attributes.get("isDirectory")),
                attributes.get("size") instanceof Long size ? Math.max(0, size) : 0,
                mtime,
                mode instanceof Integer m ? Long.valueOf(m) : null);
    }

    private static Map<String, Object> readAttributes(Path path, LinkOption... options) throws IOException {
        if (UNIX_VIEW) {
            return Files.readAttributes(path, "unix:mode,isDirectory,size,lastModifiedTime", options);
        }
        return Files.readAttributes(path, "basic:isDirectory,size,lastModifiedTime", options);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static OpendeskException notFound(String path) {
        return new OpendeskException(ErrorCode.NOT_FOUND, "no such file: " + path);
    }

    private static OpendeskException failure(IOException e, String path) {
        if (e instanceof NoSuchFileException) {
            return new OpendeskException(ErrorCode.NOT_FOUND, "no such file: " + path, e);
        }
        if (e instanceof NotDirectoryException) {
            return new OpendeskException(ErrorCode.INVALID_ARGUMENT, "not a directory: " + path, e);
        }
        if (e instanceof FileAlreadyExistsException) {
            return new OpendeskException(ErrorCode.INVALID_ARGUMENT, "already exists: " + path, e);
        }
        if (e instanceof AccessDeniedException) {
            return new OpendeskException(ErrorCode.INTERNAL, "permission denied: " + path, e);
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.toString();
        return new OpendeskException(ErrorCode.INTERNAL, "file operation failed on " + path + ": " + reason, e);
    }
}
