package dev.tracestack.config;

import java.util.Map;

/**
 * Where a section of config came from, so that a rule checked after reading names the same place a reading
 * problem would: the stack file and the full key, or a file of its own with the line of the key.
 *
 * @param file  the file a user edits, e.g. {@code Pulumi.stage.yaml} or {@code services.yaml}
 * @param path  the section's key, e.g. {@code tracestack:services.checkout}, or {@code checkout} in a file of its own
 * @param lines the line of every key path of a file read with its lines; empty for a stack's flat config
 */
public record ConfigOrigin(String file, String path, Map<String, Integer> lines) {

    /** The full key of a field below this section. */
    public String keyOf(String field) {
        if (field == null || field.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? field : path + "." + field;
    }

    /** A problem with a field below this section ({@code null} or empty: the section itself). */
    public ConfigProblem problem(String field, String value, String rule) {
        String key = keyOf(field);
        return new ConfigProblem(where(key), key, value, rule);
    }

    /** A problem with a field as written, with no value to quote ({@link ConfigProblem#ofKey}). */
    public ConfigProblem problemOfKey(String field, String rule) {
        String key = keyOf(field);
        return ConfigProblem.ofKey(where(key), key, rule);
    }

    /** The file, with the line of the key (or of its nearest ancestor that has one) where lines are known. */
    String where(String key) {
        if (lines.isEmpty()) {
            return file;
        }
        String at = key;
        while (!lines.containsKey(at) && at.contains(".")) {
            at = at.substring(0, at.lastIndexOf('.'));
        }
        Integer line = lines.get(at);
        return line == null ? file : file + ":" + line;
    }
}
