package dev.tracestack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison: a rendered text must equal {@code src/test/resources/golden/<path>}. Run the
 * tests with {@code -Dgolden.update=true} to rewrite the files instead, then review the diff.
 */
public final class Golden {

    public static final Path ROOT = StackHarness.PROJECT_DIR.resolve("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String path, String actual) {
        Path file = ROOT.resolve(path);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                return;
            }
            assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", path).exists();
            assertThat(actual).as("rendered text vs golden file %s", path).isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
