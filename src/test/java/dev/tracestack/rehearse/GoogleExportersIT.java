package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.monitoring.MetricCatalog;
import dev.tracestack.render.monitoring.MonitoredResources;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prod's gateway, rewired only in its endpoints, runs the real googlecloud and googlecloudpubsub exporters
 * against the local recorder: what it records is what Cloud Trace, Cloud Monitoring and Pub/Sub would have
 * been sent, including the monitored resource types the exporter gives each metric family.
 */
class GoogleExportersIT {

    @Test
    void theRealExportersSendTracesMetricsAndMessagesToTheRecorder(@TempDir Path dir) throws Exception {
        // Only here: self-telemetry every 2 s as well, to see it within the test.
        List<String> traceIds = new ArrayList<>();
        Path received = SpanMetricsGateway.run(dir, config -> {
            String faster = config.replace("interval: 60000", "interval: 2000");
            assertThat(faster).contains("interval: 2000");
            return faster;
        }, Duration.ofSeconds(12), endpoint -> traceIds.addAll(sendServerSpans(endpoint)));

        Capture trace = Capture.cloudTrace(received.resolve(GoogleApiRecorder.TRACE_FILE));
        assertThat(trace.traceIds()).containsAll(traceIds);
        assertThat(trace.spans().get(traceIds.get(0))).singleElement().satisfies(span -> {
            assertThat(span.name()).isEqualTo("GET /cart");
            assertThat(span.attributes()).containsEntry("deployment.environment.name", "prod")
                    .containsEntry("deployment.environment", "prod");
        });

        List<String> publishes = Files.readAllLines(received.resolve(GoogleApiRecorder.PUBSUB_FILE));
        assertThat(publishes).isNotEmpty().allSatisfy(line -> {
            JsonNode request = Artifacts.JSON.readTree(line);
            assertThat(request.path("method").asText()).isEqualTo("google.pubsub.v1.Publisher/Publish");
            assertThat(request.at("/request/topic").asText()).isEqualTo("projects/dta-cloud-de-prod/topics/otel-traces-prod");
            assertThat(request.at("/request/messages/0/attributes/ce-type").asText()).isEqualTo("org.opentelemetry.otlp.traces.v1");
        });
        assertThat(Capture.pubsub(received.resolve(GoogleApiRecorder.PUBSUB_FILE)).traceIds()).containsAll(traceIds);

        List<Capture.WrittenSeries> series = Capture.cloudMonitoring(received.resolve(GoogleApiRecorder.MONITORING_FILE)).series();
        Map<String, Set<String>> resourceTypes = new TreeMap<>();
        series.forEach(s -> resourceTypes.computeIfAbsent(s.metricType(), t -> new TreeSet<>()).add(s.resourceType()));
        assertThat(resourceTypes).containsEntry(MetricCatalog.SPAN_CALLS, Set.of(MonitoredResources.GENERIC_NODE))
                .containsEntry(MetricCatalog.SPAN_DURATION, Set.of(MonitoredResources.GENERIC_NODE))
                .containsEntry(MetricCatalog.ACCEPTED_SPANS, Set.of(MonitoredResources.GENERIC_TASK))
                .containsEntry(MetricCatalog.UPTIME, Set.of(MonitoredResources.GENERIC_TASK));
        assertThat(MetricCoverageCheck.offCatalog(series)).isEmpty();
        assertThat(series).filteredOn(s -> s.metricType().equals(MetricCatalog.SPAN_CALLS))
                .anySatisfy(s -> assertThat(s.labels()).containsEntry("service_name", "checkout")
                        .containsEntry("span_kind", "SPAN_KIND_SERVER").containsEntry("status_code", "STATUS_CODE_ERROR"));
        assertThat(Files.readAllLines(received.resolve(GoogleApiRecorder.MONITORING_FILE)))
                .anyMatch(line -> line.startsWith("{\"method\":\"google.monitoring.v3.MetricService/CreateMetricDescriptor\""));
    }

    /** Three server spans of checkout, one an error, each its own trace; returns their trace ids. */
    private static List<String> sendServerSpans(String endpoint) {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout")))
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).build()))
                .build();
        Tracer tracer = provider.get("tracestack-google-exporters");
        List<String> traceIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Span span = tracer.spanBuilder("GET /cart").setSpanKind(SpanKind.SERVER).startSpan();
            if (i == 2) {
                span.setStatus(StatusCode.ERROR);
            }
            traceIds.add(span.getSpanContext().getTraceId());
            span.end();
        }
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        provider.shutdown().join(10, TimeUnit.SECONDS);
        return traceIds;
    }
}
