package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one exporter delivered, read from OTLP JSON lines (the collector's {@code file} exporter writes
 * one export request per line; the Jaeger capture is the query API's OTLP JSON, one trace per line).
 *
 * @param spans   every span, by trace id (32 hex characters)
 * @param metrics every metric data stream: its name, its point attributes and its resource attributes
 */
record Capture(Map<String, List<CapturedSpan>> spans, List<CapturedMetric> metrics) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One span as delivered. */
    record CapturedSpan(String spanId, String name, int statusCode, Map<String, String> attributes,
                        Map<String, String> resource) {
    }

    /** One metric data point's identity as delivered. */
    record CapturedMetric(String name, Map<String, String> attributes, Map<String, String> resource) {
    }

    static Capture empty() {
        return new Capture(Map.of(), List.of());
    }

    /** Reads every line of every file; absent files count as nothing delivered. */
    static Capture read(List<Path> files) {
        Map<String, List<CapturedSpan>> spans = new LinkedHashMap<>();
        List<CapturedMetric> metrics = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(file)) {
                lines.filter(line -> !line.isBlank()).forEach(line -> parse(line, spans, metrics));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new Capture(spans, metrics);
    }

    /** The traces with at least one span. */
    java.util.Set<String> traceIds() {
        return spans.keySet();
    }

    /** How many distinct spans of a trace were delivered (a span delivered twice counts once). */
    int spanCount(String traceId) {
        return (int) spans.getOrDefault(traceId, List.of()).stream().map(CapturedSpan::spanId).distinct().count();
    }

    /** How many spans were delivered more than once, counting every extra copy. */
    long duplicates() {
        return spans.values().stream().mapToLong(list -> list.size() - list.stream().map(CapturedSpan::spanId).distinct().count())
                .sum();
    }

    private static void parse(String line, Map<String, List<CapturedSpan>> spans, List<CapturedMetric> metrics) {
        JsonNode request;
        try {
            request = JSON.readTree(line);
        } catch (IOException e) {
            throw new RehearsalException("not an OTLP JSON line: " + line.substring(0, Math.min(120, line.length())));
        }
        if (request.has("result")) {
            request = request.get("result");
        }
        for (JsonNode resourceSpans : request.path("resourceSpans")) {
            Map<String, String> resource = attributes(resourceSpans.path("resource").path("attributes"));
            for (JsonNode scope : resourceSpans.path("scopeSpans")) {
                for (JsonNode span : scope.path("spans")) {
                    spans.computeIfAbsent(span.path("traceId").asText().toLowerCase(), id -> new ArrayList<>())
                            .add(new CapturedSpan(span.path("spanId").asText().toLowerCase(), span.path("name").asText(),
                                    span.path("status").path("code").asInt(0), attributes(span.path("attributes")),
                                    resource));
                }
            }
        }
        for (JsonNode resourceMetrics : request.path("resourceMetrics")) {
            Map<String, String> resource = attributes(resourceMetrics.path("resource").path("attributes"));
            for (JsonNode scope : resourceMetrics.path("scopeMetrics")) {
                for (JsonNode metric : scope.path("metrics")) {
                    for (String kind : List.of("sum", "gauge", "histogram", "exponentialHistogram", "summary")) {
                        for (JsonNode point : metric.path(kind).path("dataPoints")) {
                            metrics.add(new CapturedMetric(metric.path("name").asText(),
                                    attributes(point.path("attributes")), resource));
                        }
                    }
                }
            }
        }
    }

    /** OTLP JSON's key/value list as a map of the values' text. */
    private static Map<String, String> attributes(JsonNode list) {
        Map<String, String> attributes = new HashMap<>();
        for (JsonNode attribute : list) {
            JsonNode value = attribute.path("value");
            String text = value.has("stringValue") ? value.get("stringValue").asText()
                    : value.fields().hasNext() ? value.fields().next().getValue().asText() : "";
            attributes.put(attribute.path("key").asText(), text);
        }
        return attributes;
    }
}
