/**
 * The agent tools (spec/surface.md §1): screenshot, mouse, keyboard, app, ui, clipboard, ocr,
 * audit, … Each tool acts only through its context's {@link dev.opendesk.core.computer.Computer},
 * so the same tool drives this machine or a paired one.
 *
 * <p>{@link dev.opendesk.core.tool.Tools#standardRegistry()} builds the standard registry. A tool
 * declares its parameters once with {@link dev.opendesk.core.tool.ToolParameters}, which gives its
 * JSON Schema and the strict parsing of its arguments; it asks the context's permission check
 * first, records what it did in the {@link dev.opendesk.core.tool.ToolSession}, and answers with a
 * {@link dev.opendesk.core.tool.ToolResult} (text, error flag, image attachments, metadata).
 * Wrong arguments and refused permissions are thrown as {@code invalid_argument} /
 * {@code permission_denied}; failures of the action itself come back as error results.
 */
@NullMarked
package dev.opendesk.core.tool;

import org.jspecify.annotations.NullMarked;
