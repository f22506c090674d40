package dev.opendesk.core.audit;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the day files written by {@link JsonlAuditLog} for {@code opendesk audit}: a day's
 * records (lines that are not JSON objects are skipped, as is a last line still being written),
 * the {@link AuditQuery} selection, and a follow mode that polls for new lines. Thread-safe.
 */
public final class AuditReader {
    /** How often {@link Follower#run()} looks for new lines. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final Path directory;
    private final Clock clock;

    /** A reader of {@code <home>/audit}, dating "today" in the system time zone. */
    public AuditReader(Path home) {
        this(home, Clock.systemDefaultZone());
    }

    /** A reader of {@code <home>/audit} whose "today" (and day change while following) comes from {@code clock}. */
    public AuditReader(Path home, Clock clock) {
        this.directory = requireNonNull(home, "home is null").resolve(JsonlAuditLog.DIRECTORY);
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Today's local date, the default of {@code --date}. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The file that holds the records of {@code date}. */
    public Path fileFor(LocalDate date) {
        return JsonlAuditLog.fileFor(directory, date);
    }

    /** All records of {@code date} in file order; none when the file does not exist. */
    public List<AuditRecord> read(LocalDate date) throws IOException {
        List<AuditRecord> out = new ArrayList<>();
        readFrom(fileFor(date), 0, out::add);
        return out;
    }

    /** The records {@code query} selects (see {@link AuditQuery#select}). */
    public List<AuditRecord> query(AuditQuery query) throws IOException {
        return query.select(read(query.date()));
    }

    /**
     * A follower for {@code --follow}: its {@link Follower#run()} first hands {@code sink} what
     * {@link #query} selects, then every new record of the day that passes the peer filter,
     * polling every {@link #POLL_INTERVAL} until {@link Follower#close()}. When the followed day
     * is today, it moves on to the next day's file once the clock's date changes.
     */
    public Follower follow(AuditQuery query, Consumer<? super AuditRecord> sink) {
        return new Follower(query, sink, POLL_INTERVAL);
    }

    /** As {@link #follow(AuditQuery, Consumer)} with another poll interval (tests). */
    Follower follow(AuditQuery query, Consumer<? super AuditRecord> sink, Duration pollInterval) {
        return new Follower(query, sink, pollInterval);
    }

    /**
     * Parses one line of a day file.
     *
     * @return the record, or empty when the line is blank or not a JSON object
     */
    public static Optional<AuditRecord> parseLine(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.charAt(0) != '{') {
            return Optional.empty();
        }
        try {
            JsonElement element = JsonParser.parseString(trimmed);
            if (!element.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject object = element.getAsJsonObject();
            double ts = 0;
            String type = "?";
            String fp = "";
            String name = "";
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : object.entrySet()) {
                JsonElement v = e.getValue();
                switch (e.getKey()) {
                    case "ts" -> {
                        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
                            double d = v.getAsDouble();
                            ts = Double.isFinite(d) ? d : 0;
                        }
                    }
                    case "type" -> type = v.isJsonPrimitive() ? v.getAsString() : "?";
                    case "peer" -> {
                        if (v.isJsonObject()) {
                            fp = stringMember(v.getAsJsonObject(), "fp");
                            name = stringMember(v.getAsJsonObject(), "name");
                        }
                    }
                    default -> {
                        Object value = toJava(v);
                        if (value != null) {
                            fields.put(e.getKey(), value);
                        }
                    }
                }
            }
            return Optional.of(new AuditRecord(ts, type, fp, name, fields));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException
                 | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads the complete lines of {@code file} from byte {@code offset} on.
     *
     * @return the offset just past the last complete line ({@code offset} itself if none, or when the file is missing)
     */
    private static long readFrom(Path file, long offset, Consumer<AuditRecord> sink) throws IOException {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= offset) {
                return size < offset ? -1 : offset; // -1: the file shrank (replaced); start over
            }
            channel.position(offset);
            try (InputStream in = Channels.newInputStream(channel)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, size - offset));
            }
        } catch (NoSuchFileException e) {
            return offset == 0 ? 0 : -1;
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                parseLine(new String(bytes, start, i - start, StandardCharsets.UTF_8)).ifPresent(sink);
                start = i + 1;
            }
        }
        return offset + start;
    }

    private static String stringMember(JsonObject object, String name) {
        JsonElement v = object.get(name);
        return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() ? v.getAsString() : "";
    }

    private static @Nullable Object toJava(JsonElement v) {
        if (v.isJsonNull()) {
            return null;
        }
        if (v.isJsonPrimitive()) {
            JsonPrimitive p = v.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isString()) {
                return p.getAsString();
            }
            String text = p.getAsNumber().toString();
            if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    return p.getAsDouble();
                }
            }
            return p.getAsDouble();
        }
        if (v.isJsonArray()) {
            List<@Nullable Object> list = new ArrayList<>();
            for (JsonElement item : v.getAsJsonArray()) {
                list.add(toJava(item));
            }
            return list;
        }
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : v.getAsJsonObject().entrySet()) {
            map.put(e.getKey(), toJava(e.getValue()));
        }
        return map;
    }

    /** A running {@code --follow}: {@link #run()} blocks until {@link #close()} (from any thread). */
    public final class Follower implements AutoCloseable {
        private final AuditQuery query;
        private final Consumer<? super AuditRecord> sink;
        private final long pollMillis;
        private final CountDownLatch stopped = new CountDownLatch(1);

        private Follower(AuditQuery query, Consumer<? super AuditRecord> sink, Duration pollInterval) {
            this.query = requireNonNull(query, "query is null");
            this.sink = requireNonNull(sink, "sink is null");
            this.pollMillis = Math.max(1, pollInterval.toMillis());
        }

        /**
         * Emits the initial selection, then new records until closed.
         *
         * @throws IOException if a day file cannot be read
         * @throws InterruptedException if the thread is interrupted while waiting
         */
        public void run() throws IOException, InterruptedException {
            LocalDate date = query.date();
            boolean rollsOver = date.equals(today());
            List<AuditRecord> initial = new ArrayList<>();
            long offset = readFrom(fileFor(date), 0, initial::add);
            query.select(initial).forEach(sink);
            offset = Math.max(offset, 0);
            while (!stopped.await(pollMillis, TimeUnit.MILLISECONDS)) {
                offset = drain(date, offset);
                LocalDate now = today();
                if (rollsOver && now.isAfter(date)) {
                    drain(date, offset);
                    date = now;
                    offset = drain(date, 0);
                }
            }
        }

        private long drain(LocalDate date, long offset) throws IOException {
            long next = readFrom(fileFor(date), offset, this::emit);
            if (next < 0) { // the file was replaced or truncated: read it again from the start
                next = Math.max(readFrom(fileFor(date), 0, this::emit), 0);
            }
            return next;
        }

        private void emit(AuditRecord record) {
            if (query.matches(record)) {
                sink.accept(record);
            }
        }

        /** Stops {@link #run()} at its next poll (promptly: the wait is interrupted). */
        @Override
        public void close() {
            stopped.countDown();
        }
    }
}
