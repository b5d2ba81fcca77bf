package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.monitoring.MetricCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether every alert condition's filter (threshold, absence, denominator) and every dashboard query
 * selects time series that were written to Cloud Monitoring, as the {@code CreateTimeSeries} requests
 * the rehearsal recorded hold them: the metric type, the monitored resource type, every label clause
 * the filter has ({@code =}, {@code !=} and {@code one_of} compared with the written value, any other
 * function by the label's presence), and every label it groups by. Only the collector's metrics can be
 * checked this way; for the others the check says why not, per the metric's {@link MetricCatalog.Source}.
 */
final class MetricCoverageCheck {

    /**
     * Counters of failures. The collector's metrics SDK writes a counter's first point at its first
     * increment, so a run in which nothing failed writes none of these; where one is written, its
     * filters are checked like any other.
     */
    static final Set<String> FAILURE_COUNTERS = Set.of(MetricCatalog.SEND_FAILED_SPANS, MetricCatalog.ENQUEUE_FAILED_SPANS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RESOURCE_TYPE = Pattern.compile("\\bresource\\.type\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern LABEL_CLAUSE = Pattern.compile(
            "\\b(metric|resource)\\.labels?\\.([A-Za-z0-9_]+)\\s*(!=|=)\\s*(\"[^\"]*\"|one_of\\(([^)]*)\\)|[a-z_.]+\\([^)]*\\))");
    private static final Pattern GROUP_BY = Pattern.compile("(metric|resource)\\.labels?\\.([A-Za-z0-9_]+)");

    private MetricCoverageCheck() {
    }

    /**
     * One filter of a rendered alert policy or dashboard.
     *
     * @param where   the policy and condition, or the dashboard and widget, and the field
     * @param filter  the filter text
     * @param groupBy the fields its aggregations group by
     */
    record Query(String where, String filter, List<String> groupBy) {
    }

    /**
     * What the check found.
     *
     * @param checked    the queries that select written series
     * @param failed     each query that selects nothing, with what is missing
     * @param notChecked each query that cannot be checked from the collector's writes, with why
     */
    record Result(List<String> checked, List<String> failed, List<String> notChecked) {
    }

    /** Every filter of the rendered alert policies and dashboards. */
    static List<Query> queries(RenderedStack rendered) {
        List<Query> queries = new ArrayList<>();
        rendered.files().forEach((path, text) -> {
            if (path.equals("monitoring/alert-policies.json")) {
                parse(text).fields().forEachRemaining(policy -> collect(policy.getValue(),
                        "alert policy " + policy.getKey(), queries));
            } else if (path.startsWith("monitoring/dashboards/") && path.endsWith(".json")) {
                collect(parse(text), "dashboard " + path.substring("monitoring/dashboards/".length()), queries);
            }
        });
        return queries;
    }

    private static void collect(JsonNode node, String where, List<Query> queries) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, where, queries));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String here = where;
        if (node.path("conditionThreshold").isObject() || node.path("conditionAbsent").isObject()) {
            here = where + ", condition \"" + node.path("displayName").asText() + "\"";
        } else if (node.path("title").isTextual()) {
            here = where + ", widget \"" + node.path("title").asText() + "\"";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isTextual() && field.getKey().toLowerCase().endsWith("filter")) {
                // A threshold's denominator has aggregations of its own; every other filter is grouped by
                // the aggregations beside it.
                boolean denominator = field.getKey().equals("denominatorFilter");
                List<String> groupBy = new ArrayList<>();
                node.fields().forEachRemaining(sibling -> {
                    if (sibling.getKey().equals("denominatorAggregations") == denominator) {
                        sibling.getValue().findValues("groupByFields")
                                .forEach(fields -> fields.forEach(f -> groupBy.add(f.asText())));
                    }
                });
                queries.add(new Query(here + ", " + field.getKey(), field.getValue().asText(), groupBy));
            } else {
                collect(field.getValue(), here, queries);
            }
        }
    }

    /** Checks every query against the series written, deciding per metric source what can be checked. */
    static Result check(List<Query> queries, List<Capture.WrittenSeries> written) {
        Set<String> writtenTypes = written.stream().map(Capture.WrittenSeries::metricType).collect(Collectors.toSet());
        List<String> checked = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        for (Query query : queries) {
            Set<String> types = MetricCatalog.typesIn(query.filter());
            String type = types.size() == 1 ? types.iterator().next() : null;
            MetricCatalog.Metric metric = type == null ? null : MetricCatalog.find(type).orElse(null);
            if (metric == null) {
                failed.add(query.where() + ": reads " + types + ", not one catalogued metric type");
                continue;
            }
            String unchecked = switch (metric.source()) {
                case GOOGLE_BUILT_IN -> "written by Google Cloud itself, not by the collector";
                case LOG_BASED_METRIC -> "a log-based metric, written by Cloud Logging from log entries";
                case COLLECTOR_SPANMETRICS, COLLECTOR_SELF_TELEMETRY ->
                        FAILURE_COUNTERS.contains(type) && !writtenTypes.contains(type)
                                ? "written only after a failure, and nothing failed" : null;
            };
            if (unchecked != null) {
                notChecked.add(query.where() + " (" + type + "): " + unchecked);
                continue;
            }
            String missing = missing(query, type, written);
            if (missing == null) {
                checked.add(query.where());
            } else {
                failed.add(query.where() + ": selects nothing written, " + missing);
            }
        }
        return new Result(checked, failed, notChecked);
    }

    /** Why no written series matches the query, or {@code null} when one does. */
    private static String missing(Query query, String type, List<Capture.WrittenSeries> written) {
        List<Capture.WrittenSeries> ofType = written.stream().filter(s -> s.metricType().equals(type)).toList();
        if (ofType.isEmpty()) {
            return "no series of " + type;
        }
        Matcher resourceType = RESOURCE_TYPE.matcher(query.filter());
        if (resourceType.find()) {
            String wanted = resourceType.group(1);
            List<Capture.WrittenSeries> onResource = ofType.stream().filter(s -> s.resourceType().equals(wanted)).toList();
            if (onResource.isEmpty()) {
                return type + " is written with resource.type " + ofType.stream().map(Capture.WrittenSeries::resourceType)
                        .collect(Collectors.toCollection(TreeSet::new)) + ", not \"" + wanted + "\"";
            }
            ofType = onResource;
        }
        List<Capture.WrittenSeries> selected = ofType;
        Matcher clause = LABEL_CLAUSE.matcher(query.filter());
        while (clause.find()) {
            boolean ofMetric = clause.group(1).equals("metric");
            String label = clause.group(2);
            String text = clause.group(0);
            boolean negated = clause.group(3).equals("!=");
            String operand = clause.group(4);
            Set<String> values = operand.startsWith("\"") ? Set.of(operand.substring(1, operand.length() - 1))
                    : clause.group(5) != null ? Arrays.stream(clause.group(5).split(","))
                    .map(v -> v.trim().replaceAll("^\"|\"$", "")).collect(Collectors.toSet()) : null;
            List<Capture.WrittenSeries> before = selected;
            selected = selected.stream().filter(s -> {
                String value = (ofMetric ? s.labels() : s.resourceLabels()).get(label);
                return value != null && (values == null || values.contains(value) != negated);
            }).toList();
            if (selected.isEmpty()) {
                Set<String> seen = before.stream().map(s -> (ofMetric ? s.labels() : s.resourceLabels()).get(label))
                        .map(v -> v == null ? "(absent)" : v).collect(Collectors.toCollection(TreeSet::new));
                return "no series of " + type + " matching " + text + " (its values there: " + seen + ")";
            }
        }
        for (String field : query.groupBy()) {
            Matcher group = GROUP_BY.matcher(field);
            if (!group.matches()) {
                return "groups by " + field + ", not a metric or resource label";
            }
            boolean ofMetric = group.group(1).equals("metric");
            if (selected.stream().noneMatch(s -> (ofMetric ? s.labels() : s.resourceLabels()).containsKey(group.group(2)))) {
                return "groups by " + field + ", which no selected series of " + type + " has";
            }
        }
        return null;
    }

    /** Each monitored resource type written, with the metric types written on it (prefix {@code workload.googleapis.com/} left off). */
    static Map<String, Set<String>> resourceTypes(List<Capture.WrittenSeries> written) {
        Map<String, Set<String>> types = new TreeMap<>();
        written.forEach(s -> types.computeIfAbsent(s.resourceType(), t -> new TreeSet<>())
                .add(s.metricType().replace(MetricCatalog.WORKLOAD, "")));
        return types;
    }

    /** Each written metric type whose monitored resource type is not the one the MetricCatalog gives it. */
    static List<String> offCatalog(List<Capture.WrittenSeries> written) {
        Map<String, Set<String>> byType = new TreeMap<>();
        written.forEach(s -> byType.computeIfAbsent(s.metricType(), t -> new TreeSet<>()).add(s.resourceType()));
        List<String> off = new ArrayList<>();
        byType.forEach((type, resources) -> MetricCatalog.find(type).ifPresentOrElse(metric -> {
            if (!resources.equals(Set.of(metric.resourceType()))) {
                off.add(type + " written on " + resources + ", catalogued on " + metric.resourceType());
            }
        }, () -> { }));
        return off;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
