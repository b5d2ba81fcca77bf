package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.programs.ChildProcess;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.monitoring.MetricCatalog;
import dev.tracestack.testing.E2ePrograms;
import dev.tracestack.testing.StackHarness;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics/self pipeline carries the collector's own metrics under both spellings, {@code otelcol_*}
 * (collector 0.158's names) and {@code otelcol.*} (its pipeline telemetry, behind the
 * {@code telemetry.newPipelineTelemetry} gate in 0.158, the names later releases use), and nothing an
 * application sends: a workload that pushes a series named like the collector's to the OTLP receiver it sends
 * spans to does not reach Cloud Monitoring. Measured by capturing what the pipeline exports on the real
 * collector with that gate on.
 */
class SelfTelemetryIT {

    private static final String FORGED = "otelcol_exporter_send_failed_spans";

    @Test
    void theCollectorsOwnMetricsReachCloudMonitoringAndAWorkloadsLookAlikesDoNot(@TempDir Path dir) throws Exception {
        String deployed = RenderedStack.render(StackHarness.config("dev")).file("collector/sampler.yaml");
        LoopbackPorts ports = new LoopbackPorts();
        GoogleApiRecorder google = GoogleApiRecorder.start(dir.resolve("received"));
        CollectorRewiring.Addresses addresses = CollectorRewiring.Addresses.allocate(ports, ports.address(),
                resolver -> resolver, ports.address(), google.endpoint(), dir);
        RehearsalLayout layout = RehearsalLayout.create(dir.resolve("rehearsal"));
        // Only here: the self-telemetry push every 2 s instead of every minute, to see it within the test.
        String config = CollectorRewiring.rewire("sampler-0", deployed, addresses).rewired()
                .replace("interval: 60000", "interval: 2000");
        Path file = layout.root().resolve("configs/sampler-0.yaml");
        Files.writeString(file, config);

        boolean forgeryRefused;
        try (google; ChildProcesses processes = new ChildProcesses()) {
            ChildProcess collector = processes.start("sampler-0", List.of(E2ePrograms.COLLECTOR.toString(),
                    "--config", file.toString(), "--feature-gates=telemetry.newPipelineTelemetry"), Map.of(),
                    layout.log("sampler-0"));
            ChildProcesses.awaitHealthy(collector, "http://" + addresses.healthCheck() + "/", Duration.ofSeconds(30));
            forgeryRefused = !pushLookAlike("http://" + addresses.otlpGrpc());
            ChildProcesses.sleep(Duration.ofSeconds(10));
            collector.stop();
        }
        Set<String> names = new TreeSet<>();
        Capture.cloudMonitoring(dir.resolve("received").resolve(GoogleApiRecorder.MONITORING_FILE)).series()
                .forEach(series -> names.add(series.metricType().replace(MetricCatalog.WORKLOAD, "")));

        assertThat(names).contains("otelcol_process_uptime", "otelcol_receiver_accepted_metric_points",
                "otelcol.receiver.produced.items", "otelcol.processor.consumed.items");
        // The collector's telemetry also carries its gRPC client's and the googlecloud exporter's instruments:
        // filter/self keeps them out.
        assertThat(names).allMatch(name -> name.startsWith("otelcol_") || name.startsWith("otelcol."));
        // The collector itself writes that series only once an export failed, which it did not here.
        assertThat(names).doesNotContain(FORGED);
        assertThat(forgeryRefused).as("the OTLP receiver refused the workload's metrics").isTrue();
    }

    /** A workload's metric named like the collector's, pushed once; whether the receiver accepted it. */
    private static boolean pushLookAlike(String endpoint) {
        MetricExporter exporter = OtlpGrpcMetricExporter.builder().setEndpoint(endpoint).build();
        PeriodicMetricReader reader = PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build();
        try (SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build()) {
            provider.get("workload").counterBuilder(FORGED).build().add(1_000_000);
            return provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess();
        }
    }
}
