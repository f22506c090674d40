package dev.opendesk.core.image;

/**
 * A rectangle of whole image pixels, e.g. the pixels of an encoded {@code Pixmap} that cover a
 * logical region.
 *
 * @param x left column, not negative
 * @param y top row, not negative
 * @param width columns, not negative
 * @param height rows, not negative
 */
public record PixelRect(int x, int y, int width, int height) {
    public PixelRect {
        if (x < 0 || y < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException("pixel rectangle must not have negative values: "
                    + x + "," + y + " " + width + "x" + height);
        }
    }
}
