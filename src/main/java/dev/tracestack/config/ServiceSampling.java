package dev.tracestack.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One service's own sampling ({@code tracestack:services.<name>.sampling}). The rates are the collector's tail
 * decision, each in place of the stack's {@code tracestack:sampling} rate of the same class; the rate limit and
 * the operations are head settings, which Jaeger's remote sampling serves to the service's SDKs.
 *
 * @param rate               ordinary traces the service takes part in that are kept, in [0, 1]; empty: the stack's
 * @param errorRate          the same for traces with an error span; empty: the stack's {@code errorRate}
 * @param slowRate           the same for slow traces; empty: the stack's {@code slowRate}
 * @param maxTracesPerSecond traces per second the service's SDKs may start (head); empty: no limit
 * @param operations         per-operation head probabilities, by operation name
 */
public record ServiceSampling(Optional<Double> rate, Optional<Double> errorRate, Optional<Double> slowRate,
                              Optional<Integer> maxTracesPerSecond, Map<String, Double> operations) {

    public ServiceSampling {
        operations = Map.copyOf(operations);
    }

    static ServiceSampling read(ConfigSection section) {
        Map<String, Double> operations = new LinkedHashMap<>();
        section.sections("operations").forEach((operation, op) ->
                op.number("rate").ifPresent(rate -> operations.put(operation, rate)));
        return new ServiceSampling(section.number("rate"), section.number("errorRate"), section.number("slowRate"),
                section.integer("maxTracesPerSecond"), operations);
    }

    /** Whether the service says anything about sampling at all. */
    public boolean isSet() {
        return rate.isPresent() || errorRate.isPresent() || slowRate.isPresent() || hasHeadSettings();
    }

    /** Whether Jaeger's remote sampling serves the service something of its own: a rate limit or operations. */
    public boolean hasHeadSettings() {
        return maxTracesPerSecond.isPresent() || !operations.isEmpty();
    }

    void validate(ConfigOrigin service, StackConfigValidator.Rules rules) {
        rate.ifPresent(r -> rate(service, "sampling.rate", r, rules));
        errorRate.ifPresent(r -> rate(service, "sampling.errorRate", r, rules));
        slowRate.ifPresent(r -> rate(service, "sampling.slowRate", r, rules));
        maxTracesPerSecond.filter(max -> max <= 0).ifPresent(max -> rules.add(service.problem(
                "sampling.maxTracesPerSecond", String.valueOf(max), "must be greater than 0")));
        if (rate.isPresent() && maxTracesPerSecond.isPresent()) {
            rules.add(service.problem("sampling", null, "must set at most one of rate (the collector keeps that "
                    + "share) or maxTracesPerSecond (the SDKs start at most that many): each says the service's rate"));
        }
        operations.forEach((operation, r) -> rate(service, "sampling.operations." + operation + ".rate", r, rules));
    }

    private static void rate(ConfigOrigin service, String field, double rate, StackConfigValidator.Rules rules) {
        if (rate < 0 || rate > 1) {
            rules.add(service.problem(field, StackConfigValidator.Rules.plain(rate), "must be within [0, 1]"));
        }
    }
}
