package dev.opendesk.codec.turbojpeg;

import static java.util.Objects.requireNonNull;

import dev.opendesk.spi.HostPlatform;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the TurboJPEG shared library may be on a machine: a list of directories and the file names
 * to look for in each. Finding it only checks that a file exists; nothing is loaded.
 *
 * @param directories where to look, in order
 * @param fileNames the library's file names, in order of preference
 * @param installHint what a user should do when it is missing, e.g. which package to install
 */
record LibraryLocation(List<Path> directories, List<String> fileNames, String installHint) {
    LibraryLocation {
        directories = List.copyOf(requireNonNull(directories, "directories is null"));
        fileNames = List.copyOf(requireNonNull(fileNames, "fileNames is null"));
        requireNonNull(installHint, "installHint is null");
    }

    /** The usual places on this OS: system and package-manager directories plus the loader's path variable. */
    static LibraryLocation of(HostPlatform platform) {
        List<Path> dirs = new ArrayList<>();
        if (platform.isWindows()) {
            addPathList(dirs, platform.variable("PATH"), ";");
            addPath(dirs, "C:\\libjpeg-turbo64\\bin");
            addPath(dirs, "C:\\libjpeg-turbo-gcc64\\bin");
            addPath(dirs, "C:\\libjpeg-turbo\\bin");
            return new LibraryLocation(dirs, List.of("turbojpeg.dll"),
                    "install libjpeg-turbo from libjpeg-turbo.org (C:\\libjpeg-turbo64) or put turbojpeg.dll on PATH");
        }
        if (platform.isMac()) {
            addPathList(dirs, platform.variable("DYLD_LIBRARY_PATH"), ":");
            addPath(dirs, "/opt/homebrew/opt/jpeg-turbo/lib");
            addPath(dirs, "/usr/local/opt/jpeg-turbo/lib");
            addPath(dirs, "/opt/local/lib");
            addPath(dirs, "/opt/libjpeg-turbo/lib");
            return new LibraryLocation(dirs, List.of("libturbojpeg.0.dylib", "libturbojpeg.dylib"),
                    "brew install jpeg-turbo");
        }
        addPathList(dirs, platform.variable("LD_LIBRARY_PATH"), ":");
        String triple = multiarchTriple(platform.arch());
        if (!triple.isEmpty()) {
            addPath(dirs, "/usr/lib/" + triple);
            addPath(dirs, "/lib/" + triple);
        }
        addPath(dirs, "/usr/lib64");
        addPath(dirs, "/lib64");
        addPath(dirs, "/usr/lib");
        addPath(dirs, "/lib");
        addPath(dirs, "/usr/local/lib64");
        addPath(dirs, "/usr/local/lib");
        addPath(dirs, "/opt/libjpeg-turbo/lib64");
        addPath(dirs, "/opt/libjpeg-turbo/lib");
        return new LibraryLocation(dirs, List.of("libturbojpeg.so.0", "libturbojpeg.so"),
                "Debian/Ubuntu: apt install libturbojpeg0; Fedora: dnf install turbojpeg");
    }

    /** The first existing library file, if any. */
    Optional<Path> find() {
        for (Path dir : directories) {
            for (String name : fileNames) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Why the codec cannot work here when {@link #find()} is empty, in a user's words. */
    String missingReason() {
        return "libturbojpeg not found (" + installHint + ")";
    }

    private static String multiarchTriple(String arch) {
        return switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "arm", "armhf", "armv7l" -> "arm-linux-gnueabihf";
            case "x86", "i386", "i686" -> "i386-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            default -> "";
        };
    }

    private static void addPathList(List<Path> dirs, Optional<String> list, String separator) {
        list.ifPresent(value -> {
            for (String entry : value.split(separator)) {
                addPath(dirs, entry);
            }
        });
    }

    private static void addPath(List<Path> dirs, String dir) {
        if (dir.isBlank()) {
            return;
        }
        try {
            Path path = Path.of(dir.strip());
            if (!dirs.contains(path)) {
                dirs.add(path);
            }
        } catch (InvalidPathException e) {
            // a malformed entry in a path variable is not ours to report
        }
    }
}
