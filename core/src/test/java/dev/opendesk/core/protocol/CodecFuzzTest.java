package dev.opendesk.core.protocol;

import static dev.opendesk.core.protocol.MsgpackCodecTest.hex;
import static dev.opendesk.core.protocol.MsgpackCodecTest.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.opendesk.core.computer.ExecCommand;
import dev.opendesk.core.computer.ShellCommand;
import dev.opendesk.core.model.Capability;
import dev.opendesk.core.model.CapabilityManifest;
import dev.opendesk.core.model.ErrorCode;
import dev.opendesk.core.model.KeyEvent;
import dev.opendesk.core.model.OpendeskException;
import dev.opendesk.core.model.Pixmap;
import dev.opendesk.core.model.PixmapFormat;
import dev.opendesk.core.model.Point;
import dev.opendesk.core.model.PointerEvent;
import dev.opendesk.core.model.Rect;
import dev.opendesk.core.model.UIElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated inputs must only ever produce {@code OpendeskException(PROTOCOL)} from the
 * decoders (and only {@code OpendeskException} from the model parsers). Set the system property
 * {@code opendesk.fuzz.seed} to replay a failing run.
 */
final class CodecFuzzTest {
    private static final int RANDOM_INPUTS = 100_000;
    private static final int MUTATED_INPUTS = 150_000;
    private static final byte[] HEADER_BYTES = unhex("dcdddedfd9dadbc4c5c6c7c8c9d4d5d6d7d89f8fbfcfd3c1c0");
    private static final byte[][] LENGTHS = {unhex("ffffffff"), unhex("7fffffff"), unhex("80000000"),
        unhex("0000ffff"), unhex("00000001"), unhex("ffff"), unhex("ff")};

    private static final List<Function<Object, ?>> PARSERS = List.of(WireModel::toPoint, WireModel::toRect,
            WireModel::toPixmap, WireModel::toDisplayFrame, WireModel::toDisplay, WireModel::toEnvironment,
            WireModel::toWindow, WireModel::toProcess, WireModel::toUIElement, WireModel::toPointerEvent,
            WireModel::toKeyEvent, WireModel::toInputEvent, WireModel::toTextInput, WireModel::toClipboardContents,
            WireModel::toClipboardEntry, WireModel::toFileEntry, WireModel::toCompletedCommand,
            WireModel::toNotification, WireModel::toManifest, WireModel::manifestOrEmpty,
            WireModel::toCaptureRequest, WireModel::toDisplaySubscription, WireModel::toUiTreeRequest,
            WireModel::toShellCommand, WireModel::toExecCommand);

