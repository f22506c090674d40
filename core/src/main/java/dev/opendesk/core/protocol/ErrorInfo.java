package dev.opendesk.core.protocol;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The wire {@code error} map: keys {@code code, message, details} in that order, all always
 * present. {@code code} stays a string so an unknown code from a newer peer survives decoding.
 */
public record ErrorInfo(String code, String message, Map<String, @Nullable Object> details) {
    public ErrorInfo {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
        details = Frame.copy(details, "details");
    }

    /** An error with no details. */
    public static ErrorInfo of(ErrorCode code, String message) {
        return new ErrorInfo(code.wire(), message, Map.of());
    }

    /** The {@code cancelled} error the responder sends when a call is cancelled. */
    public static ErrorInfo cancelled() {
        return of(ErrorCode.CANCELLED, "cancelled");
    }

    /** The error a domain exception becomes on the wire. */
    public static ErrorInfo from(OpendeskException exception) {
        return new ErrorInfo(exception.code().wire(), String.valueOf(exception.getMessage()), exception.details());
    }

    /** The code as our enum; codes outside the closed set read as {@code internal}. */
    public ErrorCode errorCode() {
        return ErrorCode.fromWire(code).orElse(ErrorCode.INTERNAL);
    }

    /** The domain exception this error becomes on the receiving side. */
    public OpendeskException toException() {
        return new OpendeskException(errorCode(), message, details);
    }
}
