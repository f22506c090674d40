/** LangChain4j tools adapter for opendesk. */
@NullMarked
package dev.opendesk.adapter.langchain4j;

import org.jspecify.annotations.NullMarked;
