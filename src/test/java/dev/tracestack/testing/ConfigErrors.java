package dev.tracestack.testing;

import dev.tracestack.config.ConfigProblem;
import dev.tracestack.config.ConfigSource;
import dev.tracestack.config.InvalidConfigException;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.render.RenderedStack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems a config is rejected with, for the validation tests that assert one message each: rejected by
 * its rules, or when rendered (an estimate above an enforced budget), as every command loads a stack. Each
 * fails the test when the config is accepted.
 */
public final class ConfigErrors {

    private ConfigErrors() {
    }

    /** The message of a real stack file with some keys replaced: every problem, one per line. */
    public static String of(String stack, Map<String, String> overrides) {
        return of(StackHarness.withOverrides(stack, overrides));
    }

    public static String of(ConfigSource source) {
        return String.join("\n", problems(source));
    }

    /** Every problem of a real stack file with some keys replaced, in the order they are reported. */
    public static List<String> problems(String stack, Map<String, String> overrides) {
        return problems(StackHarness.withOverrides(stack, overrides));
    }

    public static List<String> problems(ConfigSource source) {
        try {
            RenderedStack.render(StackConfigParser.parse(source));
        } catch (InvalidConfigException invalid) {
            return invalid.problems().stream().map(ConfigProblem::message).toList();
        }
        throw new AssertionError("expected the config of " + source.file() + " to be rejected");
    }

    /** One key replaced; unlike {@code Map.of}, a {@code null} value (which removes the key) is allowed. */
    public static Map<String, String> override(String key, String value) {
        Map<String, String> map = new HashMap<>();
        map.put(key, value);
        return map;
    }
}
