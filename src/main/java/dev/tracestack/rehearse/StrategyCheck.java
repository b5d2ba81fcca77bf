package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether Jaeger's remote-sampling endpoint serves each service the strategy the rendered
 * {@code sampling-strategies.json} gives it (rate or rate limit, and per-operation rates), and the
 * default rate to a service it does not name.
 */
final class StrategyCheck {

    /** A service no strategy names, to see the default served. */
    static final String UNNAMED_SERVICE = "rehearsal-unnamed-service";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StrategyCheck() {
    }

    /** The services to ask the endpoint about: every one the file names, and one it does not. */
    static List<String> services(String rendered) {
        List<String> services = new ArrayList<>();
        parse(rendered).path("service_strategies").forEach(s -> services.add(s.path("service").asText()));
        services.add(UNNAMED_SERVICE);
        return services;
    }

    /** Every difference between what the file configures and what the endpoint served, one line each. */
    static List<String> differences(String rendered, Map<String, JsonNode> served) {
        JsonNode file = parse(rendered);
        List<String> differences = new ArrayList<>();
        for (JsonNode strategy : file.path("service_strategies")) {
            String service = strategy.path("service").asText();
            JsonNode got = served.get(service);
            if (got == null) {
                differences.add(service + ": nothing served");
                continue;
            }
            double param = strategy.path("param").asDouble();
            if (strategy.path("type").asText().equals("ratelimiting")) {
                compare(service + " max traces/s", param, got.path("rateLimitingSampling").path("maxTracesPerSecond"), differences);
            } else {
                compare(service + " rate", param, got.path("probabilisticSampling").path("samplingRate"), differences);
            }
            for (JsonNode operation : strategy.path("operation_strategies")) {
                String name = operation.path("operation").asText();
                JsonNode servedOperation = null;
                for (JsonNode candidate : got.path("operationSampling").path("perOperationStrategies")) {
                    if (candidate.path("operation").asText().equals(name)) {
                        servedOperation = candidate;
                    }
                }
                compare(service + " operation '" + name + "' rate", operation.path("param").asDouble(),
                        servedOperation == null ? null : servedOperation.path("probabilisticSampling").path("samplingRate"),
                        differences);
            }
        }
        JsonNode unnamed = served.get(UNNAMED_SERVICE);
        compare("default rate", file.path("default_strategy").path("param").asDouble(),
                unnamed == null ? null : unnamed.path("probabilisticSampling").path("samplingRate"), differences);
        return differences;
    }

    private static void compare(String what, double want, JsonNode got, List<String> differences) {
        if (got == null || got.isMissingNode() || Math.abs(got.asDouble() - want) > 1e-9) {
            differences.add(what + ": configured " + want + ", served " + (got == null || got.isMissingNode() ? "nothing" : got.asText()));
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
