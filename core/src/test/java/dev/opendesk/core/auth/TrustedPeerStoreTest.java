package dev.opendesk.core.auth;

import static dev.opendesk.core.auth.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TrustedPeerStoreTest {
    private static final String KEY_A = "7b4e909bbe7ffe44c465a220037d608ee35897d31ef972f07f74892cb0f73f13";
    private static final String KEY_B = "0faa684ed28867b97f4a6a2dee5df8ce974e76b7018e3f22a1c4cf2678570f20";

    @TempDir
    Path home;

    private TrustedPeerStore store() {
        return new TrustedPeerStore(home);
    }

    private String file() throws IOException {
        return Files.readString(home.resolve("trusted-peers.json"), StandardCharsets.UTF_8);
    }

    @Test
    void missingFileIsEmpty() {
        assertThat(store().list()).isEmpty();
        assertThat(store().containsAsController(hex(KEY_A))).isFalse();
        assertThat(store().remove("x")).isFalse();
    }

    @Test
    void addWritesPythonFormat0600() throws IOException {
        TrustedPeer added = store().add(hex(KEY_A), "");
        assertThat(added.name()).isEqualTo("peer-7b4e90");
        assertThat(added.role()).isEmpty();
        assertThat(added.pairedAt()).isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));
        String text = file();
        assertThat(text).startsWith("[\n  {\n    \"description\": \"\",\n    \"description_override\": \"\",\n"
                + "    \"last_host\": \"\",\n    \"last_port\": 0,\n    \"name\": \"peer-7b4e90\",\n    \"paired_at\": ");
        assertThat(text).endsWith(",\n    \"public_key\": \"" + KEY_A + "\",\n    \"rendezvous_url\": \"\",\n"
                + "    \"role\": \"\"\n  }\n]");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("trusted-peers.json"))))
                .isEqualTo("rw-------");
        try (var listing = Files.list(home)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("trusted-peers.json");
        }
    }

    @Test
    void updatesKeepExactPythonBytes() throws IOException {
        Files.writeString(home.resolve("trusted-peers.json"),
                "[{\"public_key\": \"" + KEY_A + "\", \"name\": \"desk\", \"paired_at\": 1700000000.123}]");
        assertThat(store().cacheEndpoint(hex(KEY_A), "10.0.0.5", 8423)).isTrue();
        assertThat(store().cacheEndpoint(hex(KEY_A), "10.0.0.5", 8423)).isFalse();
        assertThat(file()).isEqualTo("[\n"
                + "  {\n"
                + "    \"description\": \"\",\n"
                + "    \"description_override\": \"\",\n"
                + "    \"last_host\": \"10.0.0.5\",\n"
                + "    \"last_port\": 8423,\n"
                + "    \"name\": \"desk\",\n"
                + "    \"paired_at\": 1700000000.123,\n"
                + "    \"public_key\": \"" + KEY_A + "\",\n"
                + "    \"rendezvous_url\": \"\",\n"
                + "    \"role\": \"\"\n"
                + "  }\n"
                + "]");
    }

    @Test
    void unknownKeysArePreservedAndNonAsciiEscaped() throws IOException {
        Files.writeString(home.resolve("trusted-peers.json"),
                "[{\"public_key\": \"" + KEY_A + "\", \"name\": \"bür\\u00f6\", \"zz_future\": [1, {\"b\": true, \"a\": null}],"
                        + " \"paired_at\": 5}]");
        store().cacheDescription(hex(KEY_A), "Ünïcode \"desk\"\n");
        String text = file();
        assertThat(text).contains("\"name\": \"b\\u00fcr\\u00f6\"")
                .contains("\"description\": \"\\u00dcn\\u00efcode \\\"desk\\\"\\n\"")
                .contains("\"paired_at\": 5.0")
                .endsWith("    \"role\": \"\",\n    \"zz_future\": [\n      1,\n      {\n        \"a\": null,\n"
                        + "        \"b\": true\n      }\n    ]\n  }\n]");
        assertThat(store().findByKey(hex(KEY_A)).orElseThrow().description()).isEqualTo("Ünïcode \"desk\"\n");
    }

    @Test
    void corruptOrWrongShapedFileIsEmpty() throws IOException {
        Path file = home.resolve("trusted-peers.json");
        for (String text : new String[] {"", "{not json", "{\"a\": 1}", "42", "null", "[1, \"x\", null]", "[[]]"}) {
            Files.writeString(file, text);
            assertThat(store().list()).as(text).isEmpty();
        }
        Files.write(file, new byte[] {'[', (byte) 0xff, ']'});
        assertThat(store().list()).isEmpty();
    }

    @Test
    void badEntriesAreSkipped() throws IOException {
        Files.writeString(home.resolve("trusted-peers.json"), "[\n"
                + "{\"name\": \"no key\"},\n"
                + "{\"public_key\": 12},\n"
                + "{\"public_key\": \"" + KEY_B.toUpperCase() + "\"},\n"
                + "{\"public_key\": \"abc\"},\n"
                + "{\"public_key\": \"" + KEY_B + "\", \"name\": 5},\n"
                + "{\"public_key\": \"" + KEY_B + "\", \"last_port\": \"x\"},\n"
                + "{\"public_key\": \"" + KEY_B + "\", \"paired_at\": {}},\n"
                + "{\"public_key\": \"" + KEY_A + "\", \"name\": null, \"paired_at\": \"12.5\", \"last_port\": \"8423\","
                + " \"description\": null}\n"
                + "]");
        assertThat(store().list()).singleElement().satisfies(p -> {
            assertThat(p.publicKey()).isEqualTo(KEY_A);
            assertThat(p.name()).isEmpty();
            assertThat(p.pairedAt()).isEqualTo(12.5);
            assertThat(p.lastPort()).isEqualTo(8423);
            assertThat(p.description()).isEmpty();
            assertThat(p.role()).isEmpty();
        });
    }

    @Test
    void roleSemantics() {
        TrustedPeerStore store = store();
        store.add(hex(KEY_A), "legacy");
        assertThat(store.containsAsController(hex(KEY_A))).isTrue();
        store.add(hex(KEY_A), "", TrustedPeer.ROLE_REMOTE);
        assertThat(store.findByKey(hex(KEY_A)).orElseThrow().name()).isEqualTo("legacy");
        assertThat(store.containsAsController(hex(KEY_A))).isFalse();
        assertThat(store.contains(hex(KEY_A))).isTrue();
        store.add(hex(KEY_B), "ctl", TrustedPeer.ROLE_CONTROLLER);
        assertThat(store.containsAsController(hex(KEY_B))).isTrue();
        assertThat(store.findByKey(hex(KEY_B)).orElseThrow().isRemote()).isFalse();
        assertThat(store.containsAsController(Bytes.repeat(1, 32))).isFalse();
    }

    @Test
    void reAddKeepsOtherFields() {
        TrustedPeerStore store = store();
        TrustedPeer first = store.add(hex(KEY_A), "one");
        store.cacheEndpoint(hex(KEY_A), "host", 80);
        store.setDescriptionOverride("one", "label");
        TrustedPeer again = store.add(hex(KEY_A), "two");
        assertThat(again.name()).isEqualTo("two");
        assertThat(again.pairedAt()).isEqualTo(first.pairedAt());
        assertThat(again.lastHost()).isEqualTo("host");
        assertThat(again.effectiveDescription()).isEqualTo("label");
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void findRenameRemoveAndDescriptions() {
        TrustedPeerStore store = store();
        store.add(hex(KEY_A), "alpha");
        store.add(hex(KEY_B), "beta");
        assertThat(store.findByName("beta").orElseThrow().publicKey()).isEqualTo(KEY_B);
        assertThat(store.findByKeyHex(KEY_A).orElseThrow().name()).isEqualTo("alpha");
        assertThat(store.findByKeyHex(KEY_A.toUpperCase())).isEmpty();
        assertThat(store.find(KEY_B).orElseThrow().name()).isEqualTo("beta");

        assertThat(store.cacheDescription(hex(KEY_B), "office pc")).isTrue();
        assertThat(store.findByName("beta").orElseThrow().effectiveDescription()).isEqualTo("office pc");
        assertThat(store.setDescriptionOverride("beta", "my label")).isTrue();
        assertThat(store.findByName("beta").orElseThrow().effectiveDescription()).isEqualTo("my label");
        assertThat(store.setDescriptionOverride("beta", "")).isTrue();
        assertThat(store.findByName("beta").orElseThrow().effectiveDescription()).isEqualTo("office pc");
        assertThat(store.setRendezvousUrl(hex(KEY_B), "https://rv.example")).isTrue();
        assertThat(store.findByName("beta").orElseThrow().rendezvousUrl()).isEqualTo("https://rv.example");

        assertThat(store.rename("alpha", "gamma")).isTrue();
        assertThat(store.rename(KEY_B, "delta")).isTrue();
        assertThat(store.rename("nobody", "x")).isFalse();
        assertThat(store.findByName("delta").orElseThrow().description()).isEqualTo("office pc");
        assertThatThrownBy(() -> store.rename("gamma", " ")).isInstanceOf(RuntimeException.class);

        HomeFiles files = new HomeFiles(home);
        files.writeDefaultPeer("gamma");
        assertThat(store.remove("delta")).isTrue();
        assertThat(files.readDefaultPeer()).hasValue("gamma");
        assertThat(store.remove(KEY_A)).isTrue();
        assertThat(files.readDefaultPeer()).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(store.remove("gamma")).isFalse();
    }

    @Test
    void recordValidates() {
        assertThatThrownBy(() -> new TrustedPeer("ABC", "", 0, "", "", "", 0, "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedPeer(KEY_A, "", 0, "", "", "", 70_000, "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        TrustedPeer p = new TrustedPeer(KEY_A, "n", 1, "d", "", "", 0, "", "");
        assertThat(p.fingerprint()).isEqualTo("7b4e:909b:be7f:fe44");
        assertThat(p.publicKeyBytes()).isEqualTo(hex(KEY_A));
        assertThat(TrustedPeer.defaultName(KEY_B)).isEqualTo("peer-0faa68");
    }
}
