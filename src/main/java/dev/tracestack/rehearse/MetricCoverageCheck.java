package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.monitoring.MetricCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the metrics the collector delivered carry every metric type and label the stack's alert
 * policies and dashboards read. Names and labels are mapped as the googlecloud exporter maps them
 * (GoogleCloudPlatform/opentelemetry-operations-go exporter/collector v0.59.0, the version collector
 * 0.158 builds with): the metric type is {@code path.Join(metric.prefix, name)} ({@code metricNameToType});
 * point attributes become labels with every character that is not a letter or a digit replaced by
 * {@code _} ({@code sanitizeKey}); {@code service.name}, {@code service.namespace} and
 * {@code service.instance.id} of the resource are added the same way ({@code service_resource_labels},
 * on by default).
 */
final class MetricCoverageCheck {

    /**
     * Counters of failures. The collector's metrics SDK writes a counter's first point at its first
     * increment, so a run in which nothing failed delivers none of these; where one is delivered, its
     * labels are checked like any other.
     */
    static final Set<String> FAILURE_COUNTERS = Set.of(MetricCatalog.SEND_FAILED_SPANS, MetricCatalog.ENQUEUE_FAILED_SPANS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("metric\\.labels?\\.([A-Za-z0-9_]+)");
    private static final Set<String> SERVICE_RESOURCE = Set.of("service.name", "service.namespace", "service.instance.id");

    private MetricCoverageCheck() {
    }

    /** Metric type to the labels any of its data points carry, as Cloud Monitoring would store them. */
    static Map<String, Set<String>> asCloudMonitoringWouldStore(Capture capture, String prefix) {
        Map<String, Set<String>> types = new TreeMap<>();
        for (Capture.CapturedMetric metric : capture.metrics()) {
            Set<String> labels = types.computeIfAbsent(join(prefix, metric.name()), t -> new TreeSet<>());
            metric.attributes().keySet().forEach(key -> labels.add(sanitizeKey(key)));
            metric.resource().keySet().stream().filter(SERVICE_RESOURCE::contains)
                    .forEach(key -> labels.add(sanitizeKey(key)));
        }
        return types;
    }

    /**
     * Metric type to the labels the rendered alert policies and dashboards filter or group on, for the
     * types the collector writes ({@code workload.googleapis.com/}). A query is an object with a
     * {@code filter}; the labels it groups by sit in {@code groupByFields} beside or below it.
     */
    static Map<String, Set<String>> readByMonitoring(RenderedStack rendered) {
        Map<String, Set<String>> read = new TreeMap<>();
        rendered.files().forEach((path, text) -> {
            if (path.startsWith("monitoring/") && path.endsWith(".json")) {
                collect(parse(text), read);
            }
        });
        return read;
    }

    private static void collect(JsonNode node, Map<String, Set<String>> read) {
        if (node.isObject() && node.path("filter").isTextual()) {
            String filter = node.get("filter").asText();
            Set<String> labels = labels(filter);
            node.findValues("groupByFields").forEach(fields -> fields.forEach(f -> labels.addAll(labels(f.asText()))));
            MetricCatalog.typesIn(filter).stream().filter(t -> t.startsWith(MetricCatalog.WORKLOAD))
                    .forEach(type -> read.computeIfAbsent(type, t -> new TreeSet<>()).addAll(labels));
        }
        node.forEach(child -> collect(child, read));
    }

    /** Each type or label monitoring reads that the delivered metrics lack, e.g. {@code type} or {@code type{label}}. */
    static Set<String> missing(Map<String, Set<String>> read, Map<String, Set<String>> delivered) {
        Set<String> missing = new TreeSet<>();
        read.forEach((type, labels) -> {
            Set<String> have = delivered.get(type);
            if (have == null) {
                if (!FAILURE_COUNTERS.contains(type)) {
                    missing.add(type);
                }
                return;
            }
            Set<String> lacking = new HashSet<>(labels);
            lacking.removeAll(have);
            lacking.forEach(label -> missing.add(type + "{" + label + "}"));
        });
        return missing;
    }

    private static Set<String> labels(String filter) {
        Set<String> labels = new TreeSet<>();
        Matcher matcher = LABEL.matcher(filter);
        while (matcher.find()) {
            labels.add(matcher.group(1));
        }
        return labels;
    }

    /** Go's {@code path.Join} for a prefix ending in {@code /} and a name without one. */
    private static String join(String prefix, String name) {
        return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
    }

    static String sanitizeKey(String key) {
        StringBuilder out = new StringBuilder(key.length());
        key.codePoints().forEach(c -> out.appendCodePoint(Character.isLetterOrDigit(c) ? c : '_'));
        return !out.isEmpty() && Character.isDigit(out.charAt(0)) ? "key_" + out : out.toString();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
