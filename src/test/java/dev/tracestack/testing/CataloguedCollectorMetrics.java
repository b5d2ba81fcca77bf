package dev.tracestack.testing;

import dev.tracestack.render.monitoring.MetricCatalog;
import dev.tracestack.render.monitoring.MetricCatalog.Metric;
import dev.tracestack.render.monitoring.MetricCatalog.Source;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The metric types the catalogue says the collector writes, to hold against the contract and its config. */
public final class CataloguedCollectorMetrics {

    private CataloguedCollectorMetrics() {
    }

    /** Span metrics and the collector's self-telemetry, in catalogue order. */
    public static Set<String> types() {
        return MetricCatalog.METRICS.stream()
                .filter(m -> m.source() == Source.COLLECTOR_SPANMETRICS || m.source() == Source.COLLECTOR_SELF_TELEMETRY)
                .map(Metric::type)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
