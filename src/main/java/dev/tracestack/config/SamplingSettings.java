package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.SAMPLING;

/**
 * How many traces are kept, per trace class ({@code tracestack:sampling}).
 *
 * @param defaultRate     fraction of ordinary traces kept, in [0, 1]
 * @param errorRate       fraction of traces with an error span kept, in [0, 1]
 * @param slowRate        fraction of traces slower than {@code slowThresholdMs} kept, in [0, 1]
 * @param slowThresholdMs the duration above which a trace counts as slow, in milliseconds
 */
public record SamplingSettings(double defaultRate, double errorRate, double slowRate, int slowThresholdMs) {

    static SamplingSettings read(ConfigSection root) {
        ConfigSection section = root.section(SAMPLING);
        return new SamplingSettings(
                section.number("defaultRate").orElse(Defaults.DEFAULT_RATE),
                section.number("errorRate").orElse(Defaults.ERROR_RATE),
                section.number("slowRate").orElse(Defaults.SLOW_RATE),
                section.integer("slowThresholdMs").orElse(Defaults.SLOW_THRESHOLD_MS));
    }

    void validate(StackConfigValidator.Rules rules) {
        rules.rate(SAMPLING + ".defaultRate", defaultRate);
        rules.rate(SAMPLING + ".errorRate", errorRate);
        rules.rate(SAMPLING + ".slowRate", slowRate);
        rules.check(slowThresholdMs > 0, SAMPLING + ".slowThresholdMs", String.valueOf(slowThresholdMs),
                "must be greater than 0");
    }
}
