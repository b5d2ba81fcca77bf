package dev.tracestack.config;

/**
 * How many traces are kept, per trace class.
 *
 * @param defaultRate     fraction of ordinary traces kept, in [0, 1]
 * @param errorRate       fraction of traces with an error span kept, in [0, 1]
 * @param slowRate        fraction of traces slower than {@code slowThresholdMs} kept, in [0, 1]
 * @param slowThresholdMs the duration above which a trace counts as slow, in milliseconds
 */
public record SamplingSettings(double defaultRate, double errorRate, double slowRate, int slowThresholdMs) {
}
