package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.io.AtomicFiles;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The two small text files of the home directory (protocol §4.1): {@code default-peer} (the
 * controller's default peer name, one line) and {@code description.txt} (the host's free-text
 * self-description, re-read on every HELLO). Written atomically (mode 0600) as text + {@code \n};
 * read with surrounding whitespace stripped. Whether the default peer is still trusted is the
 * caller's check ({@link TrustedPeerStore#findByName}).
 */
public final class HomeFiles {
    /** The default-peer file name. */
    public static final String DEFAULT_PEER = "default-peer";
    /** The self-description file name. */
    public static final String DESCRIPTION = "description.txt";

    private final Path home;

    public HomeFiles(Path home) {
        this.home = requireNonNull(home, "home is null");
    }

    /** {@code ~/.opendesk} ({@code user.home}); callers may honour {@code OPENDESK_HOME} or {@code --home} first. */
    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".opendesk");
    }

    /** The home directory. */
    public Path home() {
        return home;
    }

    /** The stored default peer name; empty when the file is missing, unreadable or blank. */
    public Optional<String> readDefaultPeer() {
        String name = readStripped(home.resolve(DEFAULT_PEER));
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** Stores {@code name} as the default peer. */
    public void writeDefaultPeer(String name) {
        requireNonNull(name, "name is null");
        if (name.isBlank() || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw OpendeskException.invalidArgument("default peer name must be one non-blank line");
        }
        write(home.resolve(DEFAULT_PEER), name + "\n");
    }

    /** Removes the default peer; {@code true} when one was set. */
    public boolean clearDefaultPeer() {
        Path file = home.resolve(DEFAULT_PEER);
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot remove " + file + ": " + e, e);
        }
    }

    /** The host's self-description, stripped; {@code ""} when missing or unreadable. */
    public String readDescription() {
        return readStripped(home.resolve(DESCRIPTION));
    }

    /** Stores the host's self-description (written as text + {@code \n}). */
    public void writeDescription(String text) {
        requireNonNull(text, "text is null");
        write(home.resolve(DESCRIPTION), text + "\n");
    }

    private static String readStripped(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot write " + file + ": " + e, e);
        }
    }
}
