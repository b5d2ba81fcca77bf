package dev.tracestack.render.collector;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The typed skeleton of an OpenTelemetry Collector configuration; each component's body stays an
 * untyped map so a new component needs no schema change.
 *
 * @param receivers  receiver bodies by component id ({@code otlp}, {@code zipkin})
 * @param processors processor bodies by id
 * @param connectors connector bodies by id
 * @param exporters  exporter bodies by id
 * @param extensions extension bodies by id
 * @param service    which extensions run and how components are wired into pipelines
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CollectorConfig(
        Map<String, Object> receivers,
        Map<String, Object> processors,
        Map<String, Object> connectors,
        Map<String, Object> exporters,
        Map<String, Object> extensions,
        Service service) {

    /**
     * The {@code service} section: which extensions run and how components form pipelines.
     *
     * @param extensions ids of the extensions to start
     * @param pipelines  pipelines by id ({@code traces}, {@code metrics/self})
     * @param telemetry  the collector's own telemetry settings
     */
    public record Service(List<String> extensions, Map<String, Pipeline> pipelines, Map<String, Object> telemetry) {
    }

    /** One pipeline: components in the order data flows through them. */
    public record Pipeline(List<String> receivers, List<String> processors, List<String> exporters) {
    }

    /**
     * This config, if it is wired completely: every component a pipeline names is defined and every defined
     * component is used. The renderer refuses anything else, so a miswired tier never reaches a cluster.
     */
    public CollectorConfig requireWired() {
        List<String> undefined = undefinedReferences();
        Set<String> unused = unusedComponents();
        if (!undefined.isEmpty() || !unused.isEmpty()) {
            throw new IllegalStateException("collector config not wired: undefined " + undefined + ", unused " + unused);
        }
        return this;
    }

    /** Ids a pipeline names that no section defines, e.g. {@code exporters.otlp_grpc/jaeger}; empty when coherent. */
    public List<String> undefinedReferences() {
        List<String> missing = new ArrayList<>();
        service.pipelines().forEach((id, p) -> {
            p.receivers().stream().filter(r -> !receivers.containsKey(r) && !connectors.containsKey(r))
                    .forEach(r -> missing.add(id + ".receivers." + r));
            p.processors().stream().filter(r -> !processors.containsKey(r))
                    .forEach(r -> missing.add(id + ".processors." + r));
            p.exporters().stream().filter(r -> !exporters.containsKey(r) && !connectors.containsKey(r))
                    .forEach(r -> missing.add(id + ".exporters." + r));
        });
        service.extensions().stream().filter(e -> !extensions.containsKey(e))
                .forEach(e -> missing.add("service.extensions." + e));
        return missing;
    }

    /** Components defined but used by no pipeline (extensions: not started, and not referenced by a component). */
    public Set<String> unusedComponents() {
        Set<String> used = new LinkedHashSet<>(service.extensions());
        service.pipelines().values().forEach(p -> {
            used.addAll(p.receivers());
            used.addAll(p.processors());
            used.addAll(p.exporters());
        });
        Set<String> unused = new LinkedHashSet<>();
        for (Map<String, Object> section : List.of(receivers, processors, connectors, exporters, extensions)) {
            section.keySet().stream().filter(id -> !used.contains(id)).forEach(unused::add);
        }
        return unused;
    }
}
