package dev.tracestack.rehearse;

import dev.tracestack.programs.LoopbackPorts;
import dev.tracestack.programs.ChildProcess;
import dev.tracestack.programs.ChildProcesses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.monitoring.MetricCatalog;
import dev.tracestack.render.monitoring.MonitoredResources;
import dev.tracestack.testing.E2ePrograms;
import dev.tracestack.testing.StackHarness;
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
        String deployed = RenderedStack.render(StackHarness.config("prod")).file("collector/gateway.yaml");
        LoopbackPorts ports = new LoopbackPorts();
        Files.createDirectories(dir.resolve("state"));
        Path received = dir.resolve("received");
        GoogleApiRecorder google = GoogleApiRecorder.start(received);
        CollectorRewiring.Addresses addresses = CollectorRewiring.Addresses.allocate(ports, ports.address(),
                resolver -> resolver, ports.address(), google.endpoint(), dir.resolve("state"));
        RehearsalLayout layout = RehearsalLayout.create(dir.resolve("rehearsal"));
        // Only here: span metrics and self-telemetry every 2 s instead of every minute, to see them within the test.
        String config = CollectorRewiring.rewire("gateway-0", deployed, addresses).rewired()
                .replace("metrics_flush_interval: 60s", "metrics_flush_interval: 2s")
                .replace("interval: 60000", "interval: 2000");
        assertThat(config).contains("metrics_flush_interval: 2s", "interval: 2000");
        Path file = layout.root().resolve("configs/gateway-0.yaml");
        Files.writeString(file, config);

        List<String> traceIds;
        try (google; ChildProcesses processes = new ChildProcesses()) {
            ChildProcess collector = processes.start("gateway-0", List.of(E2ePrograms.COLLECTOR.toString(),
                    "--config", file.toString()), SecretEnvironment.gateway(), layout.log("gateway-0"));
            ChildProcesses.awaitHealthy(collector, "http://" + addresses.healthCheck() + "/", Duration.ofSeconds(30));
            traceIds = sendServerSpans("http://" + addresses.otlpGrpc());
            ChildProcesses.sleep(Duration.ofSeconds(12));
            collector.stop();
        }

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
