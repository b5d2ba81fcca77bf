package dev.tracestack.rehearse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.tracestack.render.Artifacts;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A deployed config with its addresses rewritten for loopback, and the record of every value changed.
 * The rewiring changes addresses, paths that exist only in a pod, and the two Google exporters (which
 * need a cloud); {@link #changedPaths()} is what a reviewer and the tests check that against.
 *
 * @param name     the program instance it configures, e.g. {@code gateway-0}
 * @param deployed the config as the stack deploys it
 * @param rewired  the config the rehearsal runs
 * @param changes  every value changed, by its path ({@code /exporters/load_balancing/resolver})
 */
record RewiredConfig(String name, String deployed, String rewired, List<Change> changes) {

    /** One changed value: where, what it was, what it is now ({@code null} for a key added or removed). */
    record Change(String path, String from, String to) {
    }

    List<String> changedPaths() {
        return changes.stream().map(Change::path).toList();
    }

    /** A unified diff of the rewired config against the deployed one. */
    String diff() {
        List<String> deployedLines = deployed.lines().toList();
        List<String> rewiredLines = rewired.lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("deployed/" + name + ".yaml",
                "rehearsal/" + name + ".yaml", deployedLines, DiffUtils.diff(deployedLines, rewiredLines), 2)) + "\n";
    }

    /** Applies rewiring rules to a parsed config and records what they change. */
    static final class Editor {

        private static final Pattern ADDRESS_LEFT = Pattern.compile("\\.svc(\\.cluster\\.local)?(:\\d+)?$|^0\\.0\\.0\\.0");

        private final ObjectNode root;
        private final List<Change> changes = new ArrayList<>();

        Editor(String deployed) {
            try {
                this.root = (ObjectNode) Artifacts.YAML.readTree(deployed);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a YAML config: " + e.getOriginalMessage(), e);
            }
        }

        ObjectNode root() {
            return root;
        }

        /**
         * Replaces the value at every path matching {@code pattern} ({@code /}-separated, {@code *} for any
         * key or index); a path that matches nothing changes nothing.
         */
        Editor set(String pattern, UnaryOperator<JsonNode> replacement) {
            visit(root, "", pattern.substring(1).split("/"), 0, replacement);
            return this;
        }

        /** Adds a key to an object, recording the addition. */
        Editor add(String objectPath, String key, JsonNode value) {
            ((ObjectNode) root.at(objectPath)).set(key, value);
            changes.add(new Change(objectPath + "/" + escape(key), null, text(value)));
            return this;
        }

        /** Renames a key of an object, recording the removal and the addition. */
        Editor rename(String objectPath, String from, String to, JsonNode newValue) {
            JsonNode parent = root.at(objectPath);
            if (parent instanceof ObjectNode object && object.has(from)) {
                changes.add(new Change(objectPath + "/" + escape(from), text(object.get(from)), null));
                object.remove(from);
                object.set(to, newValue);
                changes.add(new Change(objectPath + "/" + escape(to), null, text(newValue)));
            }
            return this;
        }

        /**
         * The rewired config. Fails if a deployed address is left (a cluster DNS name or a wildcard listen
         * address): such a config would not run here, so the rehearsal refuses it rather than run half of it.
         */
        RewiredConfig build(String name, String deployed) {
            List<String> left = new ArrayList<>();
            findAddresses(root, "", left);
            if (!left.isEmpty()) {
                throw new RehearsalException(name + ": the deployed config has addresses the rehearsal does not "
                        + "rewire: " + left);
            }
            return new RewiredConfig(name, deployed, Artifacts.yaml(root), List.copyOf(changes));
        }

        private void visit(JsonNode node, String path, String[] segments, int index, UnaryOperator<JsonNode> replacement) {
            if (node == null || !node.isContainerNode()) {
                return;
            }
            String segment = segments[index].replace("~1", "/");
            boolean last = index == segments.length - 1;
            if (node instanceof ObjectNode object) {
                List<String> keys = new ArrayList<>();
                object.fieldNames().forEachRemaining(keys::add);
                for (String key : keys) {
                    if (!segment.equals("*") && !segment.equals(key)) {
                        continue;
                    }
                    String at = path + "/" + escape(key);
                    if (last) {
                        JsonNode before = object.get(key);
                        JsonNode after = replacement.apply(before);
                        if (!after.equals(before)) {
                            object.set(key, after);
                            changes.add(new Change(at, text(before), text(after)));
                        }
                    } else {
                        visit(object.get(key), at, segments, index + 1, replacement);
                    }
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    if (segment.equals("*") || segment.equals(String.valueOf(i))) {
                        if (last) {
                            throw new IllegalArgumentException("array elements are rewired through their fields");
                        }
                        visit(node.get(i), path + "/" + i, segments, index + 1, replacement);
                    }
                }
            }
        }

        private static void findAddresses(JsonNode node, String path, List<String> found) {
            if (node.isTextual() && ADDRESS_LEFT.matcher(node.asText()).find()) {
                found.add(path + "=" + node.asText());
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    findAddresses(field.getValue(), path + "/" + escape(field.getKey()), found);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    findAddresses(node.get(i), path + "/" + i, found);
                }
            }
        }

        /** A key as a path segment: {@code otlp_grpc/jaeger} is {@code otlp_grpc~1jaeger}, as in a JSON pointer. */
        static String escape(String key) {
            return key.replace("/", "~1");
        }

        private static String text(JsonNode node) {
            return node == null ? null : node.isValueNode() ? node.asText() : node.toString();
        }
    }
}
