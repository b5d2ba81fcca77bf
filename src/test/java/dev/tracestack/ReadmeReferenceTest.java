package dev.tracestack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.testing.StackHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The README's configuration reference documents every key the committed stack files write. */
class ReadmeReferenceTest {

    private static final Path PROJECT = StackHarness.PROJECT_DIR;

    private static List<String> reference() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"));
        int start = readme.indexOf("## Configuration reference");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end).lines().toList();
    }

    /** A section is documented by a heading naming it, a key by a table row of its own or of its keys. */
    private static boolean documents(List<String> reference, String key) {
        return reference.stream().anyMatch(line -> line.startsWith("### ") && line.contains("`" + key + "`")
                || line.startsWith("| `" + key + "`") || line.startsWith("| `" + key + ".")
                || line.startsWith("| `") && line.contains(", `" + key + "`"));
    }

    @Test
    void everyKeyOfTheStackFilesIsInTheReference() throws IOException {
        List<String> reference = reference();
        List<Path> stackFiles;
        try (Stream<Path> files = Files.list(PROJECT)) {
            stackFiles = files.filter(f -> f.getFileName().toString().matches("Pulumi\\.\\w+\\.yaml")).sorted().toList();
        }
        assertThat(stackFiles).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : stackFiles) {
            Map<String, Object> stack = new Yaml().load(Files.readString(file));
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) stack.get("config");
            assertThat(config.keySet()).as(file.getFileName() + "'s keys in the README's configuration reference")
                    .allMatch(key -> documents(reference, key), "have a heading or a row");
        }
    }
}
