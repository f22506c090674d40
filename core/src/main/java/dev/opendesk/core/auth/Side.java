package dev.opendesk.core.auth;

/** Which end of a handshake (and of the encrypted connection after it) we are. */
public enum Side {
    /** Dialed the connection; sends with {@code c2s}, receives with {@code s2c}. */
    CLIENT,
    /** Accepted the connection; sends with {@code s2c}, receives with {@code c2s}. */
    SERVER
}
