package dev.opendesk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class CapabilityManifestTest {

    @Test
    void defaults() {
        CapabilityManifest manifest = CapabilityManifest.of(Set.of(Capability.OCR, Capability.DISPLAY_CAPTURE), "local/linux");
        assertThat(manifest.protocolVersion()).isEqualTo("0.1");
        assertThat(manifest.description()).isEmpty();
        assertThat(manifest.limits()).isEmpty();
        assertThat(manifest.capabilities()).containsExactly(Capability.DISPLAY_CAPTURE, Capability.OCR);
        assertThat(manifest.supports(Capability.OCR)).isTrue();
        assertThat(manifest.supports(Capability.FS_READ)).isFalse();

        CapabilityManifest empty = CapabilityManifest.empty();
        assertThat(empty.capabilities()).isEmpty();
        assertThat(empty.backend()).isEqualTo("unknown");
    }

    @Test
    void copiesAreUnmodifiableAndKeepOrder() {
        Map<String, Map<String, Object>> limits = new LinkedHashMap<>();
        limits.put("z.cap", Map.of("a", 1L));
        limits.put("display.stream", Map.of("max_fps", 30L));
        CapabilityManifest manifest = new CapabilityManifest(
                Set.of(Capability.DISPLAY_STREAM), limits, "0.1", "local/linux", "desk");
        limits.clear();

        assertThat(manifest.limits().keySet()).containsExactly("z.cap", "display.stream");
        assertThat(manifest.limits().get("display.stream")).containsEntry("max_fps", 30L);
        assertThatThrownBy(() -> manifest.capabilities().add(Capability.OCR))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> manifest.limits().get("z.cap").put("b", 2L))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(manifest.withDescription("other").description()).isEqualTo("other");
        assertThat(manifest.withDescription("desk")).isEqualTo(manifest);
    }

    @Test
    void equalityIsBySetContent() {
        CapabilityManifest a = CapabilityManifest.of(Set.of(Capability.OCR, Capability.FS_READ), "b");
        CapabilityManifest b = CapabilityManifest.of(new java.util.HashSet<>(List.of(Capability.FS_READ, Capability.OCR)), "b");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void unsupportedErrorNamesTheWireCapability() {
        OpendeskException error = OpendeskException.capabilityUnsupported(Capability.WINDOWS_MANIPULATE, "local/linux");
        assertThat(error.code()).isEqualTo(ErrorCode.CAPABILITY_UNSUPPORTED);
        assertThat(error.getMessage())
                .isEqualTo("Capability 'windows.manipulate' is not supported by backend local/linux.");
        assertThat(error.details()).containsEntry("capability", "windows.manipulate");
    }
}
