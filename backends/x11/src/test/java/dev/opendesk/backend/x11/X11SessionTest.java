package dev.opendesk.backend.x11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.platform.unix.X11;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import org.junit.jupiter.api.Test;

final class X11SessionTest {
    @Test
    void opensARealServerAndTurnsXErrorsIntoExceptions() {
        try (XvfbServer xvfb = XvfbServer.start(640, 480)) {
            X11Session session = xvfb.session();
            X11.Display display = session.open("test");
            try {
                X11.Window root = X11.INSTANCE.XDefaultRootWindow(display);
                assertThat(root.longValue()).isPositive();
                X11.Window bogus = new X11.Window(0x7ffffff0L);
                assertThatThrownBy(() -> X11Errors.checked(display, "map a window that is not there",
                        () -> X11.INSTANCE.XMapWindow(display, bogus)))
                        .isInstanceOfSatisfying(OpendeskException.class, e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.NOT_FOUND))
                        .hasMessageContaining("does not exist");
                // the connection is still usable afterwards
                X11Errors.checked(display, "sync", () -> X11.INSTANCE.XFlush(display));
            } finally {
                session.close(display);
            }
        }
    }

    @Test
    void aDisplayThatDoesNotAnswerIsAClearError() {
        assertThatThrownBy(() -> new X11Session(":4999").open("test"))
                .isInstanceOf(OpendeskException.class).hasMessageContaining("cannot open X display ':4999'");
    }
}
