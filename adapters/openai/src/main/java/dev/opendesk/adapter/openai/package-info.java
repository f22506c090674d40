/** OpenAI function-tools adapter for opendesk. */
@NullMarked
package dev.opendesk.adapter.openai;

import org.jspecify.annotations.NullMarked;
