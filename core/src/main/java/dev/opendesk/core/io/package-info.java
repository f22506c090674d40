/**
 * Small file-system helpers shared by the stores under the opendesk home directory: atomic,
 * owner-only writes and owner-only directories.
 */
@NullMarked
package dev.opendesk.core.io;

import org.jspecify.annotations.NullMarked;
