/**
 * An image codec plugin on LWJGL's bindings: stb_image_resize2 for scaling and libspng for PNG,
 * natives taken from LWJGL's jars on the class path. The codec takes over only the steps measured
 * faster than the pure-Java pipeline (see {@link dev.opendesk.codec.lwjgl.LwjglImageCodec}).
 */
@NullMarked
package dev.opendesk.codec.lwjgl;

import org.jspecify.annotations.NullMarked;