    private static List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (String vector : FrameCodecTest.VECTORS) {
            corpus.add(unhex(vector));
        }
        corpus.add(unhex("81a26f70a46c697374"));
        corpus.add(unhex("cb3ff0000000000000"));
        corpus.add(unhex("cd012c"));
        corpus.add(MsgpackCodec.encode("x".repeat(40)));
        UIElement tree = new UIElement("window", "w", "v", new Rect(0, 0, 10, 10), false, true, List.of("click"),
                List.of(UIElement.leaf("button", "OK")), Map.of("menu_path", List.of("File", "Save")));
        corpus.add(FrameCodec.encode(Frame.Response.success(11, WireModel.toWire(tree))));
        corpus.add(MsgpackCodec.encode(WireModel.toWire(tree)));
        corpus.add(MsgpackCodec.encode(WireModel.toWire(new Pixmap(new byte[] {1, 2, 3, 4, 5}, PixmapFormat.PNG,
                2, 2, 4, 4, "1", 1.5))));
        corpus.add(MsgpackCodec.encode(WireModel.toWire(PointerEvent.move(new Point(3, 4)))));
        corpus.add(MsgpackCodec.encode(WireModel.toWire(KeyEvent.down("a"))));
        corpus.add(FrameCodec.encode(Frame.Hello.server(WireModel.toWire(
                CapabilityManifest.of(EnumSet.of(Capability.FS_READ, Capability.UI_TREE), "local/linux")))));
        corpus.add(MsgpackCodec.encode(WireModel.toWire(new ShellCommand("ls", Duration.ofSeconds(1), "/",
                Map.of("A", "B")))));
        corpus.add(MsgpackCodec.encode(WireModel.toWire(new ExecCommand(List.of("cat"), null, null, Map.of(),
                new byte[] {9}))));
        return corpus;
    }

    @Test
    void decodersOnlyEverThrowProtocolErrors() {
        long seed = Long.getLong("opendesk.fuzz.seed", System.nanoTime());
        int[] decodedFrames = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random random = new Random(seed);
            for (int i = 0; i < RANDOM_INPUTS; i++) {
                byte[] input = new byte[random.nextInt(64)];
                random.nextBytes(input);
                if (input.length > 0 && random.nextBoolean()) {
                    input[0] = (byte) (0x80 | random.nextInt(16)); // mostly maps, to get past the first byte
                }
                decodedFrames[0] += check(input, seed);
            }
            List<byte[]> corpus = corpus();
            for (byte[] valid : corpus) {
                assertThat(check(valid, seed)).as("seed %d: corpus entry %s", seed, hex(valid)).isNotNegative();
            }
            for (int i = 0; i < MUTATED_INPUTS; i++) {
                byte[] input = corpus.get(random.nextInt(corpus.size()));
                int rounds = 1 + random.nextInt(3);
                for (int r = 0; r < rounds; r++) {
                    input = mutate(input, random, corpus);
                }
                decodedFrames[0] += check(input, seed);
            }
        }, () -> "fuzzing hung or took too long; seed " + seed);
        // sanity: the mutations are not all trivially rejected
        assertThat(decodedFrames[0]).as("seed %d: frames that still decoded", seed).isPositive();
    }

    /** Returns 1 if the input decoded as a frame, 0 otherwise; throws AssertionError on a bad exception. */
    private static int check(byte[] input, long seed) {
        Object value = null;
        try {
            value = MsgpackCodec.decode(input);
        } catch (OpendeskException e) {
            requireProtocol(e, input, seed, "MsgpackCodec.decode");
        } catch (Throwable t) {
            throw failure(t, input, seed, "MsgpackCodec.decode");
        }
        int decoded = 0;
        try {
            FrameCodec.decode(input);
            decoded = 1;
        } catch (OpendeskException e) {
            requireProtocol(e, input, seed, "FrameCodec.decode");
        } catch (Throwable t) {
            throw failure(t, input, seed, "FrameCodec.decode");
        }
        if (value instanceof Map) {
            for (Function<Object, ?> parser : PARSERS) {
                try {
                    parser.apply(value);
                } catch (OpendeskException e) {
                    // any domain error is fine for the model parsers
                } catch (Throwable t) {
                    throw failure(t, input, seed, "WireModel parser");
                }
            }
        }
        return decoded;
    }

    private static void requireProtocol(OpendeskException e, byte[] input, long seed, String what) {
        if (e.code() != ErrorCode.PROTOCOL) {
            throw failure(e, input, seed, what + " threw code " + e.code());
        }
    }

    private static AssertionError failure(Throwable t, byte[] input, long seed, String what) {
        return new AssertionError("seed " + seed + " (-Dopendesk.fuzz.seed=" + seed + "): " + what + " threw "
                + t + " for input " + hex(input), t);
    }

    private static byte[] mutate(byte[] input, Random random, List<byte[]> corpus) {
        byte[] out;
        int at = input.length == 0 ? 0 : random.nextInt(input.length);
        switch (random.nextInt(7)) {
            case 0: { // bit flips
                out = input.clone();
                if (out.length > 0) {
                    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                        int p = random.nextInt(out.length);
                        out[p] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                return out;
            }
            case 1: // truncation
                return Arrays.copyOf(input, input.length == 0 ? 0 : random.nextInt(input.length));
            case 2: { // insertion of random bytes
                byte[] extra = new byte[1 + random.nextInt(8)];
                random.nextBytes(extra);
                return splice(input, at, 0, extra);
            }
            case 3: // deletion of a range
                return splice(input, at, Math.min(input.length - at, 1 + random.nextInt(8)), new byte[0]);
            case 4: { // length-field corruption: a container/str/bin header with an extreme length
                byte[] length = LENGTHS[random.nextInt(LENGTHS.length)];
                byte[] header = new byte[1 + length.length];
                header[0] = HEADER_BYTES[random.nextInt(HEADER_BYTES.length)];
                System.arraycopy(length, 0, header, 1, length.length);
                return splice(input, at, Math.min(input.length - at, random.nextInt(header.length + 1)), header);
            }
            case 5: { // one interesting byte
                out = input.clone();
                if (out.length > 0) {
                    out[at] = HEADER_BYTES[random.nextInt(HEADER_BYTES.length)];
                }
                return out;
            }
            default: { // splice with another corpus entry
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                int from = random.nextInt(other.length);
                return splice(input, at, Math.min(input.length - at, random.nextInt(16)),
                        Arrays.copyOfRange(other, from, Math.min(other.length, from + 1 + random.nextInt(32))));
            }
        }
    }

    private static byte[] splice(byte[] input, int at, int remove, byte[] insert) {
        byte[] out = new byte[input.length - remove + insert.length];
        System.arraycopy(input, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(input, at + remove, out, at + insert.length, input.length - at - remove);
        return out;
    }
}
