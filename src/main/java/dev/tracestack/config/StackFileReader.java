package dev.tracestack.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a stack's config the way the Pulumi CLI would hand it to the program: project-level defaults
 * from {@code Pulumi.yaml}, overridden by {@code Pulumi.<stack>.yaml}, flattened to text with
 * structured values as JSON. Encrypted ({@code secure:}) values cannot be decrypted offline; they are
 * marked as secrets whose value is {@link #ENCRYPTED}.
 */
public final class StackFileReader {

    /** Stands in for a secret value that only the Pulumi CLI can decrypt. */
    public static final String ENCRYPTED = "[encrypted]";
    public static final String PROJECT = "tracestack";
    /** A key written twice in one mapping is an error, as YAML says, not a silent choice of the last value. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.[^.]+\\.yaml");

    private StackFileReader() {
    }

    public static ConfigSource read(Path dir, String stack) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secretKeys = new HashSet<>();
        Path projectFile = dir.resolve("Pulumi.yaml");
        if (Files.exists(projectFile)) {
            JsonNode project = parse(projectFile);
            JsonNode defaults = project.path("config");
            if (defaults.isObject()) {
                collect(projectFile.getFileName().toString(), defaults, values, secretKeys, true);
            }
        }
        String fileName = ConfigSource.stackFileName(stack);
        Path stackFile = dir.resolve(fileName);
        if (!Files.exists(stackFile)) {
            throw new InvalidConfigException(new ConfigProblem(fileName, null, null,
                    "stack file not found in " + dir.toAbsolutePath().normalize() + " (" + knownStacks(dir, stack) + ")"));
        }
        JsonNode document = parse(stackFile);
        if (document == null || document.isMissingNode() || document.isNull()
                || (document.isObject() && document.isEmpty())) {
            throw new InvalidConfigException(new ConfigProblem(fileName, null, null,
                    "is empty; a stack file needs a `config:` mapping of namespace:key to value"));
        }
        JsonNode config = document.path("config");
        if (!document.isObject() || !config.isObject()) {
            String got = document.isObject() ? (config.isMissingNode() ? null : config.toString()) : document.toString();
            throw new InvalidConfigException(new ConfigProblem(fileName, "config", got,
                    "must be a mapping of namespace:key to value"));
        }
        collect(fileName, config, values, secretKeys, false);
        return new ConfigSource(stack, fileName, values, secretKeys, dir, keyLines(stackFile));
    }

    /**
     * The line of every key under {@code config:}, by its full path ({@code tracestack:sampling.defaultRate}),
     * from SnakeYAML's nodes, which keep their position; read after the file parsed, so it is valid YAML.
     */
    private static Map<String, Integer> keyLines(Path file) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            if (new Yaml().compose(reader) instanceof MappingNode document) {
                for (NodeTuple tuple : document.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("config")
                            && tuple.getValueNode() instanceof MappingNode config) {
                        keyLines(config, "", lines);
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // Lines only sharpen messages; a file that parsed once is not rejected for them.
            return Map.of();
        }
        return lines;
    }

    private static void keyLines(MappingNode mapping, String path, Map<String, Integer> lines) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                continue;
            }
            String key = path.isEmpty() && !keyNode.getValue().contains(":") ? PROJECT + ":" + keyNode.getValue()
                    : keyNode.getValue();
            String at = path.isEmpty() ? key : path + "." + key;
            lines.putIfAbsent(at, keyNode.getStartMark().getLine() + 1);
            if (tuple.getValueNode() instanceof MappingNode child) {
                keyLines(child, at, lines);
            }
        }
    }

    private static void collect(String file, JsonNode config, Map<String, String> values,
                                Set<String> secretKeys, boolean projectDefaults) {
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey().contains(":") ? entry.getKey() : PROJECT + ":" + entry.getKey();
            JsonNode value = entry.getValue();
            if (projectDefaults && value.isObject() && value.has("default")) {
                value = value.get("default");
            } else if (projectDefaults && value.isObject() && value.has("value")) {
                value = value.get("value");
            }
            if (value.isNull() && projectDefaults) {
                continue;
            }
            if (value.isNull()) {
                // The Pulumi CLI hands a key written without a value to the program as empty text; the parser
                // reports it instead of taking the default.
                values.put(key, "");
                secretKeys.remove(key);
                continue;
            }
            if (value.isObject() && value.size() == 1 && value.has("secure")) {
                values.put(key, ENCRYPTED);
                secretKeys.add(key);
            } else {
                values.put(key, value.isValueNode() ? value.asText() : toJson(value));
                secretKeys.remove(key);
            }
        }
    }

    private static String toJson(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** SnakeYAML knows where the problem is and what it was parsing; say both, 1-based. */
    private static String describe(JsonProcessingException syntax) {
        if (syntax.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return describe(marked);
        }
        String at = syntax.getLocation() == null ? ""
                : " at line " + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr();
        return at + ": " + syntax.getOriginalMessage().lines().findFirst().orElse("");
    }

    /**
     * Where SnakeYAML found a problem, 1-based. What it was parsing comes first: where an unclosed bracket or quote
     * is only noticed at the end of the file, the line to fix is where the bracket opened.
     */
    static String describe(MarkedYAMLException marked) {
        Mark at = marked.getProblemMark();
        if (marked.getContext() == null || marked.getContextMark() == null) {
            return " at " + position(at) + ": " + marked.getProblem();
        }
        return " at " + position(marked.getContextMark()) + " (" + marked.getContext() + "): " + marked.getProblem()
                + " at " + position(at);
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** The stacks whose files are in {@code dir}, for a stack name that has none. */
    private static String knownStacks(Path dir, String typed) {
        List<String> stacks;
        try (Stream<Path> files = Files.list(dir)) {
            stacks = files.map(f -> f.getFileName().toString()).filter(STACK_FILE.asMatchPredicate())
                    .map(f -> f.substring("Pulumi.".length(), f.length() - ".yaml".length())).sorted().toList();
        } catch (IOException unreadable) {
            return "its files cannot be listed: " + unreadable.getMessage();
        }
        return stacks.isEmpty() ? "there is no Pulumi.<stack>.yaml there"
                : "the stacks there are " + String.join(", ", stacks)
                        + NearMiss.closest(typed, stacks).map(near -> "; did you mean " + near + "?").orElse("");
    }

    private static JsonNode parse(Path file) {
        String name = file.getFileName().toString();
        try {
            return YAML.readTree(file.toFile());
        } catch (JsonProcessingException syntax) {
            throw new InvalidConfigException(new ConfigProblem(name, null, null,
                    "is not valid YAML" + describe(syntax)));
        } catch (IOException unreadable) {
            throw new InvalidConfigException(new ConfigProblem(name, null, null,
                    "cannot be read: " + unreadable.getMessage()));
        }
    }
}
