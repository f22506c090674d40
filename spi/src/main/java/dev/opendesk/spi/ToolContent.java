package dev.opendesk.spi;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/** One block of a tool's output: text for the model, or an image. */
public sealed interface ToolContent permits ToolContent.Text, ToolContent.Image {

    /** Text shown to the model. */
    record Text(String text) implements ToolContent {
        public Text {
            requireNonNull(text, "text is null");
        }
    }

    /** An image, e.g. a screenshot, with its media type ({@code image/png}). */
    record Image(String mediaType, byte[] data) implements ToolContent {
        public Image {
            requireNonNull(mediaType, "mediaType is null");
            requireNonNull(data, "data is null");
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Image that && mediaType.equals(that.mediaType) && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return 31 * mediaType.hashCode() + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Image[" + mediaType + ", " + data.length + " bytes]";
        }
    }
}
