package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.opendesk.core.io.AtomicFiles;
import dev.opendesk.core.io.PythonJson;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trusted peers in {@code <home>/trusted-peers.json} (protocol §4.3). The file is re-read on
 * every call, so a pairing done by another process takes effect at once; a missing or corrupt
 * file reads as empty, and entries lacking {@code public_key} or holding badly typed values are
 * skipped (and dropped on the next write, like the reference). Writes are atomic, mode 0600, in
 * the reference's {@code json.dumps(indent=2, sort_keys=True)} format; unknown keys of kept
 * entries are preserved. Keys are matched by their exact lowercase hex. Mutations within one
 * process are serialised; across processes the last writer wins (as in the reference).
 */
public final class TrustedPeerStore {
    /** The file name under the home directory. */
    public static final String FILE_NAME = "trusted-peers.json";
    private static final Logger LOG = LoggerFactory.getLogger(TrustedPeerStore.class);

    private final Path home;
    private final Path file;

    public TrustedPeerStore(Path home) {
        this.home = requireNonNull(home, "home is null");
        this.file = home.resolve(FILE_NAME);
    }

    /** The JSON file. */
    public Path path() {
        return file;
    }

    /** Every valid entry, in file order. */
    public List<TrustedPeer> list() {
        List<TrustedPeer> out = new ArrayList<>();
        for (Entry entry : load()) {
            out.add(entry.peer);
        }
        return List.copyOf(out);
    }

