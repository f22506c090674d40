package dev.opendesk.core.tool;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the {@code tesseract} program on a PNG and reads its TSV output. */
final class Tesseract {
    static final long TIMEOUT_SECONDS = 60;

    private final String executable;

    Tesseract(String executable) {
        this.executable = requireNonNull(executable, "executable is null");
    }

    /** The program is missing (could not be started). */
    static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;

        Missing(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** It ran but failed. */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /**
     * One recognised word; box in the pixels of the image given to tesseract.
     *
     * @param line the (block, paragraph, line) it belongs to, as one key
     */
    record Word(String text, int left, int top, int width, int height, double confidence, String line, int block) {
    }

    /** Recognises the words of a PNG image with {@code -l language --psm psm}, in reading order. */
    List<Word> words(byte[] png, String language, int psm) throws Missing, Failed {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("opendesk-ocr");
            Path input = dir.resolve("input.png");
            Path output = dir.resolve("output.tsv");
            Path errors = dir.resolve("errors.txt");
            Files.write(input, png);
            ProcessBuilder builder = new ProcessBuilder(executable, input.toString(), "stdout", "-l", language,
                    "--psm", Integer.toString(psm), "tsv")
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new Missing(e.getMessage() == null ? "cannot run " + executable : e.getMessage(), e);
            }
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new Failed("tesseract did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String stderr = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new Failed("tesseract exited with " + process.exitValue() + (stderr.isEmpty() ? "" : ": "
                        + ToolText.truncate(stderr, 400, "...")));
            }
            return parse(Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failed("cannot run tesseract: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while waiting for tesseract");
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    /** The level-5 (word) rows of tesseract's TSV. */
    static List<Word> parse(String tsv) {
        List<Word> words = new ArrayList<>();
        for (String row : tsv.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f.length < 12 || !f[0].equals("5")) {
                continue;
            }
            String text = f[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                words.add(new Word(text, Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                        Integer.parseInt(f[9]), Double.parseDouble(f[10]), f[2] + "." + f[3] + "." + f[4],
                        Integer.parseInt(f[2])));
            } catch (NumberFormatException e) {
                // a malformed row is skipped
            }
        }
        return words;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
