/**
 * The remote layer (protocol §4–§9, §13, §14): the host server (sessions, the single-controller
 * rule, pairing mode), the controller client (connect, auto-reconnect, pair-with, default peer),
 * target resolution, call gating (policy + audit) and the admin IPC.
 */
@NullMarked
package dev.opendesk.core.remote;

import org.jspecify.annotations.NullMarked;
