package dev.tracestack.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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

    /** Keys such as {@code pulumi:disable-default-providers} are the engine's, not the program's. */
    private static final String ENGINE_NAMESPACE = "pulumi:";
    static final String NO_VALUE = "must have a value; to take the default, remove the key";

    private final String file;
    private final String path;
    private final ObjectNode node;
    private final List<ConfigProblem> problems;
    /** The line of every key path, for a file read with its lines; empty where there is no file to point into. */
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
        return new ConfigSection(source.file(), "", flat, problems, source.lines());
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

    /** A problem with a field as written that has no value to quote, e.g. a service defined twice. */
    public void problemOfKey(String field, String rule) {
        problems.add(origin().problemOfKey(field, rule));
    }

    public Optional<String> string(String field) {
        return read(field, ConfigValues::string);
    }

    public Optional<Boolean> bool(String field) {
        return read(field, ConfigValues::bool);
    }

    public Optional<Double> number(String field) {
        return read(field, ConfigValues::number);
    }

    public Optional<Integer> integer(String field) {
        return read(field, ConfigValues::integer);
    }

    /** A choice among an enum's constants, spelled in lower case in the config (e.g. {@code strict}). */
    public <E extends Enum<E>> Optional<E> choice(String field, Class<E> type) {
        return read(field, v -> ConfigValues.choice(v, type));
    }

    public Optional<List<String>> strings(String field) {
        return read(field, ConfigValues::strings);
    }

    /** A nested object; absent gives an empty section so defaults still apply. */
    public ConfigSection section(String field) {
        ObjectNode object = read(field, ConfigValues::object).orElseGet(JsonNodeFactory.instance::objectNode);
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
        read(field, ConfigValues::object).ifPresent(object -> object.fieldNames().forEachRemaining(names::add));
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
                problem(field, ConfigValues.display(node.get(field)), rule);
            }
        }
        children.forEach(ConfigSection::reportUnknownFields);
    }

    /** The field's value read by {@code reader}; empty, with a problem recorded, where it breaks a rule. */
    private <T> Optional<T> read(String field, Function<JsonNode, ConfigValues.Read<T>> reader) {
        return value(field).flatMap(v -> {
            ConfigValues.Read<T> read = reader.apply(v);
            if (read.broken()) {
                problem(field, read.shown(), read.rule());
                return Optional.empty();
            }
            return Optional.of(read.value());
        });
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
}
