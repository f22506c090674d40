/** Anthropic tool-use adapter for opendesk. */
@NullMarked
package dev.opendesk.adapter.anthropic;

import org.jspecify.annotations.NullMarked;
