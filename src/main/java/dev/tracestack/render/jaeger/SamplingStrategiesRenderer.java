package dev.tracestack.render.jaeger;

import dev.tracestack.config.ServiceSampling;
import dev.tracestack.config.StackConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sampling strategies file the collector role serves SDKs on the remote sampling port: the
 * environment's head-sampling rate by default, and the per-service strategies from config.
 */
public final class SamplingStrategiesRenderer {

    private SamplingStrategiesRenderer() {
    }

    public static Map<String, Object> strategies(StackConfig config) {
        List<Map<String, Object>> services = new ArrayList<>();
        new TreeMap<>(config.jaeger().samplingStrategies()).forEach((service, strategy) ->
                services.add(service(service, strategy)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("default_strategy", Map.of("type", "probabilistic", "param", config.sampling().defaultRate()));
        root.put("service_strategies", services);
        return root;
    }

    private static Map<String, Object> service(String name, ServiceSampling strategy) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("service", name);
        if (strategy.maxTracesPerSecond().isPresent()) {
            out.put("type", "ratelimiting");
            out.put("param", strategy.maxTracesPerSecond().get());
        } else {
            out.put("type", "probabilistic");
            out.put("param", strategy.rate().orElseThrow());
        }
        if (!strategy.operations().isEmpty()) {
            List<Map<String, Object>> operations = new ArrayList<>();
            new TreeMap<>(strategy.operations()).forEach((operation, rate) -> operations.add(Map.of(
                    "operation", operation, "type", "probabilistic", "param", rate)));
            out.put("operation_strategies", operations);
        }
        return out;
    }
}
