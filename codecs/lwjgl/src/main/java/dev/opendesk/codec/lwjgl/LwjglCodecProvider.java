package dev.opendesk.codec.lwjgl;

import dev.opendesk.core.image.ImageCodec;
import dev.opendesk.spi.HostPlatform;
import dev.opendesk.spi.ImageCodecProvider;
import dev.opendesk.spi.Support;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code lwjgl} image codec: stb_image_resize2 and libspng through LWJGL. {@link #supports}
 * only looks for LWJGL's native libraries for this OS and CPU on the class path (as resources of
 * the {@code natives-*} jars); nothing native is loaded before the pipeline's first image.
 */
public final class LwjglCodecProvider implements ImageCodecProvider {
    /** The native libraries the codec needs, relative to {@code <os>/<arch>/org/lwjgl/}. */
    private static final List<String> LIBRARIES = List.of("lwjgl", "stb/lwjgl_stb", "spng/lwjgl_spng");

    @Override
    public String id() {
        return "lwjgl";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public String description() {
        return "native image scaling (stb_image_resize2) and PNG writing (libspng) through LWJGL,"
                + " used for the steps it does faster than pure Java";
    }

    @Override
    public Support supports(HostPlatform platform) {
        try {
            Optional<NativePlatform> target = NativePlatform.of(platform);
            if (target.isEmpty()) {
                return Support.no("LWJGL has no native libraries for " + platform.osName() + " on " + platform.arch());
            }
            ClassLoader loader = LwjglCodecProvider.class.getClassLoader();
            for (String library : LIBRARIES) {
                String resource = target.get().resource(library);
                if (loader.getResource(resource) == null) {
                    return Support.no("LWJGL's native library " + resource + " is not on the class path (add the "
                            + target.get().classifier() + " jars of lwjgl, lwjgl-stb and lwjgl-spng)");
                }
            }
            return Support.yes();
        } catch (RuntimeException | LinkageError e) {
            return Support.no("cannot look for LWJGL's native libraries: " + e);
        }
    }

    @Override
    public ImageCodec create() {
        return new LwjglImageCodec();
    }

    /**
     * Where LWJGL's jars keep the natives of one OS and CPU.
     *
     * @param os {@code linux}, {@code macos} or {@code windows}
     * @param arch {@code x64} or {@code arm64}
     */
    record NativePlatform(String os, String arch) {
        NativePlatform {
            if (!List.of("linux", "macos", "windows").contains(os)) {
                throw new IllegalArgumentException("unknown os: " + os);
            }
            if (!List.of("x64", "arm64").contains(arch)) {
                throw new IllegalArgumentException("unknown arch: " + arch);
            }
        }

        /** The platform LWJGL ships natives for, if any (Windows on arm64 is not among our jars). */
        static Optional<NativePlatform> of(HostPlatform platform) {
            String arch = platform.arch().toLowerCase(Locale.ROOT);
            String cpu = switch (arch) {
                case "amd64", "x86_64", "x64" -> "x64";
                case "aarch64", "arm64" -> "arm64";
                default -> "";
            };
            if (cpu.isEmpty()) {
                return Optional.empty();
            }
            if (platform.isLinux()) {
                return Optional.of(new NativePlatform("linux", cpu));
            }
            if (platform.isMac()) {
                return Optional.of(new NativePlatform("macos", cpu));
            }
            if (platform.isWindows() && cpu.equals("x64")) {
                return Optional.of(new NativePlatform("windows", cpu));
            }
            return Optional.empty();
        }

        /** The class-path resource of a library named like {@code stb/lwjgl_stb}. */
        String resource(String library) {
            int slash = library.lastIndexOf('/');
            String dir = slash < 0 ? "" : library.substring(0, slash + 1);
            String name = library.substring(slash + 1);
            String file = switch (os) {
                case "linux" -> "lib" + name + ".so";
                case "macos" -> "lib" + name + ".dylib";
                default -> name + ".dll";
            };
            return os + "/" + arch + "/org/lwjgl/" + dir + file;
        }

        /** The Maven classifier of the jars holding these natives, e.g. {@code natives-linux-arm64}. */
        String classifier() {
            return "natives-" + os + (arch.equals("x64") ? "" : "-arm64");
        }
    }
}
