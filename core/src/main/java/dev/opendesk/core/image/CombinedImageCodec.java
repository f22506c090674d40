package dev.opendesk.core.image;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Several codecs as one: each step goes to the first codec, in the given order, that takes it
 * over (e.g. scaling and PNG to one native library, JPEG to another). Each codec is asked for its
 * operations on the first image, as the pipeline asks this one; {@link #deferred} also leaves
 * choosing the codecs (probing which work here) until then, out of start-up.
 */
public final class CombinedImageCodec implements ImageCodec {
    private final Supplier<List<ImageCodec>> choice;
    private volatile @Nullable List<ImageCodec> codecs;
    private volatile Map<Operation, ImageCodec> byOperation = Map.of();
    private volatile boolean asked;

    private CombinedImageCodec(Supplier<List<ImageCodec>> choice) {
        this.choice = choice;
    }

    /** The codecs, first preferred, as one; {@link ImageCodec#JAVA} for none, the codec itself for one. */
    public static ImageCodec of(List<ImageCodec> codecs) {
        requireNonNull(codecs, "codecs is null");
        return switch (codecs.size()) {
            case 0 -> ImageCodec.JAVA;
            case 1 -> codecs.get(0);
            default -> {
                List<ImageCodec> copy = List.copyOf(codecs);
                yield new CombinedImageCodec(() -> copy);
            }
        };
    }

    /**
     * The codecs {@code choice} gives, first preferred, as one; {@code choice} runs once, when the
     * codecs are first needed (the first image, or {@link #name()}).
     */
    public static ImageCodec deferred(Supplier<List<ImageCodec>> choice) {
        return new CombinedImageCodec(requireNonNull(choice, "choice is null"));
    }

    private List<ImageCodec> codecs() {
        List<ImageCodec> chosen = codecs;
        if (chosen == null) {
            synchronized (this) {
                chosen = codecs;
                if (chosen == null) {
                    chosen = List.copyOf(choice.get());
                    codecs = chosen;
                }
            }
        }
        return chosen;
    }

    /** The names of the codecs that take over a step, joined by {@code +}; {@code java} if none. */
    @Override
    public String name() {
        if (!asked) {
            String all = codecs().stream().map(ImageCodec::name).collect(Collectors.joining("+"));
            return all.isEmpty() ? ImageCodec.JAVA.name() : all;
        }
        String used = codecs().stream().filter(byOperation::containsValue).map(ImageCodec::name)
                .collect(Collectors.joining("+"));
        return used.isEmpty() ? ImageCodec.JAVA.name() : used;
    }

    @Override
    public synchronized Set<Operation> operations() {
        if (!asked) {
            Map<Operation, ImageCodec> chosen = new EnumMap<>(Operation.class);
            for (ImageCodec codec : codecs()) {
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
