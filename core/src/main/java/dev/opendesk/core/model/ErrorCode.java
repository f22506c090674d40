package dev.opendesk.core.model;

import java.util.Optional;

/**
 * The closed set of error codes that travel on the wire in {@code error.code} (protocol §8).
 * Every domain exception carries one, so the remote side sees the same code the local caller would.
 */
public enum ErrorCode {
    /** The backend lacks the feature, or the method is unknown. */
    CAPABILITY_UNSUPPORTED("capability_unsupported"),
    /** The policy refused the call. */
    PERMISSION_DENIED("permission_denied"),
    /** Bad parameters: missing or wrongly typed fields, unknown keys, bad enum values. */
    INVALID_ARGUMENT("invalid_argument"),
    /** A file, window, element or peer that does not exist. */
    NOT_FOUND("not_found"),
    /** The operation ran out of time. */
    TIMEOUT("timeout"),
    /** The call was cancelled by its caller or because the session closed. */
    CANCELLED("cancelled"),
    /** Anything else. */
    INTERNAL("internal"),
    /** A wire-level fault: bad frame, missing HELLO, closed connection. */
    PROTOCOL("protocol"),
    /** The host already has an active controller. */
    BUSY("busy");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The string written on the wire. */
    public String wire() {
        return wire;
    }

    /** The code for a wire string, if it is one of the closed set. */
    public static Optional<ErrorCode> fromWire(String wire) {
        for (ErrorCode code : values()) {
            if (code.wire.equals(wire)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire;
    }
}
