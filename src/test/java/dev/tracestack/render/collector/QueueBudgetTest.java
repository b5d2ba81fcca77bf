package dev.tracestack.render.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracestack.config.StackConfig;
import dev.tracestack.testing.StackHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exporters' queues of every tier of every stack file, full, take under half the container's memory limit
 * at the heap a queued span takes on the real collector (QueueMemoryIT measures it); a queue on a volume holds in
 * memory only the batches in flight.
 */
class QueueBudgetTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> queue(CollectorConfig tier, String exporter) {
        return (Map<String, Object>) ((Map<String, Object>) tier.exporters().get(exporter)).get("sending_queue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod", "local"})
    void allQueuesOfATierTogetherStayUnderHalfTheMemoryLimit(String stack) {
        StackConfig config = StackHarness.config(stack);
        long half = (long) config.collector().resources().memoryLimitMiB() * 1024 * 1024 / 2;
        for (CollectorTier tier : CollectorTier.of(config)) {
            CollectorConfig rendered = CollectorConfigRenderer.config(config, tier);
            long items = 0;
            for (String exporter : rendered.exporters().keySet()) {
                Map<String, Object> queue = queue(rendered, exporter);
                long signals = rendered.service().pipelines().entrySet().stream()
                        .filter(p -> p.getValue().exporters().contains(exporter))
                        .map(p -> p.getKey().split("/")[0]).distinct().count();
                if (queue.containsKey("storage")) {
                    items += signals * QueueBudget.inFlightItems((Integer) ((Map<?, ?>) queue.get("batch")).get("max_size"));
                } else {
                    assertThat(queue).as(stack + " " + exporter).containsEntry("sizer", "items");
                    // A queue rejects a request larger than itself: a whole batch of the batch processor must fit.
                    assertThat((Long) queue.get("queue_size")).as(stack + " " + exporter).isGreaterThanOrEqualTo(4096);
                    items += signals * (Long) queue.get("queue_size");
                }
            }
            assertThat(items * QueueBudget.HEAP_BYTES_PER_QUEUED_ITEM).as(stack + " " + tier.role()).isLessThanOrEqualTo(half);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage"})
    void theSharesFollowTheQueuesEachTierHolds(String stack) {
        StackConfig config = StackHarness.config(stack);
        List<CollectorTier> tiers = CollectorTier.of(config);
        CollectorConfig gateway = CollectorConfigRenderer.config(config, tiers.get(0));
        CollectorConfig sampler = CollectorConfigRenderer.config(config, tiers.get(1));

        // gateway: load_balancing for traces, googlecloud for metrics
        assertThat(QueueBudget.inMemoryQueues(gateway.exporters(), gateway.service().pipelines())).isEqualTo(2);
        // sampler: googlecloud for traces and for metrics, Pub/Sub, and Jaeger where it is on
        assertThat(QueueBudget.inMemoryQueues(sampler.exporters(), sampler.service().pipelines()))
                .isEqualTo(config.exporters().jaeger() ? 4 : 3);
        assertThat(queue(sampler, "googlecloudpubsub").get("queue_size"))
                .isEqualTo(QueueBudget.itemsPerQueue(config.collector(), config.exporters().jaeger() ? 4 : 3));
    }

    @org.junit.jupiter.api.Test
    void prodsQueuesOnTheVolumeCountBytesAndTogetherTakeAThirdOfIt() {
        StackConfig prod = StackHarness.config("prod");
        CollectorConfig gateway = CollectorConfigRenderer.config(prod, CollectorTier.of(prod).get(0));
        // googlecloud for traces and for metrics, Jaeger, Pub/Sub: 20 GiB × 35% / 4 = 1.75 GiB each
        assertThat(QueueBudget.volumeQueues(gateway.exporters(), gateway.service().pipelines())).isEqualTo(4);
        for (String exporter : List.of("googlecloud", "otlp_grpc/jaeger", "googlecloudpubsub")) {
            assertThat(queue(gateway, exporter)).as(exporter).containsEntry("sizer", "bytes")
                    .containsEntry("queue_size", 1_879_048_192L).containsEntry("storage", "file_storage");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "stage", "prod"})
    void onlyAnExporterQueuingOnAVolumeRetriesWithoutATimeLimit(String stack) {
        StackConfig config = StackHarness.config(stack);
        for (CollectorTier tier : CollectorTier.of(config)) {
            CollectorConfig rendered = CollectorConfigRenderer.config(config, tier);
            rendered.exporters().forEach((id, body) -> {
                if (((Map<?, ?>) body).get("retry_on_failure") instanceof Map<?, ?> retry) {
                    assertThat(retry.get("max_elapsed_time")).as(stack + " " + id)
                            .isEqualTo(queue(rendered, id).containsKey("storage") ? "0s" : "300s");
                }
            });
        }
    }
}
