/**
 * The {@code opendesk} command line (picocli): every command of the reference CLI plus
 * {@code mcp} and {@code plugins}. Commands write to the command line's out/err writers, never to
 * {@code System.out} directly.
 */
@NullMarked
package dev.opendesk.app.cli;

import org.jspecify.annotations.NullMarked;
