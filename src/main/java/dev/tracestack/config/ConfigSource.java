package dev.tracestack.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stack's config as Pulumi hands it to a program: a flat map from {@code namespace:key} to a string,
 * with structured values as JSON text, plus the keys whose values are secrets.
 *
 * @param stack      the stack name, e.g. {@code dev}
 * @param file       the file a user edits to change these values, named in every error message
 * @param values     the flat config map
 * @param secretKeys keys whose values were set with {@code --secret}
 * @param projectDir the project directory, which files the config names (e.g. {@code servicesFile}) are relative to
 * @param lines      the line of every key path in {@code file} (e.g. {@code tracestack:sampling.defaultRate}), so
 *                   problems name it; empty where there is no file to point into (the engine's, a --set)
 */
public record ConfigSource(String stack, String file, Map<String, String> values, Set<String> secretKeys,
                           Path projectDir, Map<String, Integer> lines) {

    public ConfigSource {
        values = Map.copyOf(values);
        secretKeys = Set.copyOf(secretKeys);
        lines = Map.copyOf(lines);
    }

    /** A config whose keys have no lines to point at. */
    public ConfigSource(String stack, String file, Map<String, String> values, Set<String> secretKeys,
                        Path projectDir) {
        this(stack, file, values, secretKeys, projectDir, Map.of());
    }

    /** A config in the current directory, where the Pulumi CLI runs a program: its project directory. */
    public ConfigSource(String stack, String file, Map<String, String> values, Set<String> secretKeys) {
        this(stack, file, values, secretKeys, Path.of(""));
    }

    /** The file a stack's values live in, {@code Pulumi.<stack>.yaml}, as every message names it. */
    public static String stackFileName(String stack) {
        return "Pulumi." + stack + ".yaml";
    }

    /** The values sorted by key, for stable output. */
    public Map<String, String> sortedValues() {
        return new TreeMap<>(values);
    }
}
