package dev.tracestack.render.monitoring;

import static dev.tracestack.render.monitoring.AlertPolicies.rate;
import static dev.tracestack.render.monitoring.Filters.*;
import static dev.tracestack.render.monitoring.MetricCatalog.*;

import dev.tracestack.config.StackConfig;
import dev.tracestack.render.monitoring.AlertPolicyModel.Aggregation;
import dev.tracestack.render.monitoring.DashboardModel.*;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stack's dashboards by file name: overview (seed 004 §6.3), collector health, Jaeger health. */
public final class Dashboards {

    private static final int COLUMNS = 12;

    private Dashboards() {
    }

    public static Map<String, Dashboard> of(StackConfig config) {
        AlertThresholds t = AlertThresholds.of(config.alerts());
        Map<String, Dashboard> dashboards = new LinkedHashMap<>();
        dashboards.put("overview", overview(config, t));
        dashboards.put("collector-health", collectorHealth(config, t));
        if (config.jaeger().enabled()) {
            dashboards.put("jaeger-health", jaegerHealth(config));
        }
        return dashboards;
    }

    private static Dashboard overview(StackConfig config, AlertThresholds t) {
        List<DataSet> ingestion = new ArrayList<>(List.of(
                line(metric(ACCEPTED_SPANS), AlertPolicies.SUM_PER_HOUR, "accepted by the collector")));
        if (config.exporters().cloudTrace()) {
            ingestion.add(line(metric(CLOUD_TRACE_SPANS), AlertPolicies.SUM_PER_HOUR, "ingested by Cloud Trace"));
        }
        // The objectives' spans, as the latency and error-rate alerts read them.
        String kinds = spanKinds(config.alerts().objectiveSpanKinds());
        Aggregation perService5m = new Aggregation("300s", "ALIGN_DELTA", "REDUCE_MEAN", List.of(SERVICE));
        DataSet errorRate = new DataSet(new TimeSeriesQuery(null, new TimeSeriesFilterRatio(
                new RatioPart(metric(SPAN_CALLS, kinds, equal(STATUS_CODE, STATUS_ERROR)), rate(SERVICE)),
                new RatioPart(metric(SPAN_CALLS, kinds), rate(SERVICE)))), "LINE", "${metric.label.service_name}");
        return dashboard("Tracing overview (" + config.environment().id() + ")", List.of(
                chart("Span ingestion per hour", ingestion, List.of(), "spans/hour"),
                chart("Mean span latency per service (ms)",
                        List.of(line(metric(SPAN_DURATION, kinds), perService5m, "${metric.label.service_name}")),
                        List.of(), "ms"),
                chart("P95 span latency per service (ms)",
                        List.of(line(metric(SPAN_DURATION, kinds), AlertPolicies.P95_PER_SERVICE,
                                "${metric.label.service_name}")),
                        List.of(new Threshold("P95 alert (" + (long) t.maxP95LatencyMs() + " ms)",
                                t.maxP95LatencyMs(), "YELLOW", "ABOVE")), "ms"),
                chart("Error rate per service", List.of(errorRate),
                        List.of(new Threshold("Error rate SLO (" + AlertPolicies.percent(t.maxErrorRate()) + ")",
                                t.maxErrorRate(), "RED", "ABOVE")), "error calls / calls")));
    }

