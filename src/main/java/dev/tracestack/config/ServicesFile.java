package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.SERVICES_FILE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The file {@code tracestack:servicesFile} names, relative to the project directory: a YAML mapping of service
 * name to settings, the shape of {@code tracestack:services}, for fleets too large for a stack file. Read with
 * SnakeYAML's node tree, which keeps every key's line, so each problem names the file and the line; a key
 * written twice in one mapping is a problem too (a plain load keeps the last silently).
 */
final class ServicesFile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> TRUE = Set.of("true", "yes", "on", "y");
    /** SnakeYAML refuses documents above 3 MB by default; a fleet of 10,000 services is about 1 MB. */
    private static final int MAX_CODE_POINTS = 64 << 20;

    private ServicesFile() {
    }

    /** The file's mapping as a section whose problems name the file and line, or empty when unset or unreadable. */
    static Optional<ConfigSection> read(ConfigSection root, Path projectDir) {
        Optional<String> named = root.string(SERVICES_FILE);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String name = named.get();
        Optional<Path> file = locate(root, projectDir, name);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Node document;
        try (Reader reader = Files.newBufferedReader(file.get())) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_CODE_POINTS);
            document = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException syntax) {
            root.report(new ConfigProblem(name, null, null, "is not valid YAML" + StackFileReader.describe(syntax)));
            return Optional.empty();
        } catch (IOException | YAMLException unreadable) {
            root.report(new ConfigProblem(name, null, null, "cannot be read: " + unreadable.getMessage()));
            return Optional.empty();
        }
        if (!(document instanceof MappingNode mapping)) {
            root.report(new ConfigProblem(document == null ? name : name + ":" + line(document), null, null,
                    "must be a mapping of service name to settings, the shape of " + ConfigKeys.SERVICES));
            return Optional.empty();
        }
        Map<String, Integer> lines = new HashMap<>();
        ObjectNode services = object(mapping, "", name, lines, root);
        return Optional.of(root.fileSection(name, services, lines));
    }

    /** The file, if the name is a path inside the project directory that exists. */
    private static Optional<Path> locate(ConfigSection root, Path projectDir, String name) {
        Path relative;
        try {
            relative = Path.of(name);
        } catch (InvalidPathException malformed) {
            relative = null;
        }
        if (name.isBlank() || relative == null || relative.isAbsolute() || relative.normalize().startsWith("..")) {
            root.problem(SERVICES_FILE, name, "must be a path relative to the project directory and inside it, "
                    + "e.g. services.yaml");
            return Optional.empty();
        }
        Path file = projectDir.resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            root.problem(SERVICES_FILE, name, "must name a file in the project directory "
                    + projectDir.toAbsolutePath().normalize() + ", and there is none");
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private static JsonNode convert(Node node, String path, String file, Map<String, Integer> lines,
                                    ConfigSection root) {
        if (node instanceof MappingNode mapping) {
            return object(mapping, path, file, lines, root);
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            sequence.getValue().forEach(item -> array.add(convert(item, path, file, lines, root)));
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private static ObjectNode object(MappingNode mapping, String path, String file, Map<String, Integer> lines,
                                     ConfigSection root) {
        ObjectNode object = NODES.objectNode();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                root.report(new ConfigProblem(file + ":" + line(tuple.getKeyNode()), path.isEmpty() ? null : path,
                        null, "must have plain keys, not a mapping or list as a key"));
                continue;
            }
            String key = keyNode.getValue();
            String at = path.isEmpty() ? key : path + "." + key;
            if (object.has(key)) {
                root.report(ConfigProblem.ofKey(file + ":" + line(keyNode), at,
                        "is written twice (first at line " + lines.get(at) + "); write each key once"));
                continue;
            }
            lines.put(at, line(keyNode));
            object.set(key, convert(tuple.getValueNode(), at, file, lines, root));
        }
        return object;
    }

    /** A scalar with the type YAML's resolver gave it: a number, a boolean, null or text. */
    private static JsonNode scalar(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            try {
                return NODES.numberNode(new BigDecimal(text.replace("_", "")));
            } catch (NumberFormatException notDecimal) {
                return NODES.textNode(text);
            }
        }
        if (tag.equals(Tag.BOOL)) {
            return NODES.booleanNode(TRUE.contains(text.toLowerCase(java.util.Locale.ROOT)));
        }
        return tag.equals(Tag.NULL) ? NODES.nullNode() : NODES.textNode(text);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
