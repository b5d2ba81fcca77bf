package dev.tracestack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}: a test compares rendered text with the file.
 * Run with {@code -Dgolden.update=true} to rewrite the files instead, then review the diff before committing.
 */
public final class Golden {

    public static final Path ROOT = StackHarness.PROJECT_DIR.resolve("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Golden() {
    }

    /** Asserts {@code actual} equals {@code golden/<relative>}, or writes it there in update mode. */
    public static void assertMatches(String relative, String actual) {
        Path file = ROOT.resolve(relative);
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                return;
            }
            assertThat(file).as("golden file %s (run with -Dgolden.update=true to create it)", relative).exists();
            assertThat(actual).as("golden file %s (run with -Dgolden.update=true after reviewing)", relative)
                    .isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