    private static Dashboard collectorHealth(StackConfig config, AlertThresholds t) {
        Aggregation maxPerExporter = new Aggregation("60s", "ALIGN_MAX", "REDUCE_MAX", List.of(EXPORTER));
        Threshold loss = new Threshold("alert", t.maxLostSpansPerSecond(), "YELLOW", "ABOVE");
        return dashboard("Tracing collector health (" + config.environment().id() + ")", List.of(
                chart("Accepted spans/s per receiver",
                        List.of(line(metric(ACCEPTED_SPANS), rate(RECEIVER), "${metric.label.receiver}")),
                        List.of(), "spans/s"),
                chart("Refused spans/s per receiver",
                        List.of(line(metric(REFUSED_SPANS), rate(RECEIVER), "${metric.label.receiver}")),
                        List.of(loss), "spans/s"),
                chart("Sent spans/s per exporter",
                        List.of(line(metric(SENT_SPANS), rate(EXPORTER), "${metric.label.exporter}")),
                        List.of(), "spans/s"),
                chart("Dropped spans/s per exporter (send failed, queue full)", List.of(
                        line(metric(SEND_FAILED_SPANS), rate(EXPORTER), "send failed ${metric.label.exporter}"),
                        line(metric(ENQUEUE_FAILED_SPANS), rate(EXPORTER), "queue full ${metric.label.exporter}")),
                        List.of(loss), "spans/s"),
                chart("Sending queue size and capacity", List.of(
                        line(metric(QUEUE_SIZE), maxPerExporter, "size ${metric.label.exporter}"),
                        line(metric(QUEUE_CAPACITY), maxPerExporter, "capacity ${metric.label.exporter}")),
                        List.of(), "batches"),
                chart("Memory (RSS) per collector instance", List.of(line(metric(MEMORY_RSS),
                        new Aggregation("60s", "ALIGN_MAX", "REDUCE_MAX", List.of(INSTANCE)),
                        "${metric.label.service_instance_id}")), List.of(), "bytes")));
    }

    private static Dashboard jaegerHealth(StackConfig config) {
        String ns = config.kubernetes().namespace();
        String jaegerExporter = equal(EXPORTER, WellKnownNames.JAEGER_EXPORTER);
        Aggregation restarts = new Aggregation("300s", "ALIGN_DELTA", "REDUCE_SUM", List.of(POD));
        Aggregation memory = new Aggregation("60s", "ALIGN_MAX", "REDUCE_MAX", List.of(POD));
        String es = equal("resource.label.container_name", ELASTICSEARCH_CONTAINER);
        return dashboard("Tracing Jaeger and Elasticsearch health (" + config.environment().id() + ")", List.of(
                chart("Spans/s the collector sends to Jaeger", List.of(
                        line(metric(SENT_SPANS, jaegerExporter), rate(EXPORTER), "sent"),
                        line(metric(SEND_FAILED_SPANS, jaegerExporter), rate(EXPORTER), "send failed")),
                        List.of(), "spans/s"),
                chart("Jaeger Elasticsearch storage errors/s", List.of(line(metric(JAEGER_STORAGE_ERRORS),
                        AlertPolicies.RATE_TOTAL, "storage errors")),
                        List.of(), "errors/s"),
                chart("Container restarts (5 min)", List.of(
                        line(kubernetes(CONTAINER_RESTARTS, ns, jaegerPods()), restarts, "${resource.label.pod_name}"),
                        line(kubernetes(CONTAINER_RESTARTS, ns, es), restarts, "${resource.label.pod_name}")),
                        List.of(), "restarts"),
                chart("Elasticsearch memory in use", List.of(line(kubernetes(CONTAINER_MEMORY, ns, es), memory,
                        "${resource.label.pod_name}")), List.of(), "bytes"),
                chart("Elasticsearch volume utilization", List.of(line(
                        kubernetes(VOLUME_UTILIZATION, ns, elasticsearchPods()), memory, "${resource.label.pod_name}")),
                        List.of(new Threshold("80% full", 0.8, "YELLOW", "ABOVE")), "share used")));
    }

    private static DataSet line(String filter, Aggregation aggregation, String legend) {
        return new DataSet(new TimeSeriesQuery(new TimeSeriesFilter(filter, aggregation), null), "LINE", legend);
    }

    private static Widget chart(String title, List<DataSet> dataSets, List<Threshold> thresholds, String unit) {
        return new Widget(title, new XyChart(dataSets, thresholds, new Axis(unit, "LINEAR")));
    }

    /** Charts two per row, each half the width. */
    private static Dashboard dashboard(String title, List<Widget> widgets) {
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < widgets.size(); i++) {
            tiles.add(new Tile((i % 2) * COLUMNS / 2, (i / 2) * 4, COLUMNS / 2, 4, widgets.get(i)));
        }
        return new Dashboard(title, new MosaicLayout(COLUMNS, tiles));
    }
}
