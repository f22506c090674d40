package dev.opendesk.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one unchecked domain exception: it carries the wire {@link ErrorCode}, a message and the
 * {@code details} map of protocol §7/§8 (used by {@code capability_unsupported}).
 */
public class OpendeskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Map<String, Object> details;

    public OpendeskException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public OpendeskException(ErrorCode code, String message, @Nullable Throwable cause) {
        this(code, message, Map.of(), cause);
    }

    public OpendeskException(ErrorCode code, String message, Map<String, ?> details) {
        this(code, message, details, null);
    }

    public OpendeskException(ErrorCode code, String message, Map<String, ?> details, @Nullable Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(details, "details is null")));
    }

    /** Shorthand for an {@link ErrorCode#INVALID_ARGUMENT} error. */
    public static OpendeskException invalidArgument(String message) {
        return new OpendeskException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /**
     * The {@code capability_unsupported} error as the reference words it:
     * {@code Capability '<cap>' is not supported by backend <backend>.}
     */
    public static OpendeskException capabilityUnsupported(Capability capability, String backend) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("capability", capability.wire());
        details.put("backend", backend);
        return new OpendeskException(ErrorCode.CAPABILITY_UNSUPPORTED,
                "Capability '" + capability.wire() + "' is not supported by backend " + backend + ".", details);
    }

    /** The wire error code. */
    public ErrorCode code() {
        return code;
    }

    /** The wire {@code details} map, in insertion order; empty for most codes. */
    public Map<String, Object> details() {
        return details;
    }
}
