/**
 * An image codec plugin that writes JPEG through libjpeg-turbo's TurboJPEG API, bound with JNA to
 * the system's shared library ({@code libturbojpeg.so.0} on Debian/Ubuntu from the
 * {@code libturbojpeg0} package). Nothing native is bundled: without the library the provider
 * says so and the pipeline stays pure Java.
 */
@NullMarked
package dev.opendesk.codec.turbojpeg;

import org.jspecify.annotations.NullMarked;
