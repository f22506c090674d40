package dev.opendesk.core.protocol;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns whatever a handler threw into the wire error, with the reference's precedence
 * ({@code exception_to_error}, protocol §8): cancelled → a domain exception's own code, message and
 * details → file not found → bad argument → timeout → internal (message = the exception's message,
 * or its class name when it has none).
 */
public final class ErrorMapping {
    private ErrorMapping() {
    }

    /** The wire error for a failure. */
    public static ErrorInfo toError(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof InterruptedException || error instanceof CancellationException) {
            return ErrorInfo.cancelled();
        }
        if (error instanceof OpendeskException domain) {
            return ErrorInfo.from(domain);
        }
        if (error instanceof NoSuchFileException || error instanceof FileNotFoundException) {
            return ErrorInfo.of(ErrorCode.NOT_FOUND, messageOf(error));
        }
        if (error instanceof UncheckedIOException io && (io.getCause() instanceof NoSuchFileException
                || io.getCause() instanceof FileNotFoundException)) {
            return ErrorInfo.of(ErrorCode.NOT_FOUND, messageOf(io.getCause()));
        }
        if (error instanceof IllegalArgumentException || error instanceof CharacterCodingException) {
            return ErrorInfo.of(ErrorCode.INVALID_ARGUMENT, messageOf(error));
        }
        if (error instanceof TimeoutException) {
            return ErrorInfo.of(ErrorCode.TIMEOUT, messageOf(error));
        }
        return ErrorInfo.of(ErrorCode.INTERNAL, messageOf(error));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable error = failure;
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    private static String messageOf(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
