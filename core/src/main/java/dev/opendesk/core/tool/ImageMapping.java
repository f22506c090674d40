package dev.opendesk.core.tool;

import dev.opendesk.core.model.Rect;

/**
 * How the pixels of a screenshot map to logical screen coordinates: the image is
 * {@code width × height} pixels showing the logical rectangle {@code area}, so
 * {@code x_logical = area.x + x × area.width / width} (same for y).
 */
record ImageMapping(int width, int height, Rect area) {
    double toLogicalX(double x) {
        return area.x() + x * area.width() / width;
    }

    double toLogicalY(double y) {
        return area.y() + y * area.height() / height;
    }
}
