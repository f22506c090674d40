package dev.opendesk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opendesk.core.model.OpendeskException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IdentityTest {
    @TempDir
    Path tmp;

    @Test
    void createdOnceWith0600AndReloaded() throws IOException {
        Path home = tmp.resolve("nested/.opendesk");
        Identity first = Identity.loadOrCreate(home);
        Path file = home.resolve("identity.key");
        assertThat(Files.size(file)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        try (var listing = Files.list(home)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("identity.key");
        }
        Identity again = Identity.loadOrCreate(home);
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint()).matches("[0-9a-f]{4}(:[0-9a-f]{4}){3}");
        assertThat(X25519.publicKey(Files.readAllBytes(file))).isEqualTo(first.publicKey());
    }

    @Test
    void existingRawKeyIsUsedAsIs() throws IOException {
        Files.write(tmp.resolve("identity.key"), Bytes.repeat(0x11, 32));
        assertThat(Identity.loadOrCreate(tmp).fingerprint()).isEqualTo("7b4e:909b:be7f:fe44");
    }

    @Test
    void wrongLengthFileIsRefusedAndKept() throws IOException {
        Path file = tmp.resolve("identity.key");
        Files.write(file, new byte[31]);
        assertThatThrownBy(() -> Identity.loadOrCreate(tmp)).isInstanceOf(OpendeskException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("31 bytes");
        assertThat(Files.size(file)).isEqualTo(31);
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> Identity.loadOrCreate(tmp)).isInstanceOf(OpendeskException.class);
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void agreementMatchesPeer() {
        Identity a = Identity.generate();
        Identity b = Identity.generate();
        assertThat(a.agree(b.publicKey())).isEqualTo(b.agree(a.publicKey()));
        assertThat(a.toString()).contains(a.fingerprint()).doesNotContain(Bytes.hex(a.publicKey()));
    }
}
