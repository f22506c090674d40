package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A file or directory (wire {@code FileEntry}).
 *
 * @param path full host-native path, not blank
 * @param name last path element (empty for a root)
 * @param isDir whether it is a directory
 * @param size size in bytes, not negative (default 0)
 * @param mtime modification time in Unix seconds, or null (wire nil)
 * @param mode raw {@code st_mode} including the file-type bits, or null (wire nil)
 */
public record FileEntry(
        String path, String name, boolean isDir, long size, @Nullable Double mtime, @Nullable Long mode) {
    public FileEntry {
        Checks.nonBlank(path, "path");
        requireNonNull(name, "name is null");
        Checks.nonNegative(size, "size");
        Checks.finiteOrNull(mtime, "mtime");
    }
}
