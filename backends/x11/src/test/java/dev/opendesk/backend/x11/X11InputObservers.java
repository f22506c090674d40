package dev.opendesk.backend.x11;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Independent observers of input for the X11 input tests: an {@code xev} window whose event
 * report is parsed, and an {@code xterm} running {@code cat > FILE} that receives typed text.
 */
final class X11InputObservers {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private X11InputObservers() {
    }

    /** One event as xev reports it. */
    record XEvent(String type, int state, int button, long keysym, String window) {
    }

    /** A running {@code xev} window at a known place; its output is collected as it comes. */
    static final class Xev implements AutoCloseable {
        private static final Pattern TYPE = Pattern.compile("^(\\w+) event,.*?window (0x[0-9a-f]+)");
        private static final Pattern STATE = Pattern.compile("state 0x([0-9a-f]+)");
        private static final Pattern BUTTON = Pattern.compile("button (\\d+)");
        private static final Pattern KEYSYM = Pattern.compile("keysym 0x([0-9a-f]+)");

        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final String window;
        private final XvfbServer xvfb;

        Xev(XvfbServer xvfb, int x, int y, int width, int height) {
            this.xvfb = xvfb;
            try {
                ProcessBuilder builder = new ProcessBuilder("xev", "-event", "button", "-event", "keyboard",
                        "-event", "structure", "-geometry", width + "x" + height + "+" + x + "+" + y);
                builder.environment().put("DISPLAY", xvfb.display());
                builder.redirectError(ProcessBuilder.Redirect.DISCARD);
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start xev (x11-utils)", e);
            }
            Thread reader = new Thread(() -> pump(process.getInputStream()), "xev-reader");
            reader.setDaemon(true);
            reader.start();
            XvfbServer.await(Duration.ofSeconds(10), "xev window mapped", () -> output.indexOf("MapNotify") >= 0);
            Matcher outer = Pattern.compile("Outer window is (0x[0-9a-f]+)").matcher(output);
            if (!outer.find()) {
                throw new IllegalStateException("xev did not name its window: " + output);
            }
            window = outer.group(1);
        }

        private void pump(InputStream in) {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // process ended
            }
        }

        /** Gives the xev window the keyboard focus (no window manager: XSetInputFocus via xdotool). */
        void focus() {
            XvfbServer.Result result = xvfb.run("xdotool", "windowfocus", "--sync", window);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("cannot focus xev: " + result.stderr());
            }
        }

        /** The events reported so far. */
        List<XEvent> events() {
            List<XEvent> events = new ArrayList<>();
            for (String block : output.toString().split("\n\n")) {
                String text = block.strip();
                Matcher type = TYPE.matcher(text);
                if (!type.find()) {
                    continue;
                }
                Matcher state = STATE.matcher(text);
                Matcher button = BUTTON.matcher(text);
                Matcher keysym = KEYSYM.matcher(text);
                events.add(new XEvent(type.group(1), state.find() ? Integer.parseInt(state.group(1), 16) : -1,
                        button.find() ? Integer.parseInt(button.group(1)) : -1,
                        keysym.find() ? Long.parseLong(keysym.group(1), 16) : -1, type.group(2)));
            }
            return events;
        }

        /** The events of the given types, in order. */
        List<XEvent> events(String... types) {
            List<String> wanted = List.of(types);
            return events().stream().filter(e -> wanted.contains(e.type())).toList();
        }

        /** Everything xev printed so far. */
        String output() {
            return output.toString();
        }

        /** Forgets everything reported so far. */
        void clear() {
            output.setLength(0);
        }

        /** Waits until {@code count} events of the given types satisfy {@code condition}, then returns them. */
        List<XEvent> await(int count, Predicate<XEvent> condition, String... types) {
            XvfbServer.await(Duration.ofSeconds(10), count + " xev events " + List.of(types),
                    () -> events(types).stream().filter(condition).count() >= count);
            return events(types).stream().filter(condition).toList();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** An xterm (UTF-8) running {@code cat > file}, focused, ready for typing. */
    static final class CatTerminal implements AutoCloseable {
        private final Process process;
        private final Path file;

        CatTerminal(XvfbServer xvfb, Path directory) {
            String name = "odcat" + ProcessHandle.current().pid() + "x" + NAMES.incrementAndGet();
            file = directory.resolve(name + ".txt");
            process = xvfb.spawn("env", "LC_ALL=C.UTF-8", "xterm", "-u8", "-name", name, "-geometry", "80x10+0+500",
                    "-e", "sh", "-c", "stty -echo; exec cat > '" + file + "'");
            XvfbServer.await(Duration.ofSeconds(15), "cat in xterm", () -> Files.exists(file));
            XvfbServer.Result search = xvfb.run("xdotool", "search", "--sync", "--classname", name);
            String id = search.stdout().strip().split("\\s+")[0];
            XvfbServer.Result focus = xvfb.run("xdotool", "windowfocus", "--sync", id);
            if (search.exitCode() != 0 || focus.exitCode() != 0) {
                throw new IllegalStateException("cannot focus xterm: " + search + " " + focus);
            }
        }

        Path file() {
            return file;
        }

        /** What cat has written so far. */
        String content() {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        /** Waits until the file holds exactly {@code expected} (or fails showing what it holds). */
        void awaitContent(String expected) {
            try {
                XvfbServer.await(Duration.ofSeconds(10), "typed text", () -> content().equals(expected));
            } catch (AssertionError e) {
                throw new AssertionError("file holds " + escape(content()) + " instead of " + escape(expected), e);
            }
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp > 0x7e) {
                out.append(String.format("\\u{%X}", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
