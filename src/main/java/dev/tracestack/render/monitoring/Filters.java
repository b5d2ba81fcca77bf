package dev.tracestack.render.monitoring;

import dev.tracestack.config.SpanKind;
import dev.tracestack.wire.ServiceAttributes;
import dev.tracestack.wire.WellKnownNames;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Cloud Monitoring filter expressions (monitoring filters, not JSON: no serializer applies). Label names are
 * as the {@code googlecloud} exporter writes them: attribute keys with every non-alphanumeric character
 * replaced by '_' ({@code service.name} becomes {@code service_name}).
 */
final class Filters {

    static final String SERVICE = "metric.label.service_name";
    static final String EXPORTER = "metric.label.exporter";
    static final String RECEIVER = "metric.label.receiver";
    static final String INSTANCE = "metric.label.service_instance_id";
    static final String POD = "resource.label.pod_name";
    static final String STATUS_CODE = "metric.label.status_code";
    static final String SPAN_KIND = "metric.label.span_kind";
    /** The spanmetrics connector's {@code status.code} value of failed spans. */
    static final String STATUS_ERROR = "STATUS_CODE_ERROR";
    /** ECK names the Elasticsearch container {@code elasticsearch}. */
    static final String ELASTICSEARCH_CONTAINER = "elasticsearch";

    private Filters() {
    }

    /**
     * Everything of one metric type on the monitored resource type it is written with, narrowed by further
     * clauses. The Monitoring API refuses an alert condition whose filter does not restrict {@code resource.type}
     * ({@link MonitoringApiRules}).
     */
    static String metric(String type, String... clauses) {
        MetricCatalog.Metric metric = MetricCatalog.find(type).orElseThrow(() -> new IllegalArgumentException(
                "metric type " + type + " is not in the MetricCatalog"));
        List<String> parts = new ArrayList<>();
        parts.add("metric.type=\"" + type + "\"");
        parts.add(equal("resource.type", metric.resourceType()));
        parts.addAll(List.of(clauses));
        return String.join(" AND ", parts);
    }

    /** The metric label the googlecloud exporter makes of a span attribute the span metrics carry. */
    static String label(String attribute) {
        return "metric.label." + ServiceAttributes.label(attribute);
    }

    /** The span metrics of spans of these kinds (the connector's {@code span.kind} dimension). */
    static String spanKinds(List<SpanKind> kinds) {
        return SPAN_KIND + "=one_of(" + kinds.stream().map(kind -> "\"" + kind.dimensionValue() + "\"")
                .collect(Collectors.joining(",")) + ")";
    }

    static String equal(String label, String value) {
        return label + "=\"" + value + "\"";
    }

    /** The containers of the pods behind the Jaeger Services (collector and query roles). */
    static String jaegerPods() {
        return POD + "=monitoring.regex.full_match(\"(" + WellKnownNames.JAEGER_COLLECTOR_SERVICE + "|"
                + WellKnownNames.JAEGER_QUERY_SERVICE + ")-.*\")";
    }

    /** ECK names an Elasticsearch cluster's pods {@code <cluster>-es-<node set>-<n>}. */
    static String elasticsearchPods() {
        return POD + "=starts_with(\"" + WellKnownNames.ELASTICSEARCH_CLUSTER + "-es-\")";
    }

    /** A GKE system metric of the containers or pods in the stack's namespace. */
    static String kubernetes(String type, String namespace, String... clauses) {
        List<String> all = new ArrayList<>();
        all.add(equal("resource.label.namespace_name", namespace));
        all.addAll(List.of(clauses));
        return metric(type, all.toArray(String[]::new));
    }
}
