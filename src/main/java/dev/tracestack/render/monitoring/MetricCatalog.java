package dev.tracestack.render.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.wire.ServiceAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The single list of metric types alerts and dashboards may read, each with who writes it. Collector
 * entries are spelled exactly as the collector's {@code googlecloud} exporter writes them (prefix
 * {@code workload.googleapis.com/}, no {@code _total} suffix on the OTLP self-telemetry path), so they can
 * be compared with the rendered collector config.
 */
public final class MetricCatalog {

    /** Who writes a metric type into Cloud Monitoring. */
    public enum Source {
        /** The collector's {@code spanmetrics} connector, exported by its {@code metrics/spanmetrics} pipeline. */
        COLLECTOR_SPANMETRICS,
        /** The collector's own telemetry, pushed through its {@code metrics/self} pipeline. */
        COLLECTOR_SELF_TELEMETRY,
        /** A log-based metric that {@code TracingMonitoring} itself creates. */
        LOG_BASED_METRIC,
        /** A metric Google Cloud writes on its own (Cloud Trace, GKE system metrics). */
        GOOGLE_BUILT_IN
    }

    /**
     * One readable metric type.
     *
     * @param type        the Cloud Monitoring metric type
     * @param kind        GAUGE, DELTA or CUMULATIVE, as Cloud Monitoring stores it
     * @param source       who writes it
     * @param resourceType the monitored resource type it is written with ({@link MonitoredResources})
     * @param labels       the metric labels a filter or group-by may name: those the writer gives it
     * @param description  what it counts, and for built-ins where Google documents it
     */
    public record Metric(String type, String kind, Source source, String resourceType, List<String> labels,
                         String description) {

        public Metric {
            labels = List.copyOf(labels);
        }
    }

    /** The prefix the collector's googlecloud exporter gives every metric it writes. */
    public static final String WORKLOAD = "workload.googleapis.com/";
    public static final String SPAN_CALLS = WORKLOAD + "traces.span.metrics.calls";
    public static final String SPAN_DURATION = WORKLOAD + "traces.span.metrics.duration";
    public static final String ACCEPTED_SPANS = WORKLOAD + "otelcol_receiver_accepted_spans";
    public static final String REFUSED_SPANS = WORKLOAD + "otelcol_receiver_refused_spans";
    public static final String SENT_SPANS = WORKLOAD + "otelcol_exporter_sent_spans";
    public static final String SEND_FAILED_SPANS = WORKLOAD + "otelcol_exporter_send_failed_spans";
    public static final String ENQUEUE_FAILED_SPANS = WORKLOAD + "otelcol_exporter_enqueue_failed_spans";
    public static final String QUEUE_SIZE = WORKLOAD + "otelcol_exporter_queue_size";
    public static final String QUEUE_CAPACITY = WORKLOAD + "otelcol_exporter_queue_capacity";
    public static final String MEMORY_RSS = WORKLOAD + "otelcol_process_memory_rss";
    public static final String UPTIME = WORKLOAD + "otelcol_process_uptime";
    public static final String JAEGER_STORAGE_ERRORS = "logging.googleapis.com/user/" + LogMetrics.STORAGE_ERRORS;
    public static final String CLOUD_TRACE_SPANS = "cloudtrace.googleapis.com/billing/spans_ingested";
    public static final String CONTAINER_RESTARTS = "kubernetes.io/container/restart_count";
    public static final String CONTAINER_MEMORY = "kubernetes.io/container/memory/used_bytes";
    public static final String VOLUME_UTILIZATION = "kubernetes.io/pod/volume/utilization";
    public static final String PUBSUB_BACKLOG_AGE = "pubsub.googleapis.com/subscription/oldest_unacked_message_age";
    public static final String PUBSUB_UNDELIVERED = "pubsub.googleapis.com/subscription/num_undelivered_messages";
    public static final String PUBSUB_DEAD_LETTERS = "pubsub.googleapis.com/subscription/dead_letter_message_count";
    public static final String TRANSFER_RUNS = "bigquerydatatransfer.googleapis.com/transfer_config/completed_runs";
    public static final String ELASTICSEARCH_RED = "logging.googleapis.com/user/" + LogMetrics.ELASTICSEARCH_RED;
    public static final String SLM_FAILURES = "logging.googleapis.com/user/" + LogMetrics.SLM_FAILURES;

