package dev.tracestack.testing;

import dev.tracestack.config.ConfigSource;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.config.StackFileReader;
import dev.tracestack.plan.Plan;
import dev.tracestack.plan.PlanEngine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Synthesizes a stack under the mock engine for tests: from the project's real stack files, or from a
 * real stack file with some keys overridden, or from an in-memory config map. Plans are cached per
 * stack file because the real files do not change during a test run.
 */
public final class StackHarness {

    /** The project directory: Maven runs tests from it. */
    public static final Path PROJECT_DIR = Path.of("").toAbsolutePath();
    public static final String[] CLOUD_STACKS = {"dev", "stage", "prod"};
    private static final Map<String, Plan> PLANS = new HashMap<>();

    private StackHarness() {
    }

    /** The config of a real stack file, e.g. {@code Pulumi.prod.yaml}. */
    public static StackConfig config(String stack) {
        return StackConfigParser.parse(source(stack));
    }

    /** The flat config map of a real stack file, as the engine would receive it. */
    public static ConfigSource source(String stack) {
        return StackFileReader.read(PROJECT_DIR, stack);
    }

    /** The plan of a real stack file. */
    public static synchronized Plan synth(String stack) {
        return PLANS.computeIfAbsent(stack, s -> PlanEngine.plan(config(s)));
    }

    /** The plan of a real stack file with some keys replaced (values as the CLI passes them: text or JSON). */
    public static Plan synth(String stack, Map<String, String> overrides) {
        return PlanEngine.plan(StackConfigParser.parse(withOverrides(stack, overrides)));
    }

    /** A real stack file's config map with some keys replaced; a {@code null} value removes the key. */
    public static ConfigSource withOverrides(String stack, Map<String, String> overrides) {
        ConfigSource base = source(stack);
        Map<String, String> values = new HashMap<>(base.values());
        overrides.forEach((key, value) -> {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        });
        return new ConfigSource(base.stack(), base.file(), values, base.secretKeys(), base.projectDir());
    }

    /** A config map with the given keys marked as set with {@code --secret}. */
    public static ConfigSource withSecrets(ConfigSource source, Map<String, String> secrets) {
        Map<String, String> values = new HashMap<>(source.values());
        values.putAll(secrets);
        Set<String> keys = new java.util.HashSet<>(source.secretKeys());
        keys.addAll(secrets.keySet());
        return new ConfigSource(source.stack(), source.file(), values, keys, source.projectDir());
    }
}
