/**
 * The wire protocol after the handshake (protocol §2, §7, §8, §10): the msgpack codec, the five
 * frame types, the {@code Peer} that multiplexes calls, streams, cancels and pushes over one
 * connection, the dispatcher that serves a {@code Computer} and the {@code RemoteComputer} that
 * forwards one.
 *
 * <p>Decoded msgpack values are plain Java objects: str → {@link java.lang.String}, bin →
 * {@code byte[]}, int → {@link java.lang.Long}, float → {@link java.lang.Double}, bool →
 * {@link java.lang.Boolean}, array → {@link java.util.List}, map → {@link java.util.LinkedHashMap}
 * with string keys in wire order, nil → {@code null} (only ever inside maps and lists).
 */
@NullMarked
package dev.opendesk.core.protocol;

import org.jspecify.annotations.NullMarked;