    /**
     * The labels the googlecloud exporter writes on every span metric: the connector's four dimensions, the
     * objective and team dimensions the gateway adds where services have them ({@code ObjectiveTags}), and
     * {@code service.namespace} (its {@code service_resource_labels}, on by default).
     */
    private static final List<String> SPAN_LABELS = List.of("service_name", "service_namespace", "span_kind", "status_code", ServiceAttributes.label(ServiceAttributes.TEAM),
            ServiceAttributes.label(ServiceAttributes.LATENCY_OBJECTIVE),
            ServiceAttributes.label(ServiceAttributes.ERROR_RATE_OBJECTIVE));
    /** The collector's own resource as metric labels ({@code service_resource_labels}). */
    private static final List<String> SELF_LABELS = List.of("service_name", "service_instance_id",
            "service_version");

    public static final List<Metric> METRICS = List.of(
            new Metric(SPAN_CALLS, "CUMULATIVE", Source.COLLECTOR_SPANMETRICS, MonitoredResources.GENERIC_NODE,
                    SPAN_LABELS, "spans per service.name, span.kind, status.code"),
            new Metric(SPAN_DURATION, "CUMULATIVE", Source.COLLECTOR_SPANMETRICS, MonitoredResources.GENERIC_NODE,
                    SPAN_LABELS, "span duration histogram in ms, buckets include 2000"),
            self(ACCEPTED_SPANS, "CUMULATIVE", List.of("receiver", "transport"), "spans a receiver accepted"),
            self(REFUSED_SPANS, "CUMULATIVE", List.of("receiver", "transport"), "spans a receiver refused"),
            self(SENT_SPANS, "CUMULATIVE", List.of("exporter"), "spans an exporter delivered"),
            self(SEND_FAILED_SPANS, "CUMULATIVE", List.of("exporter"),
                    "spans an exporter failed to deliver after retries"),
            self(ENQUEUE_FAILED_SPANS, "CUMULATIVE", List.of("exporter"),
                    "spans dropped because an exporter's sending queue was full"),
            self(QUEUE_SIZE, "GAUGE", List.of("exporter", "data_type"), "batches in an exporter's queue"),
            self(QUEUE_CAPACITY, "GAUGE", List.of("exporter", "data_type"), "an exporter's queue capacity"),
            self(MEMORY_RSS, "GAUGE", List.of(), "collector resident memory, bytes"),
            self(UPTIME, "CUMULATIVE", List.of(), "collector uptime, seconds: present while any collector runs"),
            // A log-based metric is written with the monitored resource of the log entries it counts.
            new Metric(JAEGER_STORAGE_ERRORS, "DELTA", Source.LOG_BASED_METRIC, MonitoredResources.K8S_CONTAINER,
                    List.of(), "Jaeger error log lines about Elasticsearch (log-based metric created by "
                    + "TracingMonitoring)"),
            new Metric(CLOUD_TRACE_SPANS, "DELTA", Source.GOOGLE_BUILT_IN, MonitoredResources.GLOBAL,
                    List.of("service", "chargeable"),
                    "spans Cloud Trace ingested (cloud.google.com/monitoring/api/metrics_gcp, cloudtrace)"),
            new Metric(CONTAINER_RESTARTS, "CUMULATIVE", Source.GOOGLE_BUILT_IN, MonitoredResources.K8S_CONTAINER,
                    List.of(), "container restarts (GKE system metric, "
                    + "cloud.google.com/monitoring/api/metrics_kubernetes)"),
            new Metric(CONTAINER_MEMORY, "GAUGE", Source.GOOGLE_BUILT_IN, MonitoredResources.K8S_CONTAINER,
                    List.of("memory_type"), "container memory in use (GKE system metric)"),
            new Metric(VOLUME_UTILIZATION, "GAUGE", Source.GOOGLE_BUILT_IN, MonitoredResources.K8S_POD,
                    List.of("volume_name"), "share of a pod volume in use (GKE system metric)"),
            new Metric(PUBSUB_BACKLOG_AGE, "GAUGE", Source.GOOGLE_BUILT_IN, MonitoredResources.PUBSUB_SUBSCRIPTION,
                    List.of(), "age of a subscription's oldest unacknowledged message, s (metrics_gcp_p_z, pubsub)"),
            new Metric(PUBSUB_UNDELIVERED, "GAUGE", Source.GOOGLE_BUILT_IN, MonitoredResources.PUBSUB_SUBSCRIPTION,
                    List.of(), "a subscription's unacknowledged messages (metrics_gcp_p_z, pubsub)"),
            new Metric(PUBSUB_DEAD_LETTERS, "DELTA", Source.GOOGLE_BUILT_IN, MonitoredResources.PUBSUB_SUBSCRIPTION,
                    List.of(), "messages a subscription forwarded to its dead-letter topic (metrics_gcp_p_z, pubsub)"),
            new Metric(TRANSFER_RUNS, "DELTA", Source.GOOGLE_BUILT_IN, MonitoredResources.BIGQUERY_DTS_CONFIG,
                    List.of("completion_state", "run_cause"),
                    "finished Data Transfer Service runs by completion_state (metrics_gcp_a_b, bigquerydatatransfer)"),
            new Metric(ELASTICSEARCH_RED, "DELTA", Source.LOG_BASED_METRIC, MonitoredResources.K8S_CONTAINER,
                    List.of(), "Elasticsearch log lines of a health change to red (log-based metric created by "
                    + "TracingMonitoring)"),
            new Metric(SLM_FAILURES, "DELTA", Source.LOG_BASED_METRIC, MonitoredResources.K8S_CONTAINER,
                    List.of(), "Elasticsearch snapshot lifecycle failures (log-based metric created by "
                    + "TracingMonitoring)"));

