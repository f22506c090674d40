/** The Policy port: decides, before dispatch, whether a remote peer may make a call (protocol §14.2). */
@NullMarked
package dev.opendesk.core.policy;

import org.jspecify.annotations.NullMarked;
