package dev.opendesk.core.auth;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.OpendeskException;
import org.jspecify.annotations.Nullable;

/**
 * A handshake failed (protocol §6.5). {@link #reason()} is the reference's {@code AuthFailure.reason}.
 * The error code is {@link ErrorCode#PROTOCOL} for reason {@code protocol} and
 * {@link ErrorCode#PERMISSION_DENIED} for the three trust reasons. Like the Python
 * {@code AuthFailure}, it is never a transient error: a reconnecting client must surface it
 * rather than retry (test {@code instanceof AuthFailure} before looking at the code). The
 * connection the handshake ran on has been closed when this is thrown.
 */
public final class AuthFailure extends OpendeskException {
    private static final long serialVersionUID = 1L;

    /** Why a handshake failed, with the reference's reason strings. */
    public enum Reason {
        /** AEAD tag failure under a PSK-derived key: the two sides used different codes. */
        WRONG_CODE("wrong_code"),
        /** Server side: the client's static key is not trusted (as controller). */
        UNTRUSTED_PEER("untrusted_peer"),
        /** Client side: the server did not prove the expected static key (or rejected us, §6.4). */
        UNEXPECTED_PEER("unexpected_peer"),
        /** Malformed, missing, late or out-of-order handshake message; closed early; timeout. */
        PROTOCOL("protocol");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        /** The reference's reason string. */
        public String wire() {
            return wire;
        }

        @Override
        public String toString() {
            return wire;
        }
    }

    private final Reason reason;
    private final boolean pairingGuess;

    public AuthFailure(Reason reason, String message) {
        this(reason, message, null);
    }

    public AuthFailure(Reason reason, String message, @Nullable Throwable cause) {
        this(reason, message, cause, false);
    }

    private AuthFailure(Reason reason, String message, @Nullable Throwable cause, boolean pairingGuess) {
        super(codeOf(requireNonNull(reason, "reason is null")), message.startsWith(reason.wire() + ": ")
                ? message : reason.wire() + ": " + message, cause);
        this.reason = reason;
        this.pairingGuess = pairingGuess;
    }

    /**
     * Server side of pairing: whether this failure used up a guess at the code, i.e. it happened
     * after a {@code pair_offer} was sent (a wrong code, or a client that closed after seeing the
     * offer). Garbage that never got an offer is not a guess.
     */
    public boolean pairingGuess() {
        return pairingGuess;
    }

    /** This failure, marked as a used-up pairing guess. */
    AuthFailure asPairingGuess() {
        return pairingGuess ? this : new AuthFailure(reason, String.valueOf(getMessage()), this, true);
    }

    /** Shorthand for reason {@code protocol}. */
    static AuthFailure protocol(String message) {
        return new AuthFailure(Reason.PROTOCOL, message);
    }

    /** The failure reason. */
    public Reason reason() {
        return reason;
    }

    private static ErrorCode codeOf(Reason reason) {
        return reason == Reason.PROTOCOL ? ErrorCode.PROTOCOL : ErrorCode.PERMISSION_DENIED;
    }
}
