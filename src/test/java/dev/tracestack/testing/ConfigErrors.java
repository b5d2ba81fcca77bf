package dev.tracestack.testing;

import dev.tracestack.config.ConfigSource;
import dev.tracestack.config.InvalidConfigException;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.render.RenderedStack;
import java.util.Map;

/**
 * The message a config is rejected with, for the validation tests that assert one message each: rejected by
 * its rules, or when rendered (an estimate above an enforced budget), as every command loads a stack.
 */
public final class ConfigErrors {

    private ConfigErrors() {
    }

    /** A real stack file with some keys replaced; fails the test when the config is accepted. */
    public static String of(String stack, Map<String, String> overrides) {
        return of(StackHarness.withOverrides(stack, overrides));
    }

    public static String of(ConfigSource source) {
        try {
            RenderedStack.render(StackConfigParser.parse(source));
        } catch (InvalidConfigException invalid) {
            return invalid.getMessage();
        }
        throw new AssertionError("expected the config of " + source.file() + " to be rejected");
    }
}
