package dev.opendesk.backend.x11.atspi;

/**
 * A failed AT-SPI step inside this package: a D-Bus error reply, a call that timed out, a bus
 * that is not there. {@link AtspiAccessibility} turns it into the wire's errors.
 */
final class AtspiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean timedOut;

    AtspiException(String message) {
        super(message);
        this.timedOut = false;
    }

    AtspiException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    AtspiException(String message, Throwable cause) {
        super(message, cause);
        this.timedOut = cause instanceof AtspiException a && a.timedOut;
    }

    /** Whether the remote side did not answer in time. */
    boolean timedOut() {
        return timedOut;
    }
}
