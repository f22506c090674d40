package dev.opendesk.core.image;

/** A producer of 8-bit, 3-channel pixel rows, top to bottom; what the encoders consume. */
interface RgbRows {
    /** Writes the next row ({@code 3 × width} bytes) into {@code dst}. */
    void next(byte[] dst);

    /**
     * Rows of a frame at its own size, converted from B,G,R,X to R,G,B (when {@code rgb}) or
     * B,G,R, starting at row {@code startRow}.
     */
    static RgbRows direct(RawFrame frame, boolean rgb, int startRow) {
        FrameReader reader = new FrameReader(frame);
        int width = frame.width();
        return new RgbRows() {
            private int y = startRow;

            @Override
            public void next(byte[] dst) {
                byte[] src = reader.row(y++);
                if (rgb) {
                    for (int x = 0, s = 0, d = 0; x < width; x++, s += 4, d += 3) {
                        dst[d] = src[s + 2];
                        dst[d + 1] = src[s + 1];
                        dst[d + 2] = src[s];
                    }
                } else {
                    for (int x = 0, s = 0, d = 0; x < width; x++, s += 4, d += 3) {
                        dst[d] = src[s];
                        dst[d + 1] = src[s + 1];
                        dst[d + 2] = src[s + 2];
                    }
                }
            }
        };
    }
}
