/**
 * The one image pipeline: a backend's raw frame → scaled (with the pixel↔logical mapping kept
 * exact) → PNG or JPEG → {@link dev.opendesk.core.model.Pixmap}. Every backend hands over raw
 * pixels and gets the same encoder and the same HiDPI maths ({@link dev.opendesk.core.image.Scaling}).
 * Display streams use a {@link dev.opendesk.core.image.StreamEncoder} per stream, which keeps the
 * previous frame and re-deflates only the PNG bands whose rows changed.
 */
@NullMarked
package dev.opendesk.core.image;

import org.jspecify.annotations.NullMarked;
