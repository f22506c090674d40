package dev.opendesk.backend.x11.atspi;

import static java.util.Objects.requireNonNull;

/**
 * A remote accessible object: the application's bus name on the accessibility bus and the
 * object's path.
 *
 * @param busName unique bus name such as {@code :1.42}
 * @param path object path such as {@code /org/a11y/atspi/accessible/12}
 */
record AccessibleRef(String busName, String path) {
    AccessibleRef {
        requireNonNull(busName, "busName is null");
        requireNonNull(path, "path is null");
    }

    /** The object {@code (so)} returned by AT-SPI. */
    static AccessibleRef of(AtspiDbus.ObjectReference reference) {
        return new AccessibleRef(reference.getBusName(), reference.getPath().getPath());
    }

    /** Whether this is AT-SPI's "no object" ({@code /org/a11y/atspi/null} or an empty bus name). */
    boolean isNull() {
        return busName.isEmpty() || path.equals(AtspiDbus.NULL_PATH);
    }

    /** The application object of the same bus name. */
    AccessibleRef applicationRoot() {
        return new AccessibleRef(busName, AtspiDbus.ROOT_PATH);
    }
}
