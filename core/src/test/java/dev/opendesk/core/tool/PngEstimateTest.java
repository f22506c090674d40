package dev.opendesk.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.image.EncodeSettings;
import dev.opendesk.core.image.ImagePipeline;
import dev.opendesk.core.image.PixmapDecoder;
import dev.opendesk.core.image.RawFrame;
import dev.opendesk.core.model.PixmapFormat;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sampled PNG size estimate that lets the screenshot tool skip a PNG bound to miss its budget. */
final class PngEstimateTest {
    private final ImagePipeline pipeline = new ImagePipeline();

    @Test
    void estimatesTextAndPhotoScreensWithinAThird() {
        for (int photoWidth : new int[] {0, 300, 900, 1400}) {
            RawFrame frame = PixmapDecoder.fromImage(screen(1429, 804, photoWidth));
            long actual = pipeline.encode(frame, new EncodeSettings(PixmapFormat.PNG, 0, 80), 1429, 804, null, 0).size();
            long estimate = ScreenImages.estimatePngBytes(pipeline, frame);
            assertThat((double) estimate).as("photo " + photoWidth + " px wide, actual " + actual)
                    .isBetween(actual * 0.67, actual * 1.33);
        }
    }

    @Test
    void smallFramesAreNotSampled() {
        RawFrame frame = PixmapDecoder.fromImage(screen(300, 200, 100));
        assertThat(ScreenImages.estimatePngBytes(pipeline, frame)).isZero();
    }

    @Test
    void aScreenWhosePngFitsIsStillPng() {
        // text only: the estimate must not push it to JPEG
        RawFrame frame = PixmapDecoder.fromImage(screen(1429, 804, 0));
        assertThat(ScreenImages.encodeWithinBudget(pipeline, frame, new dev.opendesk.core.image.Scaling.Size(1429, 804),
                ScreenImages.MAX_BYTES, 1920, 1080, null, 0).format()).isEqualTo(PixmapFormat.PNG);
    }

    /** Lines of text on white, and a noisy photo-like block of the given width on the right. */
    static BufferedImage screen(int width, int height, int photoWidth) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int y = 20; y < height; y += 16) {
                g.drawString("Line " + y + ": the quick brown fox jumps over the lazy dog 0123456789", 10, y);
            }
        } finally {
            g.dispose();
        }
        Random random = new Random(photoWidth);
        int x0 = width - photoWidth;
        int y0 = height / 6;
        for (int y = y0; y < height - height / 6; y++) {
            for (int x = Math.max(0, x0); x < width; x++) {
                int base = (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x80;
                int noise = random.nextInt(48);
                image.setRGB(x, y, (base & 0xfefefe) + (noise << 16 | noise << 8 | noise) & 0xffffff);
            }
        }
        return image;
    }
}
