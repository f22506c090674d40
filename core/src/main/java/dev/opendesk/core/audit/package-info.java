/** The AuditLog port: an append-only record of sessions and calls on the host (protocol §14.1). */
@NullMarked
package dev.opendesk.core.audit;

import org.jspecify.annotations.NullMarked;
