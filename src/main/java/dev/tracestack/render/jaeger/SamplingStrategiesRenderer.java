package dev.tracestack.render.jaeger;

import dev.tracestack.config.ServiceSettings;
import dev.tracestack.config.StackConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sampling strategies file the collector role serves SDKs on the remote sampling port, from the same
 * {@code tracestack:services} the collector's tail-sampling policies come from. Rates are applied once, by
 * the collector, which knows a trace's errors and duration when it decides: SDKs that ask Jaeger are told to
 * start every trace (probability 1), by default and for every service of the map. Only the head settings a
 * collector cannot apply are served as they are: a service's rate limit and its per-operation probabilities.
 */
public final class SamplingStrategiesRenderer {

    /** Every trace an SDK starts goes to the collector, whose sampler tier applies the stack's rates. */
    static final double START_EVERY_TRACE = 1.0;

    private SamplingStrategiesRenderer() {
    }

    public static Map<String, Object> strategies(StackConfig config) {
        List<Map<String, Object>> services = new ArrayList<>();
        config.services().where(s -> s.sampling().isSet()).stream()
                .sorted(Comparator.comparing(ServiceSettings::name))
                .forEach(service -> services.add(service(service)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("default_strategy", Map.of("type", "probabilistic", "param", START_EVERY_TRACE));
        root.put("service_strategies", services);
        return root;
    }

    private static Map<String, Object> service(ServiceSettings service) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("service", service.name());
        if (service.sampling().maxTracesPerSecond().isPresent()) {
            out.put("type", "ratelimiting");
            out.put("param", service.sampling().maxTracesPerSecond().get());
        } else {
            out.put("type", "probabilistic");
            out.put("param", START_EVERY_TRACE);
        }
        if (!service.sampling().operations().isEmpty()) {
            List<Map<String, Object>> operations = new ArrayList<>();
            new TreeMap<>(service.sampling().operations()).forEach((operation, rate) -> operations.add(Map.of(
                    "operation", operation, "type", "probabilistic", "param", rate)));
            out.put("operation_strategies", operations);
        }
        return out;
    }
}
