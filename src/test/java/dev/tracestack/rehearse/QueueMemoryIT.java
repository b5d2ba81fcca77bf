package dev.tracestack.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracestack.config.StackConfig;
import dev.tracestack.programs.ChildProcess;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import dev.tracestack.render.Artifacts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.collector.CollectorConfig;
import dev.tracestack.render.collector.CollectorConfigRenderer;
import dev.tracestack.render.collector.CollectorTier;
import dev.tracestack.render.collector.QueueBudget;
import dev.tracestack.testing.E2ePrograms;
import dev.tracestack.testing.StackHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exporter queue as rendered, filled on the real collector while its backend is unreachable: the heap a
 * queued span takes, and that a full queue stays within its share of half the memory limit ({@link QueueBudget}).
 * The stage sampler's queue to Jaeger behind the deployed batch processor, fed the rehearsal's traffic (PII
 * spans with every attribute still on, so the spans are larger than after the gateway). {@code GOGC=10} keeps
 * the heap close to what is live.
 */
class QueueMemoryIT {

    private static final String HEAP = "otelcol_process_runtime_heap_alloc_bytes";
    private static final String QUEUE_SIZE = "otelcol_exporter_queue_size";

    @Test
    void aFullQueueTakesUnderItsShareOfHalfTheMemoryLimit(@TempDir Path dir) throws Exception {
        StackConfig stage = StackHarness.config("stage");
        JsonNode sampler = Artifacts.YAML.readTree(RenderedStack.render(stage).file("collector/sampler.yaml"));
        LoopbackPorts ports = new LoopbackPorts();
        ObjectNode exporter = sampler.at("/exporters/otlp_grpc~1jaeger").deepCopy();
        exporter.put("endpoint", ports.address());
        long capacity = exporter.at("/sending_queue/queue_size").asLong();
        String receiver = ports.address();
        String health = ports.address();
        int metrics = ports.next();
        ObjectNode config = Artifacts.YAML.createObjectNode();
        config.putObject("receivers").putObject("otlp").putObject("protocols").putObject("grpc").put("endpoint", receiver);
        config.putObject("processors").set("batch", sampler.at("/processors/batch"));
        config.putObject("exporters").set("otlp_grpc/jaeger", exporter);
        config.putObject("extensions").putObject("health_check").put("endpoint", health);
        config.set("service", Artifacts.YAML.readTree("""
                extensions: [health_check]
                telemetry: {metrics: {level: normal, readers: [{pull: {exporter: {prometheus: {host: 127.0.0.1, port: %d}}}}]}}
                pipelines: {traces: {receivers: [otlp], processors: [batch], exporters: [otlp_grpc/jaeger]}}
                """.formatted(metrics)));
        Path file = dir.resolve("queue.yaml");
        Files.writeString(file, Artifacts.YAML.writeValueAsString(config));

        double idle;
        double full;
        double queued;
        try (ChildProcesses processes = new ChildProcesses()) {
            ChildProcess collector = processes.start("queue", List.of(E2ePrograms.COLLECTOR.toString(), "--config",
                    file.toString()), Map.of("GOGC", "10"), dir.resolve("queue.log"));
            ChildProcesses.awaitHealthy(collector, "http://" + health + "/", Duration.ofSeconds(30));
            idle = PrometheusScrape.least(metrics, HEAP, 10);
            queued = 0;
            try (TrafficGenerator traffic = new TrafficGenerator(List.of(receiver), 13, stage.collector(),
                    stage.sampling().slowThresholdMs())) {
                // About 27,000 spans a round; the batch processor passes them on within its 5 s timeout.
                for (int round = 0; round < 20 && queued < 0.95 * capacity; round++) {
                    traffic.send(6000, 1e9, i -> { });
                    traffic.flush();
                    ChildProcesses.sleep(Duration.ofSeconds(6));
                    queued = PrometheusScrape.sum(metrics, QUEUE_SIZE);
                }
            }
            full = PrometheusScrape.least(metrics, HEAP, 15);
            assertThat(PrometheusScrape.sum(metrics, "otelcol_exporter_queue_capacity")).isEqualTo(capacity);
            collector.stop();
        }
        double perSpan = (full - idle) / queued;
        CollectorConfig rendered = CollectorConfigRenderer.config(stage, CollectorTier.of(stage).get(1));
        int queues = QueueBudget.inMemoryQueues(rendered.exporters(), rendered.service().pipelines());
        long share = (long) stage.collector().resources().memoryLimitMiB() * 1024 * 1024 * QueueBudget.SHARE_PERCENT / 100
                / queues;
        System.out.printf(Locale.ROOT, "queue of %d spans: %.0f queued, heap %.1f MiB idle, %.1f MiB full: %.0f bytes a "
                + "span; share of the budget %.1f MiB%n", capacity, queued, idle / 1048576, full / 1048576, perSpan,
                share / 1048576.0);

        assertThat(queued).as("the queue filled").isGreaterThanOrEqualTo(0.9 * capacity);
        assertThat(perSpan).as("heap a queued span takes").isLessThanOrEqualTo(QueueBudget.HEAP_BYTES_PER_QUEUED_ITEM);
        assertThat(full - idle).as("a full queue's heap").isLessThanOrEqualTo(share);
    }
}
