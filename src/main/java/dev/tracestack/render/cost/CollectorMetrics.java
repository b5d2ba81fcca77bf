package dev.tracestack.render.cost;

import dev.tracestack.config.SpanKind;
import dev.tracestack.config.StackConfig;
import dev.tracestack.render.collector.CollectorConfig;
import dev.tracestack.render.collector.CollectorConfigRenderer;
import dev.tracestack.render.collector.CollectorTier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * The metric series the collector writes to Cloud Monitoring, counted from the configs the collector runs
 * with: the span_metrics connector's dimensions, buckets and flush interval, and each tier's pipelines for
 * its own otelcol_ metrics.
 *
 * @param spanMetricSeries       series of each span metric (calls and duration)
 * @param spanMetricFlushMinutes how often the connector writes every series
 * @param spanMetricInputs       the factors of the series count
 * @param selfScalarSeries       the collector's own scalar series, all pods
 * @param selfDistributionSeries the collector's own histogram series, all pods
 * @param selfIntervalMinutes    how often the collector pushes its own metrics
 * @param selfInputs             the factors of the self-telemetry count
 */
record CollectorMetrics(double spanMetricSeries, double spanMetricFlushMinutes, Map<String, Object> spanMetricInputs,
                        double selfScalarSeries, double selfDistributionSeries, double selfIntervalMinutes,
                        Map<String, Object> selfInputs) {

    /** The connector's type: its id in the gateway's config. */
    static final String SPAN_METRICS = "span_metrics";
    /** An operation's spans have one kind (a span name is a server or a client call, not both). */
    static final int SPAN_KINDS_PER_OPERATION = 1;
    /**
     * A service's spans, all operations together: server, client and internal. The gateway exports the span
     * metrics of the objectives' span kinds only, so a service writes series for those of its kinds.
     */
    static final Set<SpanKind> SPAN_KINDS_OF_A_SERVICE = EnumSet.of(SpanKind.SERVER, SpanKind.CLIENT, SpanKind.INTERNAL);
    /** status.code takes UNSET (or OK) and ERROR on the operations that fail now and then. */
    static final int STATUS_CODES_PER_OPERATION = 2;
    /** otelcol_ series per component at level normal: accepted and refused spans per receiver. */
    static final int SERIES_PER_RECEIVER = 2;
    /** Sent, send-failed and enqueue-failed spans, queue size and capacity per exporter. */
    static final int SERIES_PER_EXPORTER = 5;
    /** Incoming and outgoing items per processor. */
    static final int SERIES_PER_PROCESSOR = 2;
    /** Process metrics: uptime, CPU seconds, RSS, heap allocated, total system memory. */
    static final int PROCESS_SERIES = 5;
    /** The batch processor's send-size histogram. */
    static final int DISTRIBUTION_SERIES_PER_POD = 1;

    static CollectorMetrics of(StackConfig config) {
        List<CollectorTier> tiers = CollectorTier.of(config);
        CollectorConfig gateway = CollectorConfigRenderer.config(config, tiers.get(0));
        Map<String, Object> spanInputs = new LinkedHashMap<>();
        double spanSeries = 0;
        double flushMinutes = 1;
        if (gateway.connectors().get(SPAN_METRICS) instanceof Map<?, ?> connector) {
            int pods = tiers.get(0).replicas().minReplicas();
            // Each default dimension the connector keeps multiplies the series; an excluded one does not.
            List<?> excluded = connector.get("exclude_dimensions") instanceof List<?> list ? list : List.of();
            boolean perOperation = !excluded.contains("span.name");
            int operations = perOperation ? config.cost().operationsPerService() : 1;
            int kinds = excluded.contains("span.kind") || perOperation ? SPAN_KINDS_PER_OPERATION
                    : Math.max(1, (int) config.alerts().objectiveSpanKinds().stream()
                            .filter(SPAN_KINDS_OF_A_SERVICE::contains).count());
            spanSeries = (double) config.cost().services() * operations * kinds * STATUS_CODES_PER_OPERATION * pods;
            flushMinutes = minutes(connector.get("metrics_flush_interval"));
            spanInputs.put("services", config.cost().services());
            spanInputs.put("operationsPerService (span.name " + (perOperation ? "kept)" : "excluded)"), operations);
            spanInputs.put("spanKinds (of tracestack:alerts.objectiveSpanKinds)", kinds);
            spanInputs.put("statusCodesPerOperation", STATUS_CODES_PER_OPERATION);
            spanInputs.put("gatewayPods (collector.instance.id)", pods);
            spanInputs.put("histogramBuckets (one distribution point whatever the count)",
                    buckets(connector).size() + 1);
            spanInputs.put("series", spanSeries);
        }
        double scalar = 0;
        double distribution = 0;
        double intervalMinutes = 1;
        Map<String, Object> selfInputs = new LinkedHashMap<>();
        for (CollectorTier tier : tiers) {
            CollectorConfig c = CollectorConfigRenderer.config(config, tier);
            CollectorConfig.Pipeline traces = c.service().pipelines().get("traces");
            long exporters = traces.exporters().stream().filter(id -> !c.connectors().containsKey(id)).count();
            int perPod = SERIES_PER_RECEIVER * traces.receivers().size() + SERIES_PER_EXPORTER * (int) exporters
                    + SERIES_PER_PROCESSOR * traces.processors().size() + PROCESS_SERIES;
            int pods = tier.replicas().minReplicas();
            scalar += (double) perPod * pods;
            distribution += (double) DISTRIBUTION_SERIES_PER_POD * pods;
            intervalMinutes = readerMinutes(c.service().telemetry());
            selfInputs.put(tier.role().id() + " pods", pods);
            selfInputs.put(tier.role().id() + " scalar series per pod", perPod);
        }
        selfInputs.put("pushIntervalMinutes", intervalMinutes);
        return new CollectorMetrics(spanSeries, flushMinutes, spanInputs, scalar, distribution, intervalMinutes,
                selfInputs);
    }

    private static List<?> buckets(Map<?, ?> connector) {
        if (connector.get("histogram") instanceof Map<?, ?> histogram
                && histogram.get("explicit") instanceof Map<?, ?> explicit
                && explicit.get("buckets") instanceof List<?> buckets) {
            return buckets;
        }
        return List.of();
    }

    /** The periodic reader's interval (milliseconds) that pushes the collector's metrics. */
    private static double readerMinutes(Map<String, Object> telemetry) {
        if (telemetry.get("metrics") instanceof Map<?, ?> metrics && metrics.get("readers") instanceof List<?> readers) {
            for (Object reader : readers) {
                if (reader instanceof Map<?, ?> r && r.get("periodic") instanceof Map<?, ?> periodic
                        && periodic.get("interval") instanceof Number interval) {
                    return interval.doubleValue() / 60_000;
                }
            }
        }
        throw new IllegalStateException("the collector pushes its own metrics with no periodic reader");
    }

    /** A collector duration such as {@code 60s}, in minutes. */
    static double minutes(Object duration) {
        return Duration.parse("PT" + String.valueOf(duration).toUpperCase()).toMillis() / 60_000.0;
    }
}
