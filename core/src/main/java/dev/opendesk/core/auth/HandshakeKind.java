package dev.opendesk.core.auth;

/** Which handshake produced a session. */
public enum HandshakeKind {
    /** First contact authenticated by a pairing code (protocol §5); the session mode is {@code pair}. */
    PAIRING,
    /** Reconnect authenticated by pinned static keys (protocol §6); the session mode is {@code serve}. */
    AUTH
}
