package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import dev.opendesk.core.image.ImagePipeline;

/**
 * Settings shared by the standard tools.
 *
 * @param sleeper how tools wait (settle times, key holds); tests pass one that does not sleep
 * @param tesseract the {@code tesseract} program the {@code ocr} tool runs: a name looked up on
 *     {@code PATH} or a path
 * @param pipeline the image pipeline that scales and encodes screenshots
 * @param defaultMaxEdge the screenshot long-edge budget when the call gives no {@code max_edge}
 */
public record ToolOptions(Sleeper sleeper, String tesseract, ImagePipeline pipeline, int defaultMaxEdge) {
    /** The long edge a screenshot is scaled to at most by default (a model's image budget). */
    public static final int DEFAULT_MAX_EDGE = 1568;

    public ToolOptions {
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(tesseract, "tesseract is null");
        requireNonNull(pipeline, "pipeline is null");
        if (defaultMaxEdge < ScreenImages.MIN_EDGE) {
            throw new IllegalArgumentException("defaultMaxEdge must be at least " + ScreenImages.MIN_EDGE);
        }
    }

    /** Real sleeps, {@code tesseract} from {@code PATH}, the default pipeline and budget. */
    public static ToolOptions defaults() {
        return new ToolOptions(Sleeper.REAL, "tesseract", new ImagePipeline(), DEFAULT_MAX_EDGE);
    }

    /** These options with another sleeper. */
    public ToolOptions withSleeper(Sleeper newSleeper) {
        return new ToolOptions(newSleeper, tesseract, pipeline, defaultMaxEdge);
    }

    /** These options with another {@code tesseract} executable. */
    public ToolOptions withTesseract(String executable) {
        return new ToolOptions(sleeper, executable, pipeline, defaultMaxEdge);
    }

    /** These options with another image pipeline (e.g. one with a native codec). */
    public ToolOptions withPipeline(ImagePipeline newPipeline) {
        return new ToolOptions(sleeper, tesseract, newPipeline, defaultMaxEdge);
    }

    /** These options with another default long-edge budget. */
    public ToolOptions withDefaultMaxEdge(int maxEdge) {
        return new ToolOptions(sleeper, tesseract, pipeline, maxEdge);
    }

    /** How a tool waits. */
    @FunctionalInterface
    public interface Sleeper {
        /** {@link Thread#sleep}; an interrupt ends the wait early and keeps the flag set. */
        Sleeper REAL = millis -> {
            if (millis <= 0) {
                return;
            }
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        void sleep(long millis);
    }
}
