package dev.tracestack.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The head-sampling strategy Jaeger serves one service's SDKs (seed 000 {@code per_service_strategies}).
 * Either a probability or a rate limit; operations may override the probability, because Jaeger's
 * strategies file only knows probabilistic operation strategies.
 *
 * @param rate               fraction of the service's traces kept, in [0, 1]; empty when rate-limited
 * @param maxTracesPerSecond traces per second the service's SDKs may start; empty when probabilistic
 * @param operations         per-operation probabilities, by operation name
 */
public record ServiceSampling(Optional<Double> rate, Optional<Integer> maxTracesPerSecond,
                              Map<String, Double> operations) {

    public ServiceSampling {
        operations = Map.copyOf(operations);
    }

    static Map<String, ServiceSampling> read(ConfigSection parent, String field) {
        Map<String, ServiceSampling> out = new LinkedHashMap<>();
        parent.sections(field).forEach((service, section) -> {
            Map<String, Double> operations = new LinkedHashMap<>();
            section.sections("operations").forEach((operation, op) ->
                    op.number("rate").ifPresent(rate -> operations.put(operation, rate)));
            out.put(service, new ServiceSampling(section.number("rate"), section.integer("maxTracesPerSecond"),
                    operations));
        });
        return out;
    }

    void validate(String key, StackConfigValidator.Rules rules) {
        rate.ifPresent(r -> rules.rate(key + ".rate", r));
        maxTracesPerSecond.ifPresent(max -> rules.check(max > 0, key + ".maxTracesPerSecond",
                String.valueOf(max), "must be greater than 0"));
        rules.check(rate.isPresent() != maxTracesPerSecond.isPresent(), key, null,
                "must set exactly one of rate or maxTracesPerSecond");
        operations.forEach((operation, rate) -> rules.rate(key + ".operations." + operation + ".rate", rate));
    }
}
