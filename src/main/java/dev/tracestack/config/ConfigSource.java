package dev.tracestack.config;

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
 */
public record ConfigSource(String stack, String file, Map<String, String> values, Set<String> secretKeys) {

    public ConfigSource {
        values = Map.copyOf(values);
        secretKeys = Set.copyOf(secretKeys);
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
