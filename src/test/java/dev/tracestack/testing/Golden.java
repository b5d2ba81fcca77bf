package dev.tracestack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison: a rendered text must equal {@code src/test/resources/golden/<relative>}. Run the
 * tests with {@code -Dgolden.update=true} to rewrite the files instead, then review the diff.
 */
public final class Golden {

    public static final Path ROOT = StackHarness.PROJECT_DIR.resolve("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String relative, String actual) {
        Path file = ROOT.resolve(relative);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", relative).exists();
            assertThat(actual).as("%s differs from its golden file (-Dgolden.update=true rewrites it)", relative)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
