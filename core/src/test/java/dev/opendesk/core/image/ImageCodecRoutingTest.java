package dev.opendesk.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

final class ImageCodecRoutingTest {
    /** A codec that does its steps with the pure-Java pipeline and records what it was asked. */
    private static final class RecordingCodec implements ImageCodec {
        private final String name;
        private final Set<Operation> operations;
        private final boolean failing;
        final AtomicInteger asked = new AtomicInteger();
        final List<String> calls = new ArrayList<>();

        RecordingCodec(String name, Set<Operation> operations, boolean failing) {
            this.name = name;
            this.operations = operations;
            this.failing = failing;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<Operation> operations() {
            asked.incrementAndGet();
            return operations;
        }

        @Override
        public synchronized RawFrame scale(RawFrame frame, int width, int height) {
            calls.add("scale " + width + "x" + height);
            fail();
            return new ImagePipeline().scale(frame, width, height);
        }

        @Override
        public synchronized byte[] encodePng(RawFrame frame) {
            calls.add("png " + frame.width() + "x" + frame.height());
            fail();
            return new ImagePipeline().encode(frame, EncodeSettings.fullResolution(), 1, 1, null, 0).data();
        }

        @Override
        public synchronized byte[] encodeJpeg(RawFrame frame, int quality) {
            calls.add("jpeg " + frame.width() + "x" + frame.height() + " q" + quality);
            fail();
            return new ImagePipeline().encode(frame, new EncodeSettings(PixmapFormat.JPEG, 0, quality), 1, 1, null, 0).data();
        }

        private void fail() {
            if (failing) {
                throw new IllegalStateException("native library crashed");
            }
        }
    }

    private static final RawFrame FRAME = ImagePipelineTest.randomFrame(64, 40, 8, false, 3);

    @Test
    void theCodecIsAskedOnTheFirstImageNotWhenThePipelineIsBuilt() {
        RecordingCodec codec = new RecordingCodec("rec", EnumSet.of(ImageCodec.Operation.PNG), false);
        ImagePipeline pipeline = new ImagePipeline(codec);
        assertThat(codec.asked).hasValue(0);
        pipeline.encode(FRAME, EncodeSettings.fullResolution(), 64, 40, null, 0);
        pipeline.encode(FRAME, EncodeSettings.fullResolution(), 64, 40, null, 0);
        assertThat(codec.asked).hasValue(1);
        assertThat(pipeline.codecName()).isEqualTo("rec");
    }

    @Test
    void stepsTheCodecTakesOverGoToItTheRestStayPureJava() throws IOException {
        RecordingCodec codec = new RecordingCodec("rec", EnumSet.of(ImageCodec.Operation.SCALE, ImageCodec.Operation.PNG), false);
        ImagePipeline pipeline = new ImagePipeline(codec);

        Pixmap png = pipeline.encode(FRAME, new EncodeSettings(PixmapFormat.PNG, 32, 80), 64, 40, "d", 1);
        assertThat(png.width()).isEqualTo(32);
        assertThat(png.height()).isEqualTo(20);
        assertThat(png.logicalWidth()).isEqualTo(64);
        assertThat(ImageIO.read(new ByteArrayInputStream(png.data())).getWidth()).isEqualTo(32);
        assertThat(codec.calls).containsExactly("scale 32x20", "png 32x20");

        codec.calls.clear();
        Pixmap jpeg = pipeline.encode(FRAME, new EncodeSettings(PixmapFormat.JPEG, 32, 70), 64, 40, "d", 1);
        assertThat(jpeg.format()).isEqualTo(PixmapFormat.JPEG);
        assertThat(codec.calls).containsExactly("scale 32x20"); // JPEG itself is pure Java

        codec.calls.clear();
        pipeline.encode(FRAME, EncodeSettings.fullResolution(), 64, 40, null, 0);
        assertThat(codec.calls).containsExactly("png 64x40"); // nothing to scale
    }

