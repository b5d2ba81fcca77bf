package dev.tracestack.render.monitoring;

import dev.tracestack.config.AlertSettings;
import dev.tracestack.config.AlertStrictness;
import java.time.Duration;

/**
 * The alert rule set of one strictness level. {@code normal} is seed 004 §6.2 and seed 000 as written;
 * {@code lenient} doubles every tolerance and every duration; {@code strict} halves every tolerance and
 * every duration, with durations rounded up to whole minutes (the API accepts only whole minutes).
 * "Tolerance" means: thresholds a value must stay below are multiplied, the ingestion floor a value must
 * stay above is divided.
 *
 * @param minSpansPerHour       ingestion fires below this many accepted spans per hour
 * @param ingestionFor          ... for this long
 * @param maxErrorRate          error-rate fires above this share of error calls (0-1)
 * @param errorRateFor          ... for this long
 * @param maxP95LatencyMs       latency fires above this per-service P95 span duration
 * @param latencyFor            ... for this long
 * @param collectorAbsentFor    collector-down fires after this long without self-telemetry
 * @param maxLostSpansPerSecond span loss and exporter failures fire above this many spans per second
 * @param lossFor               ... for this long
 * @param storageErrorsFor      Elasticsearch storage errors fire when any occur for this long
 */
public record AlertThresholds(
        double minSpansPerHour, Duration ingestionFor,
        double maxErrorRate, Duration errorRateFor,
        double maxP95LatencyMs, Duration latencyFor,
        Duration collectorAbsentFor,
        double maxLostSpansPerSecond, Duration lossFor,
        Duration storageErrorsFor) {

    /** Seed 004 §6.2 (ingestion, error rate, P95) and seed 000 (collector down, drops, storage errors). */
    public static final AlertThresholds NORMAL = new AlertThresholds(
            100, Duration.ofMinutes(5),
            0.05, Duration.ofMinutes(3),
            2000, Duration.ofMinutes(5),
            Duration.ofMinutes(5),
            1, Duration.ofMinutes(5),
            Duration.ofMinutes(2));

    /** Incidents close after an hour of normal data (seed 004 §6.2), at every level. */
    public static final Duration AUTO_CLOSE = Duration.ofHours(1);

    /** The rule set of a level. */
    public static AlertThresholds of(AlertStrictness level) {
        return switch (level) {
            case LENIENT -> NORMAL.scaled(2);
            case NORMAL -> NORMAL;
            case STRICT -> NORMAL.scaled(0.5);
        };
    }

    /** The level's rule set with the stack's single-threshold overrides applied. */
    public static AlertThresholds of(AlertSettings alerts) {
        AlertThresholds base = of(alerts.strictness());
        var o = alerts.thresholds();
        return new AlertThresholds(
                o.minSpansPerHour().map(Integer::doubleValue).orElse(base.minSpansPerHour), base.ingestionFor,
                o.maxErrorRatePercent().map(p -> p / 100).orElse(base.maxErrorRate), base.errorRateFor,
                o.maxP95LatencyMs().map(Integer::doubleValue).orElse(base.maxP95LatencyMs), base.latencyFor,
                base.collectorAbsentFor,
                o.maxLostSpansPerSecond().orElse(base.maxLostSpansPerSecond), base.lossFor,
                base.storageErrorsFor);
    }

    /** Tolerances and durations times {@code factor}; the ingestion floor divided by it. */
    AlertThresholds scaled(double factor) {
        return new AlertThresholds(
                minSpansPerHour / factor, minutes(ingestionFor, factor),
                maxErrorRate * factor, minutes(errorRateFor, factor),
                maxP95LatencyMs * factor, minutes(latencyFor, factor),
                minutes(collectorAbsentFor, factor),
                maxLostSpansPerSecond * factor, minutes(lossFor, factor),
                minutes(storageErrorsFor, factor));
    }

    private static Duration minutes(Duration base, double factor) {
        return Duration.ofMinutes((long) Math.ceil(base.toMinutes() * factor));
    }
}
