package dev.tracestack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracestack.testing.ConfigErrors;
import dev.tracestack.testing.StackHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key written without a value ({@code defaultRate:} or {@code null}) is an error naming file and key, never
 * the default: for every key of every section of every real stack file.
 */
class KeyWithoutValueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each stack file read once: a few hundred cases each replace one key of it. */
    private static final Map<String, ConfigSource> SOURCES = new java.util.concurrent.ConcurrentHashMap<>();

    private static ConfigSource source(String stack) {
        return SOURCES.computeIfAbsent(stack, StackHarness::source);
    }

    @TempDir
    Path dir;

    @Test
    void aNestedKeyWrittenWithoutAValueIsAnErrorNotTheDefault() throws IOException {
        assertThat(problemsOfDevFile("""
                  tracestack:sampling:
                    defaultRate:
                """)).containsExactly(
                "Pulumi.dev.yaml:4: tracestack:sampling.defaultRate must have a value; to take the default, "
                        + "remove the key, got null");
    }

    @Test
    void aTopLevelKeyWrittenWithoutAValueIsAnErrorAsTheCliHandsItOverEmpty() throws IOException {
        assertThat(problemsOfDevFile("""
                  tracestack:retentionDays:
                  tracestack:sampling: null
                """)).containsExactlyInAnyOrder(
                "Pulumi.dev.yaml:3: tracestack:retentionDays must have a value; to take the default, remove the key, got \"\"",
                "Pulumi.dev.yaml:4: tracestack:sampling must have a value; to take the default, remove the key, got \"\"");
    }

    /** The problems of a dev stack file holding its project and the given lines of config. */
    private List<String> problemsOfDevFile(String lines) throws IOException {
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "config:\n  gcp:project: dta-cloud-de-dev\n" + lines);
        return ConfigErrors.problems(StackFileReader.read(dir, "dev"));
    }

    @Test
    void aValueSetToNullOnTheCommandLineIsAnErrorToo() {
        ConfigSource source = ConfigOverrides.apply(StackHarness.source("dev"), List.of("sampling.errorRate=null"));

        assertThat(ConfigErrors.problems(source)).containsExactly("Pulumi.dev.yaml (with --set): "
                + "tracestack:sampling.errorRate must have a value; to take the default, remove the key, got null");
    }

    static Stream<String[]> everyKeyOfEveryStack() {
        List<String[]> keys = new ArrayList<>();
        for (String stack : List.of("dev", "stage", "prod", "local")) {
            source(stack).sortedValues().forEach((key, value) -> {
                if (key.startsWith("pulumi:")) {
                    return;
                }
                keys.add(new String[] {stack, key, ""});
                JsonNode tree = tree(value);
                if (tree != null && tree.isObject()) {
                    paths(tree, "", keys, stack, key);
                }
            });
        }
        return keys.stream();
    }

    private static void paths(JsonNode object, String prefix, List<String[]> keys, String stack, String key) {
        object.fields().forEachRemaining(field -> {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "\u0000" + field.getKey();
            keys.add(new String[] {stack, key, path});
            if (field.getValue().isObject()) {
                paths(field.getValue(), path, keys, stack, key);
            }
        });
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("everyKeyOfEveryStack")
    void everyKeyWithoutAValueIsReportedByFileAndKey(String stack, String key, String path) {
        String value;
        String shown;
        if (path.isEmpty()) {
            value = "";
            shown = key;
        } else {
            ObjectNode tree = (ObjectNode) tree(source(stack).values().get(key));
            String[] steps = path.split("\u0000");
            ObjectNode parent = tree;
            for (int i = 0; i < steps.length - 1; i++) {
                parent = (ObjectNode) parent.get(steps[i]);
            }
            parent.putNull(steps[steps.length - 1]);
            value = tree.toString();
            shown = key + "." + String.join(".", steps);
        }

        Map<String, String> values = new java.util.HashMap<>(source(stack).values());
        values.put(key, value);
        ConfigSource withoutValue = new ConfigSource(stack, source(stack).file(), values, source(stack).secretKeys());
        assertThat(ConfigErrors.problems(withoutValue)).contains(ConfigSource.stackFileName(stack) + ": "
                + shown + " must have a value; to take the default, remove the key, got " + (path.isEmpty() ? "\"\"" : "null"));
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }
}
