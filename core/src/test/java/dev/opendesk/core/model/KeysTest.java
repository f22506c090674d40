package dev.opendesk.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class KeysTest {

    @Test
    void lowerCasesAndMapsAliases() {
        assertThat(Keys.normalize("Return")).isEqualTo("enter");
        assertThat(Keys.normalize("ESC")).isEqualTo("escape");
        assertThat(Keys.normalize("del")).isEqualTo("delete");
        assertThat(Keys.normalize("PgUp")).isEqualTo("pageup");
        assertThat(Keys.normalize("pgdn")).isEqualTo("pagedown");
        assertThat(Keys.normalize("F5")).isEqualTo("f5");
        assertThat(Keys.normalize("A")).isEqualTo("a");
        assertThat(Keys.normalize("tab")).isEqualTo("tab");
        assertThat(Keys.normalize(" ")).isEqualTo("space");
    }

    @Test
    void rejectsBlankNames() {
        assertThatThrownBy(() -> Keys.normalize(""))
                .isInstanceOfSatisfying(OpendeskException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> Keys.toKeysym("\t"))
                .isInstanceOfSatisfying(OpendeskException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void keysymOfModifiersIsTheirWireValue() {
        assertThat(Keys.toKeysym("Cmd")).isEqualTo("meta");
        assertThat(Keys.toKeysym("control")).isEqualTo("ctrl");
        assertThat(Keys.toKeysym("option")).isEqualTo("alt");
        assertThat(Keys.toKeysym("CapsLock")).isEqualTo("caps_lock");
        assertThat(Keys.toKeysym("Return")).isEqualTo("enter");
    }
}
