package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.render.monitoring.MetricCatalog;
import dev.tracestack.wire.ServiceAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sender cannot move its spans between alerts: prod's gateway, on the real collector, deletes the
 * {@code tracestack.*} attributes a client wrote on its spans and on its resource before it labels the
 * spans of services with objectives of their own. Measured on what reaches Pub/Sub and on the span metrics
 * written to Cloud Monitoring, whose labels the alert conditions filter on.
 */
class ReservedAttributesIT {

    private static final String LATENCY_LABEL = ServiceAttributes.label(ServiceAttributes.LATENCY_OBJECTIVE);
    private static final String ERRORS_LABEL = ServiceAttributes.label(ServiceAttributes.ERROR_RATE_OBJECTIVE);
    private static final String TEAM_LABEL = ServiceAttributes.label(ServiceAttributes.TEAM);

    @Test
    void forgedObjectiveAndTeamAttributesAreDeletedAndTheStacksOwnLabelsApply(@TempDir Path dir) throws Exception {
        Path received = SpanMetricsGateway.run(dir, endpoint -> {
            // An ordinary service claiming the critical service's objectives and a team, on span and resource.
            sendServerSpan(endpoint, "checkout", Map.of(ServiceAttributes.ERROR_RATE_OBJECTIVE, "1",
                    ServiceAttributes.TEAM, "payments"), Map.of(ServiceAttributes.LATENCY_OBJECTIVE, "500",
                    "tracestack.anything", "forged"));
            // The critical service claiming a looser latency objective than its own 500 ms.
            sendServerSpan(endpoint, "critical-service", Map.of(), Map.of(ServiceAttributes.LATENCY_OBJECTIVE, "99999"));
        });

        Map<String, Map<String, String>> labels = new HashMap<>();
        Capture.cloudMonitoring(received.resolve(GoogleApiRecorder.MONITORING_FILE)).series().stream()
                .filter(series -> series.metricType().equals(MetricCatalog.WORKLOAD + "traces.span.metrics.calls"))
                .forEach(series -> labels.put(series.labels().get("service_name"), series.labels()));
        assertThat(labels.get("checkout")).as("checkout's span metrics").containsEntry(LATENCY_LABEL, "default")
                .containsEntry(ERRORS_LABEL, "default").containsEntry(TEAM_LABEL, "none");
        assertThat(labels.get("critical-service")).as("critical-service's span metrics")
                .containsEntry(LATENCY_LABEL, "500").containsEntry(ERRORS_LABEL, "1");

        Map<String, Map<String, String>> published = new HashMap<>();
        Capture.pubsub(received.resolve(GoogleApiRecorder.PUBSUB_FILE)).spans().values().stream()
                .flatMap(List::stream).forEach(span -> {
                    Map<String, String> all = new HashMap<>(span.resource());
                    all.putAll(span.attributes());
                    published.put(all.get("service.name"), all);
                });
        assertThat(published.get("checkout").keySet()).as("checkout's span and resource attributes")
                .noneMatch(key -> key.startsWith(ServiceAttributes.RESERVED_PREFIX));
        assertThat(published.get("critical-service")).containsEntry(ServiceAttributes.LATENCY_OBJECTIVE, "500");
    }

    private static void sendServerSpan(String endpoint, String service, Map<String, String> resource,
                                       Map<String, String> attributes) {
        var resourceAttributes = Attributes.builder().put(AttributeKey.stringKey("service.name"), service);
        resource.forEach(resourceAttributes::put);
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(resourceAttributes.build()))
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).build()))
                .build();
        var span = provider.get("tracestack-reserved-attributes").spanBuilder("GET /orders").setSpanKind(SpanKind.SERVER);
        attributes.forEach(span::setAttribute);
        span.startSpan().end();
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }
}
