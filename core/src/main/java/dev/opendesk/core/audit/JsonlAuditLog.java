package dev.opendesk.core.audit;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.io.AtomicFiles;
import dev.opendesk.core.io.PythonJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file audit log of protocol §14.1: one JSON object per line in
 * {@code <home>/audit/<YYYY-MM-DD>.jsonl}, the date being the local date (in this log's zone) of
 * each record's timestamp, so a new file starts when the day changes. Each line is Python's
 * {@code json.dumps(record, sort_keys=True)} of {@code {"ts", "type", "peer": {"fp", "name"}, …fields}}
 * and reaches the file through a single {@code write} on an append-mode channel — whole lines,
 * also when other processes append to the same file — and is thus handed to the OS at once (no
 * user-space buffering; no fsync per record). The directory is created {@code 0700} and each file
 * {@code 0600} (on POSIX file systems).
 *
 * <p>Thread-safe. A failure to write is logged and swallowed: auditing never fails the call it
 * records. After {@link #close()} further records are dropped.
 */
public final class JsonlAuditLog implements AuditLog {
    /** The directory under the home that holds the day files. */
    public static final String DIRECTORY = "audit";

    private static final Logger LOG = LoggerFactory.getLogger(JsonlAuditLog.class);
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final ZoneId zone;
    private final ReentrantLock lock = new ReentrantLock();
    private @Nullable FileChannel channel;
    private @Nullable LocalDate channelDate;
    private boolean closed;

    /** A log under {@code home}, dated in the system time zone. */
    public JsonlAuditLog(Path home) {
        this(home, ZoneId.systemDefault());
    }

    /** A log under {@code home} whose day files follow {@code zone}. */
    public JsonlAuditLog(Path home, ZoneId zone) {
        this.directory = requireNonNull(home, "home is null").resolve(DIRECTORY);
        this.zone = requireNonNull(zone, "zone is null");
    }

    /** The directory holding the day files ({@code <home>/audit}). */
    public Path directory() {
        return directory;
    }

    /** The file that holds the records of {@code date}. */
    public Path fileFor(LocalDate date) {
        return fileFor(directory, date);
    }

    /** {@code <auditDirectory>/<YYYY-MM-DD>.jsonl}. */
    static Path fileFor(Path auditDirectory, LocalDate date) {
        return auditDirectory.resolve(date + ".jsonl");
    }

    /** One line as written, without its {@code \n}: Python's {@code json.dumps(entry, sort_keys=True)}. */
    public static String toJsonLine(AuditRecord record) {
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("fp", record.peerFingerprint());
        peer.put("name", record.peerName());
        Map<String, Object> entry = new LinkedHashMap<>(record.fields());
        entry.put("ts", record.timestamp());
        entry.put("type", record.type());
        entry.put("peer", peer);
        return PythonJson.dumpCompact(entry);
    }

    @Override
    public void record(AuditRecord record) {
        requireNonNull(record, "record is null");
        ByteBuffer line;
        LocalDate date;
        try {
            line = ByteBuffer.wrap((toJsonLine(record) + "\n").getBytes(StandardCharsets.UTF_8));
            date = Instant.ofEpochMilli((long) Math.floor(record.timestamp() * 1000)).atZone(zone).toLocalDate();
        } catch (RuntimeException e) {
            LOG.warn("audit: cannot serialise a {} record: {}", record.type(), e.toString());
            return;
        }
        lock.lock();
        try {
            if (closed) {
                LOG.debug("audit: log closed, dropping a {} record", record.type());
                return;
            }
            FileChannel out = channelFor(date);
            while (line.hasRemaining()) {
                out.write(line); // O_APPEND: one write() of the whole line; loops only on a short write
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("audit: cannot write to {}: {}", fileFor(date), e.toString());
            closeChannel(); // reopen on the next record
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closeChannel();
        } finally {
            lock.unlock();
        }
    }

    private FileChannel channelFor(LocalDate date) throws IOException {
        FileChannel current = channel;
        if (current != null && current.isOpen() && date.equals(channelDate)) {
            return current;
        }
        closeChannel();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        AtomicFiles.createDirectories(directory);
        if (posix) {
            try {
                Files.setPosixFilePermissions(directory, DIR_MODE);
            } catch (IOException e) {
                LOG.warn("audit: cannot restrict {} to 0700: {}", directory, e.toString());
            }
        }
        Path file = fileFor(date);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                : new FileAttribute<?>[0];
        FileChannel opened = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), attributes);
        if (posix) {
            try {
                if (!Files.getPosixFilePermissions(file).equals(FILE_MODE)) {
                    Files.setPosixFilePermissions(file, FILE_MODE);
                }
            } catch (IOException e) {
                LOG.warn("audit: cannot restrict {} to 0600: {}", file, e.toString());
            }
        }
        channel = opened;
        channelDate = date;
        return opened;
    }

    private void closeChannel() {
        FileChannel current = channel;
        channel = null;
        channelDate = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("audit: closing the day file failed: {}", e.toString());
            }
        }
    }
}
