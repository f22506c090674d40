package dev.opendesk.app.cli;

import com.google.inject.Injector;
import dev.opendesk.app.wiring.Wiring;

/** The wired services of one command run, built from its common options. */
final class Services {
    private Services() {
    }

    static Injector of(CommonOptions common) {
        return Wiring.injector(common.home(), common.backend(), common.codec());
    }

    static <T> T get(CommonOptions common, Class<T> type) {
        return of(common).getInstance(type);
    }
}
