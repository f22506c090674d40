/**
 * The agent tools (spec/surface.md §1): screenshot, mouse, keyboard, app, ui, clipboard, ocr,
 * audit, … Each tool acts only through its context's {@link dev.opendesk.core.computer.Computer},
 * so the same tool drives this machine or a paired one.
 */
@NullMarked
package dev.opendesk.core.tool;

import org.jspecify.annotations.NullMarked;
