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
import dev.tracestack.render.collector.QueueBudget;
import dev.tracestack.testing.E2ePrograms;
import dev.tracestack.testing.StackHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prod's persistent queue to Jaeger as rendered (bytes sizer, {@code file_storage} with compaction on start),
 * filled on the real collector while Jaeger is unreachable, then restarted: the disk its store takes, at its
 * largest while the compaction's copy sits next to it, against the bytes the queue counts, and what the queue
 * still holds after the restart. {@link QueueBudget#VOLUME_SHARE_PERCENT} assumes the store and its copy take
 * at most 100/35 times the queued bytes.
 */
class QueueDiskIT {

    private static final String QUEUE_SIZE = "otelcol_exporter_queue_size";
    /** Only here: a 64 MiB queue instead of prod's 2 GiB, to fill it within the test. */
    private static final long TEST_QUEUE_BYTES = 64L << 20;

    @Test
    void aFullQueuesStoreAndItsCompactedCopyFitTheVolumeShare(@TempDir Path dir) throws Exception {
        StackConfig prod = StackHarness.config("prod");
        JsonNode gateway = Artifacts.YAML.readTree(RenderedStack.render(prod).file("collector/gateway.yaml"));
        LoopbackPorts ports = new LoopbackPorts();
        ObjectNode exporter = gateway.at("/exporters/otlp_grpc~1jaeger").deepCopy();
        assertThat(exporter.at("/sending_queue/sizer").asText()).isEqualTo("bytes");
        exporter.put("endpoint", ports.address());
        ((ObjectNode) exporter.get("sending_queue")).put("queue_size", TEST_QUEUE_BYTES);
        Path state = Files.createDirectories(dir.resolve("state"));
        ObjectNode storage = gateway.at("/extensions/file_storage").deepCopy();
        storage.put("directory", state.toString());
        ((ObjectNode) storage.get("compaction")).put("directory", state.toString());
        String receiver = ports.address();
        String health = ports.address();
        int metrics = ports.next();
        ObjectNode config = Artifacts.YAML.createObjectNode();
        config.putObject("receivers").putObject("otlp").putObject("protocols").putObject("grpc").put("endpoint", receiver);
        config.putObject("exporters").set("otlp_grpc/jaeger", exporter);
        ObjectNode extensions = config.putObject("extensions");
        extensions.putObject("health_check").put("endpoint", health);
        extensions.set("file_storage", storage);
        config.set("service", Artifacts.YAML.readTree("""
                extensions: [health_check, file_storage]
                telemetry: {metrics: {level: normal, readers: [{pull: {exporter: {prometheus: {host: 127.0.0.1, port: %d}}}}]}}
                pipelines: {traces: {receivers: [otlp], exporters: [otlp_grpc/jaeger]}}
                """.formatted(metrics)));
        Path file = dir.resolve("queue.yaml");
        Files.writeString(file, Artifacts.YAML.writeValueAsString(config));

        double queued;
        long store;
        long peak;
        double recovered;
        try (ChildProcesses processes = new ChildProcesses()) {
            ChildProcess collector = processes.start("queue", List.of(E2ePrograms.COLLECTOR.toString(), "--config",
                    file.toString()), Map.of(), dir.resolve("queue.log"));
            ChildProcesses.awaitHealthy(collector, "http://" + health + "/", Duration.ofSeconds(30));
            queued = 0;
            try (TrafficGenerator traffic = new TrafficGenerator(List.of(receiver), 17, prod.collector(),
                    prod.sampling().slowThresholdMs())) {
                for (int round = 0; round < 40 && queued < 0.95 * TEST_QUEUE_BYTES; round++) {
                    traffic.send(6000, 1e9, i -> { });
                    traffic.flush();
                    queued = PrometheusScrape.sum(metrics, QUEUE_SIZE);
                }
            }
            collector.stop();
            store = bytes(state);
            // The compaction writes its copy next to the store before the collector is healthy.
            AtomicLong largest = new AtomicLong();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> largest.accumulateAndGet(bytes(state), Math::max), 0, 10,
                    TimeUnit.MILLISECONDS);
            try {
                collector.start();
                ChildProcesses.awaitHealthy(collector, "http://" + health + "/", Duration.ofSeconds(60));
            } finally {
                sampler.shutdownNow();
            }
            peak = Math.max(largest.get(), bytes(state));
            recovered = PrometheusScrape.sum(metrics, QUEUE_SIZE);
            collector.stop();
        }
        System.out.printf(Locale.ROOT, "queue of %d bytes: %.0f queued; store %.1f MiB (%.2f times), at most %.1f MiB "
                        + "during the compaction on start (%.2f times); %.0f bytes queued after the restart%n",
                TEST_QUEUE_BYTES, queued, store / 1048576.0, store / queued, peak / 1048576.0, peak / queued, recovered);

        assertThat(queued).as("the queue filled").isGreaterThanOrEqualTo(0.9 * TEST_QUEUE_BYTES);
        assertThat(peak / queued).as("disk at its largest, per queued byte")
                .isLessThanOrEqualTo(100.0 / QueueBudget.VOLUME_SHARE_PERCENT);
        assertThat(recovered).as("what the queue holds after the restart").isEqualTo(queued);
    }

    private static long bytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
