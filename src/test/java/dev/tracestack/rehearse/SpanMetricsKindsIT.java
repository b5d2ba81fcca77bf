package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.monitoring.MetricCatalog;
import dev.tracestack.testing.E2ePrograms;
import dev.tracestack.testing.StackHarness;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        String deployed = RenderedStack.render(StackHarness.config("prod")).file("collector/gateway.yaml");
        LoopbackPorts ports = new LoopbackPorts();
        Files.createDirectories(dir.resolve("state"));
        GoogleApiRecorder google = GoogleApiRecorder.start(dir.resolve("received"));
        CollectorRewiring.Addresses addresses = CollectorRewiring.Addresses.allocate(ports, ports.address(),
                resolver -> resolver, ports.address(), google.endpoint(), dir.resolve("state"));
        RehearsalLayout layout = RehearsalLayout.create(dir.resolve("rehearsal"));
        // Only here: the connector flushes every 2 s instead of every minute, to see its points within the test.
        String config = CollectorRewiring.rewire("gateway-0", deployed, addresses).rewired()
                .replace("metrics_flush_interval: 60s", "metrics_flush_interval: 2s");
        assertThat(config).contains("metrics_flush_interval: 2s");
        Path file = layout.root().resolve("configs/gateway-0.yaml");
        Files.writeString(file, config);

        try (google; ChildProcesses processes = new ChildProcesses()) {
            ChildProcess collector = processes.start("gateway-0", List.of(E2ePrograms.COLLECTOR.toString(),
                    "--config", file.toString()), SecretEnvironment.gateway(), layout.log("gateway-0"));
            ChildProcesses.awaitHealthy(collector, "http://" + addresses.healthCheck() + "/", Duration.ofSeconds(30));
            sendOneSpanOfEachKind("http://" + addresses.otlpGrpc());
            ChildProcesses.sleep(Duration.ofSeconds(8));
            collector.stop();
        }
        Set<String> kinds = new TreeSet<>();
        Capture.cloudMonitoring(dir.resolve("received").resolve(GoogleApiRecorder.MONITORING_FILE)).series().stream().filter(series -> series.metricType().startsWith(MetricCatalog.WORKLOAD + "traces.span.metrics."))
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
