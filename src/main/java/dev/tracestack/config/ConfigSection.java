package dev.tracestack.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracestack.wire.WireName;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A typed, path-aware view of one object in a stack's config. Every getter records the field as known,
 * records a {@link ConfigProblem} instead of throwing when the value has the wrong type, and
 * {@link #reportUnknownFields()} turns whatever nobody asked for into "unknown key" problems.
 *
 * <p>The root section is the flat Pulumi map ({@code namespace:key} to text); nested sections are the
 * JSON objects those texts hold. Both accept scalars as JSON values or as their text, because the
 * Pulumi CLI hands every top-level value over as a string.
 */
public final class ConfigSection {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys such as {@code pulumi:disable-default-providers} are the engine's, not the program's. */
    private static final String ENGINE_NAMESPACE = "pulumi:";
    static final String NO_VALUE = "must have a value; to take the default, remove the key";

    private final String file;
    private final String path;
    private final ObjectNode node;
    private final List<ConfigProblem> problems;
    /** The line of every key path, for a file read with its lines; empty for a stack's flat config. */
    private final Map<String, Integer> lines;
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> reportedEmpty = new LinkedHashSet<>();
    private final List<ConfigSection> children = new ArrayList<>();

    private ConfigSection(String file, String path, ObjectNode node, List<ConfigProblem> problems,
                          Map<String, Integer> lines) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
        this.lines = lines;
    }

    /** The root of a stack's config, whose fields are the flat {@code namespace:key} entries. */
    public static ConfigSection root(ConfigSource source, List<ConfigProblem> problems) {
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        source.sortedValues().forEach((key, value) -> {
            if (!key.startsWith(ENGINE_NAMESPACE)) {
                flat.put(key, value);
            }
        });
        return new ConfigSection(source.file(), "", flat, problems, Map.of());
    }

    /**
     * The root of a YAML file of its own read from this config, whose problems name that file and the line of
     * the key; its unknown keys are reported with this section's.
     */
    ConfigSection fileSection(String fileName, ObjectNode root, Map<String, Integer> keyLines) {
        ConfigSection child = new ConfigSection(fileName, "", root, problems, Map.copyOf(keyLines));
        children.add(child);
        return child;
    }

    /** A problem no field of a section can name, such as a syntax error in a file of its own. */
    void report(ConfigProblem problem) {
        problems.add(problem);
    }

    /** Where this section's values came from, for rules checked after reading. */
    public ConfigOrigin origin() {
        return new ConfigOrigin(file, path, lines);
    }

    public String file() {
        return file;
    }

    /** The full key of a field of this section, as a user would type it. */
    public String keyOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public boolean has(String field) {
        return value(field).isPresent();
    }

    public void problem(String field, String value, String rule) {
        problems.add(origin().problem(field, value, rule));
    }

    public Optional<String> string(String field) {
        return value(field).flatMap(v -> {
            if (v.isValueNode()) {
                return Optional.of(v.asText());
            }
            problem(field, display(v), "must be a string");
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool(String field) {
        return value(field).flatMap(v -> {
            if (v.isBoolean()) {
                return Optional.of(v.booleanValue());
            }
            String text = v.asText().trim().toLowerCase(Locale.ROOT);
            if (v.isTextual() && (text.equals("true") || text.equals("false"))) {
                return Optional.of(Boolean.parseBoolean(text));
            }
            problem(field, display(v), "must be a boolean (true or false)");
            return Optional.empty();
        });
    }

    public Optional<Double> number(String field) {
        return decimal(field, "must be a number").map(BigDecimal::doubleValue);
    }

    public Optional<Integer> integer(String field) {
        return decimal(field, "must be a whole number").flatMap(d -> {
            try {
                return Optional.of(d.intValueExact());
            } catch (ArithmeticException notWhole) {
                problem(field, d.toPlainString(), "must be a whole number");
                return Optional.empty();
            }
        });
    }

    /** A choice among an enum's constants, spelled in lower case in the config (e.g. {@code strict}). */
    public <E extends Enum<E>> Optional<E> choice(String field, Class<E> type) {
        return string(field).flatMap(text -> {
            List<E> constants = List.of(type.getEnumConstants());
            Optional<E> chosen = constants.stream().filter(c -> WireName.of(c).equals(text)).findFirst();
            if (chosen.isEmpty()) {
                problem(field, text, "must be one of "
                        + constants.stream().map(WireName::of).collect(Collectors.joining(", ")));
            }
            return chosen;
        });
    }

    public Optional<List<String>> strings(String field) {
        return value(field).flatMap(v -> structured(field, v).flatMap(list -> {
            if (!list.isArray()) {
                problem(field, display(v), "must be a list of strings");
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : list) {
                if (!item.isValueNode() || item.isNull()) {
                    problem(field, list.toString(), "must be a list of strings");
                    return Optional.empty();
                }
                out.add(item.asText());
            }
            return Optional.of(List.copyOf(out));
        }));
    }

    /** A nested object; absent gives an empty section so defaults still apply. */
    public ConfigSection section(String field) {
        ObjectNode object = value(field).flatMap(v -> asObject(field, v))
                .orElseGet(JsonNodeFactory.instance::objectNode);
        ConfigSection child = new ConfigSection(file, keyOf(field), object, problems, lines);
        children.add(child);
        return child;
    }

    /** A map of named objects, e.g. per-service overrides; each entry becomes its own section. */
    public Map<String, ConfigSection> sections(String field) {
        return section(field).entries();
    }

    /** The names of a mapping's fields, without reading them: for a key reported as a whole, e.g. one that moved. */
    public List<String> names(String field) {
        List<String> names = new ArrayList<>();
        value(field).flatMap(v -> asObject(field, v)).ifPresent(object -> object.fieldNames().forEachRemaining(names::add));
        return names;
    }

    /** Every field of this section as a section of its own, in the order written. */
    public Map<String, ConfigSection> entries() {
        Map<String, ConfigSection> out = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            out.put(name, section(name));
        }
        return out;
    }

    /**
     * Adds an "unknown key" problem for every field nobody asked for, in this section and every section
     * read from it, suggesting the nearest known field for a near miss.
     */
    public void reportUnknownFields() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                String rule = NearMiss.closest(field, known)
                        .map(s -> "is not a known key (did you mean " + keyOf(s) + "?)")
                        .orElse("is not a known key (known keys here: " + String.join(", ", known) + ")");
                problem(field, display(node.get(field)), rule);
            }
        }
        children.forEach(ConfigSection::reportUnknownFields);
    }

    private static String display(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }

    /**
     * The field's value; empty when the key is absent. A key present without a value is never taken for
     * its default: YAML's {@code key:} or {@code null} in a mapping, and at the root the empty text the
     * Pulumi CLI hands over for a top-level {@code key:}, are reported once each.
     */
    private Optional<JsonNode> value(String field) {
        known.add(field);
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        boolean emptyAtRoot = path.isEmpty() && value.isTextual() && value.asText().isEmpty();
        if (value.isNull() || emptyAtRoot) {
            if (reportedEmpty.add(field)) {
                problem(field, value.isNull() ? "null" : "\"\"", NO_VALUE);
            }
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<BigDecimal> decimal(String field, String rule) {
        return value(field).flatMap(v -> {
            if (v.isNumber()) {
                return Optional.of(v.decimalValue());
            }
            if (v.isTextual()) {
                try {
                    return Optional.of(new BigDecimal(v.asText().trim()));
                } catch (NumberFormatException notANumber) {
                    problem(field, v.asText(), rule);
                    return Optional.empty();
                }
            }
            problem(field, display(v), rule);
            return Optional.empty();
        });
    }

    private Optional<ObjectNode> asObject(String field, JsonNode v) {
        return structured(field, v).flatMap(object -> {
            if (!object.isObject()) {
                problem(field, display(v), "must be an object (a YAML mapping)");
                return Optional.empty();
            }
            return Optional.of((ObjectNode) object);
        });
    }

    /** A mapping or list: as it is in a nested section, parsed from its JSON text at the root. */
    private Optional<JsonNode> structured(String field, JsonNode v) {
        if (!v.isTextual()) {
            return Optional.of(v);
        }
        try {
            return Optional.of(JSON.readTree(v.asText()));
        } catch (JsonProcessingException notJson) {
            problem(field, v.asText(), "must be a structured value (a YAML mapping or list)");
            return Optional.empty();
        }
    }
}