    private static final Pattern METRIC_TYPE = Pattern.compile("metric\\.type\\s*=\\s*\"([^\"]+)\"");

    private MetricCatalog() {
    }

    private static Metric self(String type, String kind, List<String> labels, String description) {
        List<String> all = new ArrayList<>(SELF_LABELS);
        all.addAll(labels);
        return new Metric(type, kind, Source.COLLECTOR_SELF_TELEMETRY, MonitoredResources.GENERIC_TASK, all,
                description);
    }

    /** The catalogued metric of a type. */
    public static Optional<Metric> find(String type) {
        return METRICS.stream().filter(metric -> metric.type().equals(type)).findFirst();
    }

    /** Every metric type a Cloud Monitoring filter names. */
    public static Set<String> typesIn(String filter) {
        Set<String> types = new LinkedHashSet<>();
        Matcher matcher = METRIC_TYPE.matcher(filter);
        while (matcher.find()) {
            types.add(matcher.group(1));
        }
        return types;
    }

    /** Every filter in a rendered Monitoring API document, by its JSON path. */
    public static Map<String, String> filtersIn(JsonNode document) {
        Map<String, String> filters = new LinkedHashMap<>();
        collectFilters(document, "", filters);
        return filters;
    }

    private static void collectFilters(JsonNode node, String path, Map<String, String> filters) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectFilters(node.get(i), path + "/" + i, filters);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path + "/" + field.getKey();
                if (field.getValue().isTextual() && field.getKey().toLowerCase().endsWith("filter")) {
                    filters.put(at, field.getValue().asText());
                } else {
                    collectFilters(field.getValue(), at, filters);
                }
            }
        }
    }

    /**
     * Fails when a filter reads a metric type nobody writes.
     *
     * @param filters filter text by where it is used (e.g. the alert's display name)
     */
    public static void requireCatalogued(Map<String, String> filters) {
        Set<String> known = METRICS.stream().map(Metric::type).collect(Collectors.toSet());
        Map<String, String> unknown = new TreeMap<>();
        filters.forEach((where, filter) -> typesIn(filter).stream()
                .filter(type -> !known.contains(type))
                .forEach(type -> unknown.put(type, where)));
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("metric types read but not in the MetricCatalog (nothing writes them): "
                    + unknown);
        }
    }
}
