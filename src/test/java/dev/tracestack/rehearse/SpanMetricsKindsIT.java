package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.render.monitoring.MetricCatalog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prod's gateway writes span metrics for the span kinds its objectives read (server and consumer) and
 * drops the points of the others before Cloud Monitoring, measured by capturing what its metrics/spanmetrics
 * pipeline exports on the real collector after spans of all five kinds went in.
 */
class SpanMetricsKindsIT {

    @Test
    void onlyTheObjectivesSpanKindsReachCloudMonitoring(@TempDir Path dir) throws Exception {
        Path received = SpanMetricsGateway.run(dir, SpanMetricsKindsIT::sendOneSpanOfEachKind);
        Set<String> kinds = new TreeSet<>();
        Capture.cloudMonitoring(received.resolve(GoogleApiRecorder.MONITORING_FILE)).series().stream().filter(series -> series.metricType().startsWith(MetricCatalog.WORKLOAD + "traces.span.metrics."))
                .forEach(series -> kinds.add(series.labels().get("span_kind")));

        assertThat(kinds).containsExactly("SPAN_KIND_CONSUMER", "SPAN_KIND_SERVER");
    }

    private static void sendOneSpanOfEachKind(String endpoint) {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "checkout")))
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).build()))
                .build();
        Tracer tracer = provider.get("tracestack-span-metrics-kinds");
        for (SpanKind kind : SpanKind.values()) {
            tracer.spanBuilder("work " + kind).setSpanKind(kind).startSpan().end();
        }
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }
}
