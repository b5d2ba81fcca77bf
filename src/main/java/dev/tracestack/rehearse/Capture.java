package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.devtools.cloudtrace.v2.BatchWriteSpansRequest;
import com.google.monitoring.v3.CreateTimeSeriesRequest;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.pubsub.v1.PublishRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one backend received: OTLP JSON lines (the Jaeger capture is the query API's OTLP JSON, one
 * trace per line), or the requests {@link GoogleApiRecorder} recorded for Cloud Trace, Pub/Sub (whose
 * messages' data is OTLP JSON, as the exporter's encoding makes it) and Cloud Monitoring.
 *
 * @param spans  every span, by trace id (32 hex characters)
 * @param series every time series written to Cloud Monitoring, once per point written
 */
record Capture(Map<String, List<CapturedSpan>> spans, List<WrittenSeries> series) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SPAN_NAME = Pattern.compile("projects/[^/]+/traces/([0-9a-fA-F]{32})/spans/([0-9a-fA-F]{16})");

    /**
     * One span as delivered. In Cloud Trace a span has no resource: the exporter copies the resource's
     * attributes among the span's, where a span's own attribute of the same key wins, so there both maps
     * are the span's attributes as stored; its status code is google.rpc's (2, UNKNOWN, for an error, the
     * value of OTLP's ERROR).
     */
    record CapturedSpan(String spanId, String name, int statusCode, Map<String, String> attributes,
                        Map<String, String> resource) {
    }

    /** One time series as a {@code CreateTimeSeries} request wrote it: metric type and labels, monitored resource. */
    record WrittenSeries(String metricType, Map<String, String> labels, String resourceType,
                         Map<String, String> resourceLabels) {
    }

    static Capture empty() {
        return new Capture(Map.of(), List.of());
    }

    /** Reads every line of every OTLP JSON file; absent files count as nothing delivered. */
    static Capture read(List<Path> files) {
        Map<String, List<CapturedSpan>> spans = new LinkedHashMap<>();
        files.forEach(file -> lines(file).forEach(line -> parse(line, spans)));
        return new Capture(spans, List.of());
    }

    /** The spans of every {@code BatchWriteSpans} request recorded in {@code file}. */
    static Capture cloudTrace(Path file) {
        Map<String, List<CapturedSpan>> spans = new LinkedHashMap<>();
        for (String line : lines(file)) {
            BatchWriteSpansRequest.Builder request = BatchWriteSpansRequest.newBuilder();
            merge(line, request);
            for (com.google.devtools.cloudtrace.v2.Span span : request.getSpansList()) {
                Matcher name = SPAN_NAME.matcher(span.getName());
                if (!name.matches()) {
                    throw new RehearsalException("a Cloud Trace span named " + span.getName()
                            + ", not projects/P/traces/TRACE_ID/spans/SPAN_ID");
                }
                Map<String, String> attributes = new HashMap<>();
                span.getAttributes().getAttributeMapMap().forEach((key, value) -> attributes.put(key,
                        value.hasStringValue() ? value.getStringValue().getValue()
                                : value.hasIntValue() ? Long.toString(value.getIntValue())
                                : Boolean.toString(value.getBoolValue())));
                spans.computeIfAbsent(name.group(1).toLowerCase(), id -> new ArrayList<>())
                        .add(new CapturedSpan(name.group(2).toLowerCase(), span.getDisplayName().getValue(),
                                span.getStatus().getCode(), attributes, attributes));
            }
        }
        return new Capture(spans, List.of());
    }

    /** The spans of every message of every {@code Publish} request recorded in {@code file}. */
    static Capture pubsub(Path file) {
        Map<String, List<CapturedSpan>> spans = new LinkedHashMap<>();
        for (String line : lines(file)) {
            PublishRequest.Builder request = PublishRequest.newBuilder();
            merge(line, request);
            request.getMessagesList().forEach(message -> parse(message.getData().toStringUtf8(), spans));
        }
        return new Capture(spans, List.of());
    }

    /** Every series of every {@code CreateTimeSeries} request recorded in {@code file}. */
    static Capture cloudMonitoring(Path file) {
        List<WrittenSeries> series = new ArrayList<>();
        for (String line : lines(file)) {
            if (!method(line).endsWith("/CreateTimeSeries")) {
                continue;
            }
            CreateTimeSeriesRequest.Builder request = CreateTimeSeriesRequest.newBuilder();
            merge(line, request);
            request.getTimeSeriesList().forEach(ts -> series.add(new WrittenSeries(ts.getMetric().getType(),
                    ts.getMetric().getLabelsMap(), ts.getResource().getType(), ts.getResource().getLabelsMap())));
        }
        return new Capture(Map.of(), series);
    }

    private static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String method(String line) {
        try {
            return JSON.readTree(line).path("method").asText();
        } catch (IOException e) {
            throw new RehearsalException("not a recorded request: " + line.substring(0, Math.min(120, line.length())));
        }
    }

    /** Parses a recorded line's request into {@code builder}, refusing a field the API does not have. */
    private static void merge(String line, Message.Builder builder) {
        try {
            JsonFormat.parser().usingTypeRegistry(GoogleApiRecorder.TYPES)
                    .merge(JSON.readTree(line).path("request").toString(), builder);
        } catch (IOException e) {
            throw new RehearsalException("not a recorded " + builder.getDescriptorForType().getFullName() + ": "
                    + line.substring(0, Math.min(120, line.length())));
        }
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

    private static void parse(String line, Map<String, List<CapturedSpan>> spans) {
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
