package dev.tracestack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}. A check compares a rendered text with its file;
 * run the tests with {@code -Dgolden.update=true} to rewrite the files instead, then review the diff.
 */
public final class Golden {

    private static final Path ROOT = StackHarness.PROJECT_DIR.resolve("src/test/resources/golden");

    private Golden() {
    }

    /** Asserts that {@code actual} equals {@code golden/<relative>}, or rewrites that file when updating. */
    public static void check(String relative, String actual) {
        Path file = ROOT.resolve(relative);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                return;
            }
            assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", relative).exists();
            assertThat(actual).as("rendered text differs from golden/%s; if intended, rerun with "
                    + "-Dgolden.update=true and review the diff", relative).isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
