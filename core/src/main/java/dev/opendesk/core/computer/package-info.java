/**
 * The {@link dev.opendesk.core.computer.Computer} port: the one surface through which tools
 * observe and act on a desktop, whether the computer is a local backend or a remote host reached
 * over the wire. One method per wire method of protocol §10, plus the parameter records of the
 * methods that take several options, the {@link dev.opendesk.core.computer.EventStream} of the
 * two subscriptions, and convenience verbs (click, drag, hotkey, ...) composed from the
 * primitives exactly as protocol §10.1 prescribes.
 *
 * <p>No nulls cross these APIs except where a parameter or component is marked
 * {@code @Nullable}, which stands for a wire nil.
 */
@NullMarked
package dev.opendesk.core.computer;

import org.jspecify.annotations.NullMarked;