    @Test
    void aFailingCodecFallsBackToPureJavaAndIsNotAskedAgain() throws IOException {
        RecordingCodec codec = new RecordingCodec("broken", EnumSet.allOf(ImageCodec.Operation.class), true);
        ImagePipeline pipeline = new ImagePipeline(codec);
        ImagePipeline java = new ImagePipeline();

        Pixmap png = pipeline.encode(FRAME, EncodeSettings.fullResolution(), 64, 40, null, 0);
        assertThat(png.data()).isEqualTo(java.encode(FRAME, EncodeSettings.fullResolution(), 64, 40, null, 0).data());
        assertThat(codec.calls).containsExactly("png 64x40");

        codec.calls.clear();
        pipeline.encode(FRAME, new EncodeSettings(PixmapFormat.JPEG, 32, 70), 64, 40, null, 0);
        RawFrame scaled = pipeline.scale(FRAME, 16, 10);
        assertThat(codec.calls).isEmpty();
        assertThat(pipeline.codecSteps()).isEmpty();
        assertThat(pipeline.codecName()).isEqualTo("java");
        assertThat(scaled.pixels().array()).isEqualTo(java.scale(FRAME, 16, 10).pixels().array());
    }

    @Test
    void aCodecThatCannotLoadLeavesThePureJavaPipeline() {
        ImageCodec unloadable = new ImageCodec() {
            @Override
            public String name() {
                return "unloadable";
            }

            @Override
            public Set<Operation> operations() {
                throw new UnsatisfiedLinkError("no libfoo in java.library.path");
            }
        };
        ImagePipeline pipeline = new ImagePipeline(unloadable);
        Pixmap png = pipeline.encode(FRAME, EncodeSettings.fullResolution(), 64, 40, null, 0);
        assertThat(png.width()).isEqualTo(64);
        assertThat(pipeline.codecSteps()).isEmpty();
    }

    @Test
    void combinedCodecsGiveEachStepToTheFirstThatTakesItOver() {
        RecordingCodec first = new RecordingCodec("first", EnumSet.of(ImageCodec.Operation.PNG), false);
        RecordingCodec second = new RecordingCodec("second", EnumSet.of(ImageCodec.Operation.PNG, ImageCodec.Operation.JPEG), false);
        RecordingCodec unused = new RecordingCodec("unused", EnumSet.of(ImageCodec.Operation.JPEG), false);
        ImagePipeline pipeline = new ImagePipeline(CombinedImageCodec.of(List.of(first, second, unused)));

        pipeline.encode(FRAME, EncodeSettings.fullResolution(), 64, 40, null, 0);
        pipeline.encode(FRAME, new EncodeSettings(PixmapFormat.JPEG, 0, 60), 64, 40, null, 0);
        pipeline.scale(FRAME, 16, 10);

        assertThat(first.calls).containsExactly("png 64x40");
        assertThat(second.calls).containsExactly("jpeg 64x40 q60");
        assertThat(unused.calls).isEmpty();
        assertThat(pipeline.codecSteps()).containsExactlyInAnyOrder(ImageCodec.Operation.PNG, ImageCodec.Operation.JPEG);
        assertThat(pipeline.codecName()).isEqualTo("first+second");
        assertThat(CombinedImageCodec.of(List.of())).isSameAs(ImageCodec.JAVA);
        assertThat(CombinedImageCodec.of(List.of(first))).isSameAs(first);
    }

    @Test
    void deferredCodecsAreChosenOnTheFirstImageOnly() {
        RecordingCodec png = new RecordingCodec("png", EnumSet.of(ImageCodec.Operation.PNG), false);
        AtomicInteger choices = new AtomicInteger();
        ImagePipeline pipeline = new ImagePipeline(CombinedImageCodec.deferred(() -> {
            choices.incrementAndGet();
            return List.of(png);
        }));
        assertThat(choices).hasValue(0);
        pipeline.encode(FRAME, EncodeSettings.fullResolution(), 64, 40, null, 0);
        pipeline.encode(FRAME, EncodeSettings.fullResolution(), 64, 40, null, 0);
        assertThat(choices).hasValue(1);
        assertThat(png.calls).containsExactly("png 64x40", "png 64x40");
        assertThat(pipeline.codecName()).isEqualTo("png");

        ImagePipeline none = new ImagePipeline(CombinedImageCodec.deferred(List::of));
        assertThat(none.codecSteps()).isEmpty();
        assertThat(none.codecName()).isEqualTo("java");
    }

    @Test
    void theJavaCodecTakesOverNothing() {
        assertThat(ImageCodec.JAVA.operations()).isEmpty();
        assertThat(new ImagePipeline().codecName()).isEqualTo("java");
        RawFrame tiny = new RawFrame(1, 1, 4, ByteBuffer.allocate(4));
        assertThat(new ImagePipeline(ImageCodec.JAVA).encode(tiny, EncodeSettings.fullResolution(), 1, 1, null, 0).width())
                .isEqualTo(1);
    }
}
