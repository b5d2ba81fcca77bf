package dev.tracestack.config;

/**
 * One violated rule in a stack's config: where it is, what was there and what the rule wants.
 *
 * @param file  the stack file the value came from, e.g. {@code Pulumi.dev.yaml}
 * @param key   the full key, namespace and path, e.g. {@code tracestack:sampling.defaultRate};
 *              {@code null} when the problem is with the file itself
 * @param value the value received, or {@code null} when the key is missing
 * @param rule  what the value must satisfy, phrased so it completes "must ..."
 */
public record ConfigProblem(String file, String key, String value, String rule) {

    /**
     * A problem with a key as written that has no single value to quote, e.g. a key written twice: the message
     * names the key and the rule, and says nothing of a value received.
     */
    public static ConfigProblem ofKey(String file, String key, String rule) {
        return new ConfigProblem(file, null, null, key + " " + rule);
    }

    /** The message a user reads: file, key, rule and the value received. */
    public String message() {
        if (key == null) {
            return file + ": " + rule;
        }
        String received = value == null ? "it is not set" : "got " + value;
        return file + ": " + key + " " + rule + ", " + received;
    }

    @Override
    public String toString() {
        return message();
    }
}
