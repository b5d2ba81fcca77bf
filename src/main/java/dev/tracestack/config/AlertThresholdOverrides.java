package dev.tracestack.config;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Per-stack replacements for single thresholds of the strictness level's rule set
 * ({@code tracestack:alerts.thresholds}); every value left out keeps the level's value.
 *
 * @param minSpansPerHour          ingestion alert: fewer accepted spans per hour than this fires
 * @param maxErrorRatePercent      error-rate alert: a higher share of error calls (percent) fires
 * @param maxP95LatencyMs          latency alert: a higher per-service P95 span duration fires
 * @param maxLostSpansPerSecond    span-loss alerts: more refused, failed or dropped spans per second fire
 */
public record AlertThresholdOverrides(
        Optional<Integer> minSpansPerHour,
        Optional<Double> maxErrorRatePercent,
        Optional<Integer> maxP95LatencyMs,
        Optional<Double> maxLostSpansPerSecond) {

    static final String KEY = ConfigKeys.ALERTS + ".thresholds";

    /** No override: the level's rule set as it is. */
    public static AlertThresholdOverrides none() {
        return new AlertThresholdOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static AlertThresholdOverrides read(ConfigSection section) {
        return new AlertThresholdOverrides(
                section.integer("minSpansPerHour"),
                section.number("maxErrorRatePercent"),
                section.integer("maxP95LatencyMs"),
                section.number("maxLostSpansPerSecond"));
    }

    /** Zero would switch an alert off silently (or make it fire forever): every threshold is positive. */
    void validate(StackConfigValidator.Rules rules) {
        minSpansPerHour.ifPresent(v -> positive(rules, "minSpansPerHour", BigDecimal.valueOf(v)));
        maxErrorRatePercent.ifPresent(v -> {
            positive(rules, "maxErrorRatePercent", BigDecimal.valueOf(v));
            rules.check(v <= 100, KEY + ".maxErrorRatePercent", StackConfigValidator.Rules.plain(v),
                    "must be at most 100 (it is a percentage)");
        });
        maxP95LatencyMs.ifPresent(v -> positive(rules, "maxP95LatencyMs", BigDecimal.valueOf(v)));
        maxLostSpansPerSecond.ifPresent(v -> positive(rules, "maxLostSpansPerSecond", BigDecimal.valueOf(v)));
    }

    private static void positive(StackConfigValidator.Rules rules, String field, BigDecimal exact) {
        rules.check(exact.signum() > 0, KEY + "." + field, StackConfigValidator.Rules.plain(exact),
                "must be greater than 0 (a threshold of 0 never fires or always fires; "
                        + "remove the key to keep the strictness level's value)");
    }
}
