package dev.tracestack.render.collector;

import dev.tracestack.render.Artifacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys and value types the pinned collector-contrib accepts for the components tracestack renders
 * ({@code collector/contrib-0.158-keys.yaml}), and the check of a rendered config against them.
 */
final class AcceptedKeys {

    private static final Pattern DURATION = Pattern.compile("(\\d+(\\.\\d+)?(ns|us|ms|s|m|h))+");
    private static final Map<String, Map<String, Object>> TABLE = load();

    private AcceptedKeys() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> load() {
        try (InputStream in = AcceptedKeys.class.getResourceAsStream("/collector/contrib-0.158-keys.yaml")) {
            return Artifacts.YAML.readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every key of the rendered YAML text the collector would reject, as {@code section.id.path: why}. */
    @SuppressWarnings("unchecked")
    static List<String> violations(String renderedYaml) {
        Map<String, Object> config;
        try {
            config = Artifacts.YAML.readValue(renderedYaml, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> extensionIds = ((Map<String, Object>) config.getOrDefault("extensions", Map.of())).keySet();
        List<String> problems = new ArrayList<>();
        for (String section : List.of("receivers", "processors", "connectors", "exporters", "extensions")) {
            ((Map<String, Object>) config.getOrDefault(section, Map.of())).forEach((id, body) -> {
                String type = id.split("/")[0];
                Map<String, String> keys = (Map<String, String>) TABLE.get(section).get(type);
                Map<String, String> deprecated = (Map<String, String>) TABLE.get("deprecated")
                        .getOrDefault(section, Map.of());
                if (deprecated.containsKey(type)) {
                    problems.add(section + "." + id + ": deprecated alias of " + deprecated.get(type));
                } else if (keys == null) {
                    problems.add(section + "." + id + ": component type not checked");
                } else {
                    check(section + "." + id, body, "", keys, extensionIds, problems);
                }
            });
        }
        Object telemetry = ((Map<String, Object>) config.get("service")).get("telemetry");
        check("service.telemetry", telemetry, "", (Map<String, String>) TABLE.get("service").get("telemetry"),
                extensionIds, problems);
        return problems;
    }

    private static void check(String where, Object node, String path, Map<String, String> keys,
                              Set<String> extensionIds, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> check(where, value, path.isEmpty() ? (String) key : path + "." + key,
                    keys, extensionIds, problems));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> check(where, item, path + "[]", keys, extensionIds, problems));
        } else {
            String type = keys.entrySet().stream().filter(e -> matches(e.getKey(), path))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (type == null) {
                problems.add(where + "." + path + ": unknown key");
            } else if (!hasType(node, type, extensionIds)) {
                problems.add(where + "." + path + ": " + node + " is not " + type);
            }
        }
    }

    private static boolean matches(String pattern, String path) {
        String[] want = pattern.split("\\.");
        String[] have = path.split("\\.");
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!want[i].equals("*") && !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasType(Object value, String type, Set<String> extensionIds) {
        return switch (type) {
            case "string" -> value instanceof String;
            case "int" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            case "bool" -> value instanceof Boolean;
            case "scalar" -> value instanceof String || value instanceof Number || value instanceof Boolean;
            case "duration" -> value instanceof String s && DURATION.matcher(s).matches();
            case "extension" -> extensionIds.contains(value);
            default -> List.of(type.split("\\|")).contains(value);
        };
    }
}
