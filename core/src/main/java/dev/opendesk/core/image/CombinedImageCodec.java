package dev.opendesk.core.image;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several codecs as one: each step goes to the first codec, in the given order, that takes it
 * over (e.g. scaling and PNG to one native library, JPEG to another). Each codec is asked for its
 * operations on the first image, as the pipeline asks this one.
 */
public final class CombinedImageCodec implements ImageCodec {
    private final List<ImageCodec> codecs;
    private volatile Map<Operation, ImageCodec> byOperation = Map.of();
    private volatile boolean asked;

    private CombinedImageCodec(List<ImageCodec> codecs) {
        this.codecs = List.copyOf(codecs);
    }

    /** The codecs, first preferred, as one; {@link ImageCodec#JAVA} for none, the codec itself for one. */
    public static ImageCodec of(List<ImageCodec> codecs) {
        requireNonNull(codecs, "codecs is null");
        return switch (codecs.size()) {
            case 0 -> ImageCodec.JAVA;
            case 1 -> codecs.get(0);
            default -> new CombinedImageCodec(codecs);
        };
    }

    /** The names of the codecs that take over a step, joined by {@code +}; {@code java} if none. */
    @Override
    public String name() {
        if (!asked) {
            return codecs.stream().map(ImageCodec::name).collect(Collectors.joining("+"));
        }
        String used = codecs.stream().filter(byOperation::containsValue).map(ImageCodec::name)
                .collect(Collectors.joining("+"));
        return used.isEmpty() ? ImageCodec.JAVA.name() : used;
    }

    @Override
    public synchronized Set<Operation> operations() {
        if (!asked) {
            Map<Operation, ImageCodec> chosen = new EnumMap<>(Operation.class);
            for (ImageCodec codec : codecs) {
                for (Operation operation : codec.operations()) {
                    chosen.putIfAbsent(operation, codec);
                }
            }
            byOperation = Map.copyOf(chosen);
            asked = true;
        }
        return byOperation.keySet();
    }

    @Override
    public RawFrame scale(RawFrame frame, int width, int height) {
        return codecFor(Operation.SCALE).scale(frame, width, height);
    }

    @Override
    public byte[] encodePng(RawFrame frame) {
        return codecFor(Operation.PNG).encodePng(frame);
    }

    @Override
    public byte[] encodeJpeg(RawFrame frame, int quality) {
        return codecFor(Operation.JPEG).encodeJpeg(frame, quality);
    }

    private ImageCodec codecFor(Operation operation) {
        ImageCodec codec = byOperation.get(operation);
        if (codec == null) {
            throw new UnsupportedOperationException("no codec of " + name() + " takes over " + operation);
        }
        return codec;
    }
}
