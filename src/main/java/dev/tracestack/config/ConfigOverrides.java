package dev.tracestack.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --set key=value} on top of a stack's config map, as {@code pulumi config set --path} would write
 * it: {@code sampling.defaultRate=0.3} sets {@code defaultRate} inside {@code tracestack:sampling}. The
 * result is an ordinary {@link ConfigSource}, so the one parser and validator check it like a stack file,
 * and every problem names the file as {@code Pulumi.<stack>.yaml (with --set)}.
 */
public final class ConfigOverrides {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FLAG = "--set";

    private ConfigOverrides() {
    }

    /** The config with every assignment applied in order; malformed assignments are reported together. */
    public static ConfigSource apply(ConfigSource base, List<String> assignments) {
        if (assignments.isEmpty()) {
            return base;
        }
        String file = base.file() + " (with " + FLAG + ")";
        Map<String, String> values = new HashMap<>(base.values());
        List<ConfigProblem> problems = new ArrayList<>();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                problems.add(new ConfigProblem(FLAG, null, null,
                        "'" + assignment + "' must be key=value, e.g. " + FLAG + " sampling.defaultRate=0.3"));
                continue;
            }
            String key = assignment.substring(0, eq).trim();
            String[] path = (key.contains(":") ? key : StackFileReader.PROJECT + ":" + key).split("\\.");
            JsonNode value = scalar(assignment.substring(eq + 1));
            if (path.length == 1) {
                values.put(path[0], value.isValueNode() ? value.asText() : value.toString());
                continue;
            }
            ObjectNode root = object(values.get(path[0]));
            if (root == null) {
                problems.add(new ConfigProblem(FLAG, String.join(".", path), assignment.substring(eq + 1),
                        "cannot be set: " + path[0] + " is not an object (a YAML mapping)"));
                continue;
            }
            ObjectNode node = root;
            for (int i = 1; i < path.length - 1; i++) {
                node = node.get(path[i]) instanceof ObjectNode child ? child : node.putObject(path[i]);
            }
            node.set(path[path.length - 1], value);
            values.put(path[0], root.toString());
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new ConfigSource(base.stack(), file, values, base.secretKeys(), base.projectDir());
    }

    /** A value as YAML reads it: {@code 0.3} a number, {@code true} a boolean, {@code [a, b]} a list. */
    private static JsonNode scalar(String text) {
        try {
            JsonNode node = YAML.readTree(text);
            return node == null || node.isMissingNode() ? JsonNodeFactory.instance.textNode(text) : node;
        } catch (JsonProcessingException notYaml) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    /** The JSON object a top-level key holds, a new one when the key is absent, null when it holds a scalar. */
    private static ObjectNode object(String json) {
        if (json == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JSON.readTree(json) instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
