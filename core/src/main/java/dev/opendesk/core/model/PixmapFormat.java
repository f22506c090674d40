package dev.opendesk.core.model;

import java.util.Optional;

/** The encoding of {@link Pixmap#data()} (wire {@code Pixmap.format}). */
public enum PixmapFormat {
    /** PNG, the only format the reference produces. */
    PNG("png"),
    JPEG("jpeg"),
    /** Uncompressed 8-bit RGBA, row-major, no padding. */
    RAW_RGBA("raw_rgba"),
    /** Uncompressed 8-bit RGB, row-major, no padding. */
    RAW_RGB("raw_rgb");

    private final String wire;

    PixmapFormat(String wire) {
        this.wire = wire;
    }

    /** The string written on the wire. */
    public String wire() {
        return wire;
    }

    /** The format for a wire string, or empty if it is not one. */
    public static Optional<PixmapFormat> fromWire(String wire) {
        for (PixmapFormat value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire;
    }
}