    /** The first entry with this name. */
    public Optional<TrustedPeer> findByName(String name) {
        requireNonNull(name, "name is null");
        return list().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The entry of a raw public key. */
    public Optional<TrustedPeer> findByKey(byte[] publicKey) {
        return findByKeyHex(Fingerprint.hex(publicKey));
    }

    /** The entry whose {@code public_key} equals {@code hex} exactly (lowercase hex). */
    public Optional<TrustedPeer> findByKeyHex(String hex) {
        requireNonNull(hex, "hex is null");
        return list().stream().filter(p -> p.publicKey().equals(hex)).findFirst();
    }

    /** The entry whose key hex or name equals {@code nameOrHex} (key first). */
    public Optional<TrustedPeer> find(String nameOrHex) {
        return findByKeyHex(nameOrHex).or(() -> findByName(nameOrHex));
    }

    /** Whether the key is trusted in any role. */
    public boolean contains(byte[] publicKey) {
        return findByKey(publicKey).isPresent();
    }

    /** Whether the key may control us: present with role {@code controller} or {@code ""} (the server's auth check). */
    public boolean containsAsController(byte[] publicKey) {
        return findByKey(publicKey).map(TrustedPeer::isController).orElse(false);
    }

    /** {@link #add(byte[], String, String)} with role {@code ""} (both directions, as the reference's pairing). */
    public TrustedPeer add(byte[] publicKey, String name) {
        return add(publicKey, name, TrustedPeer.ROLE_ANY);
    }

    /**
     * Adds a peer, or updates it when its key is already present: a non-empty {@code name}
     * replaces the old one and the role is set; the pairing time, descriptions and endpoints are
     * kept. A new peer with an empty name gets {@code peer-} + the first 6 hex chars.
     *
     * @return the stored entry
     */
    public synchronized TrustedPeer add(byte[] publicKey, String name, String role) {
        requireNonNull(publicKey, "publicKey is null");
        requireNonNull(name, "name is null");
        requireNonNull(role, "role is null");
        if (publicKey.length != X25519.KEY_LENGTH) {
            throw OpendeskException.invalidArgument("public key must be 32 bytes, got " + publicKey.length);
        }
        String hex = Fingerprint.hex(publicKey);
        List<Entry> entries = load();
        for (int i = 0; i < entries.size(); i++) {
            TrustedPeer p = entries.get(i).peer;
            if (p.publicKey().equals(hex)) {
                TrustedPeer updated = new TrustedPeer(hex, name.isEmpty() ? p.name() : name, p.pairedAt(),
                        p.description(), p.descriptionOverride(), p.lastHost(), p.lastPort(), role, p.rendezvousUrl());
                if (!updated.equals(p)) {
                    entries.set(i, entries.get(i).with(updated));
                    save(entries);
                }
                return updated;
            }
        }
        TrustedPeer peer = new TrustedPeer(hex, name.isEmpty() ? TrustedPeer.defaultName(hex) : name, now(), "", "", "",
                0, role, "");
        entries.add(new Entry(peer, new JsonObject()));
        save(entries);
        return peer;
    }

    /**
     * Removes every entry whose key hex or name equals {@code nameOrHex}, and clears
     * {@code default-peer} when it named one of them.
     *
     * @return whether anything was removed
     */
    public synchronized boolean remove(String nameOrHex) {
        requireNonNull(nameOrHex, "nameOrHex is null");
        List<Entry> entries = load();
        List<String> removedNames = new ArrayList<>();
        List<Entry> kept = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.peer.publicKey().equals(nameOrHex) || entry.peer.name().equals(nameOrHex)) {
                removedNames.add(entry.peer.name());
            } else {
                kept.add(entry);
            }
        }
        if (kept.size() == entries.size()) {
            return false;
        }
        save(kept);
        HomeFiles homeFiles = new HomeFiles(home);
        Optional<String> defaultPeer = homeFiles.readDefaultPeer();
        if (defaultPeer.isPresent() && removedNames.contains(defaultPeer.get())) {
            homeFiles.clearDefaultPeer();
        }
        return true;
    }

    /** Renames the first peer whose key hex or name equals {@code nameOrHex}; other fields are kept. */
    public boolean rename(String nameOrHex, String newName) {
        requireNonNull(newName, "newName is null");
        if (newName.isBlank()) {
            throw OpendeskException.invalidArgument("new name must not be blank");
        }
        return update(p -> p.publicKey().equals(nameOrHex) || p.name().equals(nameOrHex), p -> p.withName(newName));
    }

    /** Caches the peer's self-description from its HELLO; {@code true} when something changed. */
    public boolean cacheDescription(byte[] publicKey, String description) {
        requireNonNull(description, "description is null");
        String hex = Fingerprint.hex(publicKey);
        return update(p -> p.publicKey().equals(hex), p -> new TrustedPeer(p.publicKey(), p.name(), p.pairedAt(),
                description, p.descriptionOverride(), p.lastHost(), p.lastPort(), p.role(), p.rendezvousUrl()));
    }

    /** Sets the local description label of the peer named (or keyed) {@code nameOrHex}; {@code ""} clears it. */
    public boolean setDescriptionOverride(String nameOrHex, String text) {
        requireNonNull(text, "text is null");
        return update(p -> p.publicKey().equals(nameOrHex) || p.name().equals(nameOrHex),
                p -> new TrustedPeer(p.publicKey(), p.name(), p.pairedAt(), p.description(), text, p.lastHost(),
                        p.lastPort(), p.role(), p.rendezvousUrl()));
    }

    /** Caches the endpoint the peer was last reached at; {@code true} when something changed. */
    public boolean cacheEndpoint(byte[] publicKey, String host, int port) {
        requireNonNull(host, "host is null");
        String hex = Fingerprint.hex(publicKey);
        return update(p -> p.publicKey().equals(hex), p -> new TrustedPeer(p.publicKey(), p.name(), p.pairedAt(),
                p.description(), p.descriptionOverride(), host, port, p.role(), p.rendezvousUrl()));
    }

    /** Stores the rendezvous URL the peer is reached through; {@code true} when something changed. */
    public boolean setRendezvousUrl(byte[] publicKey, String url) {
        requireNonNull(url, "url is null");
        String hex = Fingerprint.hex(publicKey);
        return update(p -> p.publicKey().equals(hex), p -> new TrustedPeer(p.publicKey(), p.name(), p.pairedAt(),
                p.description(), p.descriptionOverride(), p.lastHost(), p.lastPort(), p.role(), url));
    }

    private synchronized boolean update(java.util.function.Predicate<TrustedPeer> match, UnaryOperator<TrustedPeer> change) {
        List<Entry> entries = load();
        for (int i = 0; i < entries.size(); i++) {
            TrustedPeer p = entries.get(i).peer;
            if (match.test(p)) {
                TrustedPeer updated = change.apply(p);
                if (updated.equals(p)) {
                    return false;
                }
                entries.set(i, entries.get(i).with(updated));
                save(entries);
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- file format

    /** A parsed entry with the JSON object it came from (for unknown keys). */
    private record Entry(TrustedPeer peer, JsonObject raw) {
        Entry with(TrustedPeer updated) {
            return new Entry(updated, raw);
        }

        JsonObject toJson() {
            JsonObject o = raw.deepCopy();
            o.addProperty("public_key", peer.publicKey());
            o.addProperty("name", peer.name());
            o.add("paired_at", new JsonPrimitive(peer.pairedAt()));
            o.addProperty("description", peer.description());
            o.addProperty("description_override", peer.descriptionOverride());
            o.addProperty("last_host", peer.lastHost());
            o.addProperty("last_port", peer.lastPort());
            o.addProperty("role", peer.role());
            o.addProperty("rendezvous_url", peer.rendezvousUrl());
            return o;
        }
    }

    private List<Entry> load() {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        } catch (IOException e) {
            LOG.warn("cannot read {}; treating it as empty: {}", file, e.toString());
            return new ArrayList<>();
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("corrupt {}; treating it as empty: {}", file, e.toString());
            return new ArrayList<>();
        }
        List<Entry> out = new ArrayList<>();
        if (!root.isJsonArray()) {
            if (!root.isJsonNull()) {
                LOG.warn("{} is not a JSON array; treating it as empty", file);
            }
            return out;
        }
        for (JsonElement item : root.getAsJsonArray()) {
            if (!item.isJsonObject()) {
                continue;
            }
            TrustedPeer peer = parse(item.getAsJsonObject());
            if (peer != null) {
                out.add(new Entry(peer, item.getAsJsonObject()));
            }
        }
        return out;
    }

    private static @Nullable TrustedPeer parse(JsonObject o) {
        try {
            JsonElement key = o.get("public_key");
            if (key == null || !key.isJsonPrimitive() || !key.getAsJsonPrimitive().isString()) {
                return null;
            }
            return new TrustedPeer(key.getAsString(), string(o, "name"), number(o, "paired_at"),
                    string(o, "description"), string(o, "description_override"), string(o, "last_host"),
                    (int) number(o, "last_port"), string(o, "role"), string(o, "rendezvous_url"));
        } catch (RuntimeException e) {
            return null; // bad type or value: skipped like the reference
        }
    }

    /** A string field; missing or null is {@code ""}; any other type is an error. */
    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString();
        }
        throw new IllegalArgumentException(name + " is not a string");
    }

    /** A number field as Python's {@code float(x or 0)} reads it: numbers and numeric strings. */
    private static double number(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return 0;
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber() || p.isString()) {
                String s = p.getAsString().strip();
                return s.isEmpty() ? 0 : Double.parseDouble(s);
            }
        }
        throw new IllegalArgumentException(name + " is not a number");
    }

    private void save(List<Entry> entries) {
        JsonArray array = new JsonArray();
        for (Entry entry : entries) {
            array.add(entry.toJson());
        }
        try {
            AtomicFiles.createDirectories(home);
            AtomicFiles.writeString(file, PythonJson.dumpIndented(array));
        } catch (IOException e) {
            throw new OpendeskException(ErrorCode.INTERNAL, "cannot write " + file + ": " + e, e);
        }
    }

    private static double now() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1_000_000_000.0;
    }
}
