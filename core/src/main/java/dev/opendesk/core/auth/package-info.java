/**
 * Trust is keys: the long-lived X25519 {@link dev.opendesk.core.auth.Identity}, fingerprints, the
 * trusted-peer store, the pairing (PSK) and auth (static key) handshakes of protocol §5/§6, the
 * HKDF/PBKDF2 derivations and the {@link dev.opendesk.core.auth.EncryptedConnection} that carries
 * every frame after a handshake (protocol §3). Everything here is byte-compatible with the Python
 * reference.
 */
@NullMarked
package dev.opendesk.core.auth;

import org.jspecify.annotations.NullMarked;
