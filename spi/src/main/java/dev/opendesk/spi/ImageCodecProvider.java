package dev.opendesk.spi;

import dev.opendesk.core.image.ImageCodec;

/**
 * An image codec plugin: native (or otherwise faster) scaling and PNG/JPEG encoding for the one
 * image pipeline. The host picks the highest-priority supported provider at start-up, like a
 * backend ({@code --codec ID} or {@code OPENDESK_CODEC} chooses one, {@code java} none), and the
 * pipeline uses it for the steps it lists in {@link ImageCodec#operations()}; everything else
 * stays pure Java. Register an implementation in
 * {@code META-INF/services/dev.opendesk.spi.ImageCodecProvider}.
 *
 * <p>{@link #supports} must stay cheap (e.g. check that the native library for this OS and
 * architecture is on the class path); loading it belongs in {@link ImageCodec#operations()},
 * which runs on the first image, so that start-up does not pay for it.
 */
public interface ImageCodecProvider extends PluginProvider {
    /** The codec. Called at most once per process, only after {@link #supports} said yes; must be cheap. */
    ImageCodec create();
}
